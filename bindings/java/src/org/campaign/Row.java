package org.campaign;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One result row: the columns the C API documents, by name. */
public final class Row {
    /** A query's column names and their positions, shared by all its rows (a map per row was half the cost of
     *  iterating). */
    static final class Columns {
        final String[] names;
        final Map<String, Integer> index;

        Columns(String[] names) {
            this.names = names;
            index = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                index.put(names[i], i);
            }
        }
    }

    private final Columns columns;
    private final Object[] values;
    private Map<String, Object> map;

    Row(Columns columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The value: a String, a Long, a LocalDate, or null. */
    public Object get(String column) {
        Integer i = columns.index.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column + " in " + Arrays.toString(columns.names));
        }
        return values[i];
    }

    public String getString(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    /** An integer column (0/1 flags included); null stays null. */
    public Long getLong(String column) {
        return (Long) get(column);
    }

    public int getInt(String column) {
        Long v = getLong(column);
        return v == null ? 0 : v.intValue();
    }

    public LocalDate getDate(String column) {
        return (LocalDate) get(column);
    }

    public boolean isNull(String column) {
        return get(column) == null;
    }

    /** The row as an unmodifiable map, in column order. */
    public Map<String, Object> asMap() {
        if (map == null) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>(values.length * 2);
            for (int i = 0; i < values.length; i++) {
                m.put(columns.names[i], values[i]);
            }
            map = Collections.unmodifiableMap(m);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row && ((Row) o).asMap().equals(asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return "Row" + asMap();
    }
}
