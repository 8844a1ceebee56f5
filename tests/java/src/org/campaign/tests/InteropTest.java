package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Campaign;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/**
 * Writes a store for the Python and C readers (tests/python/test_interop.py):
 * the seed plan, a unit whose name is outside the BMP, and a progress report.
 */
class InteropTest {
    static final String NAME = "𠀀𪚥监察员";

    @Test
    void writeStoreForOtherLanguages() {
        String path = System.getProperty("campaign.interop.store");
        if (path == null) {
            return;
        }
        new java.io.File(path).delete();
        try (Store db = Campaign.open(path)) {
            db.planImportFile(PlanTest.SEED, "java");
            db.planImportString("format: 1\ncampaign: {id: interop, title: 互通, period: 2010年}\n"
                                + "units: [{id: u1, name: \"" + NAME + "\", kind: other}]\n"
                                + "tasks: [{id: t1, title: 任务}]\n", null, "java", null);
            db.progressReportAdd("leshan-ltyg-2010", new ProgressReportAddOptions().outcome("t2.4.o1").unit("jiancha").status("done").percent(100).date(LocalDate.of(2010, 10, 28)).note("Java 写入 " + NAME), "java");
            db.progressReportAdd("leshan-ltyg-2010", new ProgressReportAddOptions().outcome("t1.1.o1").unit("liyong").status("done").percent(100).date(LocalDate.of(2010, 11, 29)), "java");
            assertEquals(NAME, db.unitsQuery("interop").toList().get(0).getString("name"));
            // Java's view of the report as of 2010-12-01, for Python and C to compare with
            StringBuilder report = new StringBuilder();
            for (Row o : db.outcomeStatusQuery("leshan-ltyg-2010", LocalDate.of(2010, 12, 1))) {
                report.append(o.getString("outcome")).append(' ').append(o.getString("color")).append(' ')
                      .append(o.getLong("days_late")).append(' ').append(o.isNull("owing") ? "-" : o.getString("owing"))
                      .append('\n');
            }
            try {
                java.nio.file.Files.write(java.nio.file.Paths.get(path + ".report"),
                                          report.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
