package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.campaign.RectificationAddOptions;
import org.campaign.InspectionRoundSubmitOptions;
import org.campaign.InspectionRoundAddOptions;
import org.campaign.FindingAddOptions;
import org.campaign.CaseLeadAddOptions;
import org.campaign.InvalidInputException;
import org.campaign.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Self-inspection, leniency, the ledger, confidential leads and search through Java. */
class InspectionTest extends SeededTest {
    @BeforeEach
    void catalogue() {
        assertEquals(1, db.catalogueImportFile(null, PlanTest.SOURCE.resolve("examples/catalogues/ten-categories.yaml").toString(), "督查办"));
    }

    @Test
    void roundsLeniencyLedgerSearch() {
        db.inspectionRoundAdd(null, new InspectionRoundAddOptions().round("自查2010").group("counties").window_first(LocalDate.of(2010, 10, 15)).window_last(LocalDate.of(2010, 12, 10)).deadline("12月中旬"), "督查办");
        assertEquals(11, db.inspectionRoundsQuery(null, "自查2010", null, null).toList().size());
        db.inspectionRoundSubmit(null, new InspectionRoundSubmitOptions().round("自查2010/emeishan").date(LocalDate.of(2010, 12, 15)).document("自查总结"), "督查办");
        assertEquals(10, db.inspectionMissingQuery(null, "自查2010", LocalDate.of(2010, 12, 21)).toList().size());
        String f = db.findingAdd(null, new FindingAddOptions().unit("liyong").category("ten-categories/c3").origin("inspection_tour").description("擅自修改土地利用规划").found_on(LocalDate.of(2010, 12, 2)), "督查办");
        Row row = db.findingsQuery(null, null, f).toList().get(0);
        assertEquals("strict", row.getString("leniency"));
        Row counted = db.findingsSummaryQuery(null).toList().get(0);
        assertEquals("c3", counted.getString("category"));
        assertEquals("巡视发现", counted.getString("origin_label"));
        assertEquals(1L, counted.getLong("findings"));
        String r = db.rectificationAdd(null, new RectificationAddOptions().finding(f).problem("规划被擅自修改").measure("恢复原规划").deadline("2011-01-31").responsible("利用科科长").criterion("规划复原"), "督查办");
        assertEquals("逾期10天", db.rectificationLedgerQuery(null, null, LocalDate.of(2011, 2, 10)).toList().get(0).getString("overdue"));
        List<Row> hits = db.searchQuery(null, "规划", null).toList();
        assertEquals(2, hits.size());
        assertTrue(hits.stream().anyMatch(h -> h.getString("object").equals(r)));
        assertThrows(InvalidInputException.class, () -> db.searchQuery(null, "，", null));
    }

    @Test
    void reporterOnlyThroughConfidentialCall() {
        db.caseLeadAdd(null, new CaseLeadAddOptions().id("L-1").unit("emeishan").received_on(LocalDate.of(2010, 11, 5)).details("群众举报:干部插手土地出让").reporter("𠀀王举报").reporter_contact("138"), "督查办");
        for (Row l : db.caseLeadsQuery(null, null)) {
            assertTrue(!l.toString().contains("王举报"));
        }
        assertEquals("𠀀王举报", db.caseLeadConfidentialQuery(null, "L-1", "督查办").toList().get(0).getString("reporter"));
    }
}
