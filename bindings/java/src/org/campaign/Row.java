package org.campaign;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One result row: the columns the C API documents, by name. */
public final class Row {
    private final Map<String, Object> values;

    Row(LinkedHashMap<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value: a String, a Long, a LocalDate, or null. */
    public Object get(String column) {
        check(column);
        return values.get(column);
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

    public Map<String, Object> asMap() {
        return values;
    }

    private void check(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row && ((Row) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Row" + values;
    }
}
