package org.campaign;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.campaign.jni.capi;
import org.campaign.jni.capiJNI;
import org.campaign.jni.campaign_column_type;
import org.campaign.jni.campaign_error_code;

/**
 * A query's rows: iterate once (for-each; a second iteration throws
 * IllegalStateException rather than yield nothing), or {@link #toList()}. Close it
 * (try-with-resources) to free it early; it is freed at the end of the rows
 * and when its store closes. Using it after its store closed throws
 * {@link ClosedException}.
 */
public final class Rows extends CursorMethods implements Iterable<Row>, Iterator<Row>, AutoCloseable {
    /** Rows fetched per JNI crossing, at most; the first batches are smaller, for queries read only in part. */
    private static final int BATCH_ROWS = 256;
    private static final int FIRST_BATCH_ROWS = 8;
    /** Marks an integer value in the batch; the value is in {@link #ints}. */
    private static final Object INT = new Object();

    private final Store store;
    private long handle;
    private final String[] names;
    private final int[] types;
    private Row next;
    private Object[] values = new Object[0];
    private long[] ints = new long[0];
    private final Object[] error = new Object[1];
    private int batchRows = FIRST_BATCH_ROWS;
    private int rows;
    private int row;
    private boolean iterated;

    Rows(Store store, long handle) {
        this.store = store;
        this.handle = handle;
        int n = capi.campaign_cursor_column_count(handle);
        names = new String[n];
        types = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = capi.campaign_cursor_column_name(handle, i);
            types[i] = capi.campaign_cursor_column_type(handle, i);
        }
        store.track(this);
    }

    /** The rows, once: a query's rows are read as they come, so a second iteration would silently be empty. */
    @Override
    public Iterator<Row> iterator() {
        if (iterated) {
            throw new IllegalStateException("these rows were iterated already: run the query again");
        }
        iterated = true;
        return this;
    }

    @Override
    long cursorHandle() {
        if (store.isClosed()) {
            close();
            throw new ClosedException(campaign_error_code.CAMPAIGN_ECLOSED, "the store is closed", null, 0, 0);
        }
        if (handle == 0) {
            throw new ClosedException(campaign_error_code.CAMPAIGN_ECLOSED, "the rows are closed", null, 0, 0);
        }
        return handle;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (store.isClosed()) {
            close();
            throw new ClosedException(campaign_error_code.CAMPAIGN_ECLOSED, "the store is closed", null, 0, 0);
        }
        if (handle == 0) {
            return false;
        }
        if (row == rows && !fetch()) {
            close();
            return false;
        }
        next = makeRow(row++ * names.length);
        return true;
    }

    /** The next batch of rows; false at the end. Throws an error met after the rows fetched before it. */
    private boolean fetch() {
        if (error[0] != null) {
            RuntimeException e = (RuntimeException) error[0];
            error[0] = null;
            throw e;
        }
        row = 0;
        if (names.length == 0) { // nothing to fill: step the cursor alone
            rows = capi.campaign_cursor_next(handle);
            return rows > 0;
        }
        int want = batchRows * names.length;
        if (values.length < want) {
            values = new Object[want];
            ints = new long[want];
        }
        rows = capiJNI.cursorRows(handle, batchRows, values, ints, INT, error);
        batchRows = Math.min(batchRows * 4, BATCH_ROWS);
        if (rows == 0 && error[0] != null) {
            return fetch();
        }
        return rows > 0;
    }

    private Row makeRow(int base) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            Object v = values[base + i];
            values[base + i] = null;
            if (v == INT) {
                v = ints[base + i];
            } else if (v instanceof byte[]) {
                v = Utf8.decode((byte[]) v);
            }
            if (v != null && types[i] == campaign_column_type.CAMPAIGN_COLUMN_DATE) {
                v = date((String) v);
            }
            map.put(names[i], v);
        }
        return new Row(map);
    }

    /** "YYYY-MM-DD" without the formatter's cost; anything else as LocalDate.parse takes it (or throws). */
    private static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    // not a real date: LocalDate.parse throws its own exception, as before
                }
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }

    /** The remaining rows. */
    public List<Row> toList() {
        List<Row> all = new ArrayList<>();
        while (hasNext()) {
            all.add(next());
        }
        return all;
    }

    @Override
    public void close() {
        if (handle != 0) {
            capi.campaign_cursor_free(handle);
            handle = 0;
            store.untrack(this);
        }
    }
}
