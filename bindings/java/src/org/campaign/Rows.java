package org.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.campaign.jni.capi;
import org.campaign.jni.campaign_column_type;
import org.campaign.jni.campaign_error_code;

/**
 * A query's rows: iterate once (for-each), or {@link #toList()}. Close it
 * (try-with-resources) to free it early; it is freed at the end of the rows
 * and when its store closes. Using it after its store closed throws
 * {@link ClosedException}.
 */
public final class Rows implements Iterable<Row>, Iterator<Row>, AutoCloseable {
    private final Store store;
    private long handle;
    private final String[] names;
    private final int[] types;
    private Row next;

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

    @Override
    public Iterator<Row> iterator() {
        return this;
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
        if (capi.campaign_cursor_next(handle) == 0) {
            close();
            return false;
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object v = null;
            if (capi.campaign_cursor_is_null(handle, i) == 0) {
                if (types[i] == campaign_column_type.CAMPAIGN_COLUMN_INT) {
                    v = capi.campaign_cursor_int(handle, i);
                } else if (types[i] == campaign_column_type.CAMPAIGN_COLUMN_DATE) {
                    v = LocalDate.parse(capi.campaign_cursor_text(handle, i));
                } else {
                    v = capi.campaign_cursor_text(handle, i);
                }
            }
            values.put(names[i], v);
        }
        next = new Row(values);
        return true;
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
