package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import org.campaign.CaseLeadAddOptions;
import org.campaign.CaseLeadResolveOptions;
import org.campaign.FindingAddOptions;
import org.campaign.NotFoundException;
import org.campaign.Row;
import org.campaign.TypicalCasesOptions;
import org.junit.jupiter.api.Test;

/** Typical cases for public release through Java: names masked (王𠀋明 -> 王某). */
class TypicalCasesTest extends SeededTest {
    @Test
    void resolvedCasesMasked() {
        assertEquals(1, db.catalogueImportFile(null, PlanTest.SOURCE.resolve("examples/catalogues/ten-categories.yaml").toString(), "office"));
        db.findingAdd(null, new FindingAddOptions().id("F-M").unit("mabian").category("ten-categories/c8").origin("investigated")
            .people("王𠀋明、Smith").description("王𠀋明收受贿赂，Smith 经手").found_on(LocalDate.of(2010, 11, 20)), "office");
        db.caseLeadAdd(null, new CaseLeadAddOptions().id("L-1").finding("F-M").received_on(LocalDate.of(2010, 11, 21))
            .details("秘密").reporter("赵举报"), "office");
        db.caseLeadResolve(null, new CaseLeadResolveOptions().lead("L-1").outcome("sanctioned").date(LocalDate.of(2010, 12, 1)), "office");
        List<Row> rows = db.typicalCasesQuery(null, new TypicalCasesOptions(), "office").toList();
        assertEquals(1, rows.size());
        assertEquals("王某、S.", rows.get(0).getString("people"));
        assertEquals("王某收受贿赂，S. 经手", rows.get(0).getString("found"));
        assertEquals("给予处分", rows.get(0).getString("outcome_label"));
        assertEquals(0, db.typicalCasesQuery(null, new TypicalCasesOptions().to(LocalDate.of(2010, 11, 30)), "office").toList().size());
        assertThrows(NotFoundException.class,
            () -> db.typicalCasesQuery(null, new TypicalCasesOptions().unit("nowhere-x"), "office"));
    }
}
