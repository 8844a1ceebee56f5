package org.campaign;

import java.time.LocalDate;
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

    /** Parses a Chinese deadline expression; {@code year} may be null. */
    public static Deadline parseDeadline(String text, Integer year) {
        long[] out = new long[1];
        capi.campaign_deadline_parse(out, text, year == null ? 0 : year);
        long d = out[0];
        try {
            String first = capi.campaign_deadline_first(d), last = capi.campaign_deadline_last(d);
            return new Deadline(capi.campaign_deadline_text(d), first == null ? null : LocalDate.parse(first),
                                last == null ? null : LocalDate.parse(last), capi.campaign_deadline_is_open_ended(d) != 0);
        } finally {
            capi.campaign_deadline_free(d);
        }
    }
}
