package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.campaign.Campaign;
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
            db.importYaml(PlanTest.SEED, "java");
            db.importYamlString("format: 1\ncampaign: {id: interop, title: 互通, period: 2010年}\n"
                                + "units: [{id: u1, name: \"" + NAME + "\", kind: other}]\n"
                                + "tasks: [{id: t1, title: 任务}]\n", null, "java", false);
            db.reportProgress("leshan-ltyg-2010", "t2.4.o1", "jiancha", "done", 100, LocalDate.of(2010, 10, 28),
                              "Java 写入 " + NAME, null, "java");
            assertEquals(NAME, db.units("interop").toList().get(0).getString("name"));
        }
    }
}
