package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.campaign.TourAddOptions;
import org.campaign.Campaign;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/** Accountability through Java: the seed's rules, the bottom county interviewed, the tour schedule. */
class AccountabilityTest {
    @Test
    void bottomCountyAndTours() {
        try (Store db = Campaign.open(":memory:")) {
            db.planImportFile(PlanTest.SEED, "tester");
            assertEquals(1, db.rulesImportFile(null, PlanTest.SOURCE.resolve("examples/rules/leshan-2010.yaml").toString(), "督查办"));
            db.evaluationsImportFile(null, PlanTest.SOURCE.resolve("examples/people/evaluations-2010.csv").toString(), null, "督查办");
            assertEquals(11, db.tourAdd(null, new TourAddOptions().year(2011).group("counties").first("2011-03-01").last("2011-11-30"), "督查办"));
            assertTrue(db.accountabilityEvaluate(null, LocalDate.of(2011, 2, 1), "督查办") > 0);
            List<Row> interviews = new java.util.ArrayList<>();
            for (Row p : db.proposalsQuery(null, null, null)) {
                if (p.getString("kind").equals("evaluation_bottom")) interviews.add(p);
            }
            assertEquals(1, interviews.size());
            assertEquals("mabian", interviews.get(0).getString("unit"));
            assertEquals(0, db.accountabilityEvaluate(null, LocalDate.of(2011, 2, 1), "督查办"));
        }
    }
}
