package org.campaign;

import java.time.DateTimeException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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

    private final Store store;
    private long handle;
    private final String[] names;
    private final Row.Columns columns;
    private final int[] types;
    /** Each column's value in the row before, for values up to MEMO_BYTES long. */
    private final Object[] last;
    private static final int MEMO_BYTES = 40;
    private Row next;
    private final Object[] text = new Object[1];
    private int[] spans = new int[0];
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
        columns = new Row.Columns(names);
        last = new Object[n];
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
        next = makeRow(row++);
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
        if (ints.length < want) {
            spans = new int[2 * want];
            ints = new long[want];
        }
        rows = capiJNI.cursorBatch(handle, batchRows, text, spans, ints, error);
        batchRows = Math.min(batchRows * 4, BATCH_ROWS);
        if (rows == 0 && error[0] != null) {
            return fetch();
        }
        return rows > 0;
    }

    /** Row @r of the batch: integers from {@link #ints}, texts and dates decoded from the batch's bytes. A
     *  column's short value equal to the row before's is the same String or LocalDate object (a column repeats
     *  its values row after row: unit, status, actor, dates). */
    private Row makeRow(int r) {
        int n = names.length, base = r * n;
        byte[] bytes = (byte[]) text[0];
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            int k = base + i, at = spans[2 * k], len = spans[2 * k + 1];
            if (len < 0) {
                continue;
            }
            if (types[i] == campaign_column_type.CAMPAIGN_COLUMN_INT) {
                v[i] = ints[k];
                continue;
            }
            if (r > 0 && len <= MEMO_BYTES && last[i] != null && spans[2 * (k - n) + 1] == len
                && Arrays.equals(bytes, at, at + len, bytes, spans[2 * (k - n)], spans[2 * (k - n)] + len)) {
                v[i] = last[i];
                continue;
            }
            v[i] = types[i] == campaign_column_type.CAMPAIGN_COLUMN_DATE ? date(bytes, at, len)
                                                                         : new String(bytes, at, len, StandardCharsets.UTF_8);
            last[i] = v[i];
        }
        return new Row(columns, v);
    }

    /** "YYYY-MM-DD" without a String or the formatter's cost; anything else as LocalDate.parse takes it (or
     *  throws). */
    private static LocalDate date(byte[] b, int at, int len) {
        if (len == 10 && b[at + 4] == '-' && b[at + 7] == '-') {
            int y = digits(b, at, at + 4), m = digits(b, at + 5, at + 7), d = digits(b, at + 8, at + 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    // not a real date: LocalDate.parse throws its own exception, as before
                }
            }
        }
        return LocalDate.parse(new String(b, at, len, StandardCharsets.UTF_8));
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
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
