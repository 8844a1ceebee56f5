package org.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaign.jni.campaign_deadline_read_options;
import org.campaign.jni.capi;
import org.campaign.jni.capiConstants;

/**
 * libcampaign for Java: {@code try (Store db = Campaign.open("plan.db")) { ... }}.
 * The JNI library loads with {@code System.loadLibrary("campaign_java")}, or
 * from the file named by the system property {@code campaign.library.path}.
 * The C functions that take no handle ({@code version()}, {@code auditKeygen()},
 * ...) are its static methods, generated ({@link CampaignApi}).
 */
public final class Campaign extends CampaignApi {
    public static final long OPEN_READONLY = capiConstants.CAMPAIGN_OPEN_READONLY;
    public static final long OPEN_NOCREATE = capiConstants.CAMPAIGN_OPEN_NOCREATE;

    private Campaign() {}

    /** Opens (creating and migrating if needed) a store. */
    public static Store open(String path) { return new Store(path, 0); }

    public static Store open(String path, long flags) { return new Store(path, flags); }

    /**
     * Opens a store with the host's keys (campaign_open_with()): the flags, the confidential fields'
     * key or key file, the Ed25519 signing key or its file, a witness file; null: defaults.
     */
    public static Store open(String path, OpenOptions opts) { return new Store(path, opts); }

    /** Parses a Chinese deadline expression; {@code year} may be null. */
    public static Deadline parseDeadline(String text, Integer year) {
        return readDeadline(text, new DeadlineReadOptions().year(year == null ? 0 : year));
    }

    /**
     * Parses a Chinese deadline expression in a context: the year, the date
     * 即日/从今 mean, the period whose occurrences a recurrence lists
     * ({@code opts} may be null).
     */
    public static Deadline readDeadline(String text, DeadlineReadOptions opts) {
        long[] out = new long[1];
        campaign_deadline_read_options o = DeadlineReadOptions.toNative(opts);
        try {
            capi.campaign_deadline_read(out, text, o);
        } finally {
            o.delete();
        }
        long d = out[0];
        try {
            List<Deadline.Occurrence> occ = new ArrayList<>();
            for (int i = 0; i < capi.campaign_deadline_occurrence_count(d); i++)
                occ.add(new Deadline.Occurrence(date(capi.campaign_deadline_occurrence_first(d, i)),
                                                date(capi.campaign_deadline_occurrence_last(d, i))));
            return new Deadline(capi.campaign_deadline_text(d), date(capi.campaign_deadline_first(d)),
                                date(capi.campaign_deadline_last(d)), capi.campaign_deadline_is_open_ended(d) != 0,
                                Deadline.Kind.values()[capi.campaign_deadline_kind(d)], capi.campaign_deadline_rule(d),
                                occ);
        } finally {
            capi.campaign_deadline_free(d);
        }
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
