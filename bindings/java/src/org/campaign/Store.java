package org.campaign;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.campaign.jni.campaign_error_code;
import org.campaign.jni.capi;

/**
 * An open store (an SQLite file or ":memory:"). Close it (try-with-resources);
 * closing twice is harmless, and any use after close throws
 * {@link ClosedException}.
 *
 * <p>Its methods are generated from the C headers ({@link StoreMethods}, by
 * bindings/gen/generate.py): {@code campaign_units_query(&out, db, campaign)}
 * is {@code store.unitsQuery(campaign)} — camelCase, without the store and
 * the out-parameter, in the C order. Queries return {@link Rows} whose
 * columns are those the C API documents; an id or text result is a String;
 * an options struct is a generated {@code *Options} class (null: defaults);
 * a campaign argument may be null: the only campaign in the store.
 */
public final class Store extends StoreMethods implements AutoCloseable {
    private long handle;
    private final Set<Rows> open = Collections.newSetFromMap(new IdentityHashMap<>());

    Store(String path, long flags) {
        long[] out = new long[1];
        capi.campaign_open(out, path, flags);
        handle = out[0];
    }

    Store(String path, OpenOptions opts) {
        long[] out = new long[1];
        capi.campaign_open_with(out, path, OpenOptions.toNative(opts));
        handle = out[0];
    }

    public boolean isClosed() {
        return handle == 0;
    }

    @Override
    public synchronized void close() {
        if (handle != 0) {
            for (Rows r : open.toArray(new Rows[0])) {
                r.close();
            }
            capi.campaign_close(handle);
            handle = 0;
        }
    }

    synchronized void track(Rows r) { open.add(r); }
    synchronized void untrack(Rows r) { open.remove(r); }

    @Override
    long h() {
        if (handle == 0) {
            throw new ClosedException(campaign_error_code.CAMPAIGN_ECLOSED, "the store is closed", null, 0, 0);
        }
        return handle;
    }

    @Override
    Rows rows(long cursor) {
        return new Rows(this, cursor);
    }
}
