package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.campaign.Campaign;
import org.campaign.ConflictException;
import org.campaign.InvalidInputException;
import org.campaign.RowsImportOptions;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** xlsx in (issue 15) and .docx in (issue 21) through Java. */
class OoxmlTest extends SeededTest {
    static final String XLSX = PlanTest.SOURCE.resolve("tests/data/xlsx").toString();
    static final String DOCS = PlanTest.SOURCE.resolve("tests/data/document").toString();
    static final String NOTE = "=1+1 \uD840\uDC0B 中文"; // a formula-looking text, U+2000B, Chinese

    List<String> history() {
        return db.progressHistoryQuery(null, null, null).toList().stream()
            .map(r -> r.getString("reported_on") + " " + r.getString("note")).collect(Collectors.toList());
    }

    @Test
    void workbookFirstOrNamedSheet() {
        db.progressImportFile(null, XLSX + "/progress.xlsx", null, "clerk");
        assertEquals(List.of("2010-11-15 " + NOTE, "2010-11-20 null", "2010-11-30 序列号日期"), history());
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressImportFile(null, XLSX + "/progress.xlsx", new RowsImportOptions().sheet("第二批"), "clerk"));
        assertEquals(XLSX + "/progress.xlsx: 第二批!D3: row 2: percent 130 is not in 0..100", e.getMessage());
        e = assertThrows(InvalidInputException.class,
            () -> db.progressImportFile(null, XLSX + "/bomb.xlsx", null, "clerk"));
        assertEquals(XLSX + "/bomb.xlsx: xl/worksheets/sheet1.xml: compressed 1028:1, more than 500:1 (a zip bomb?)",
                     e.getMessage());
        assertEquals(3, history().size());
    }

    @Test
    void historyAsXlsxReimports(@TempDir Path dir) {
        db.progressImportFile(null, XLSX + "/progress.xlsx", null, "clerk");
        Path path = dir.resolve("h.xlsx");
        db.progressHistoryQuery(null, null, null).writeXlsx(path.toString(), "历史", null, null);
        db.progressImportFile(null, path.toString(), null, "clerk");
        assertEquals(6, history().size());
        assertEquals(2, history().stream().filter(h -> h.equals("2010-11-15 " + NOTE)).count());
    }

    @Test
    void docxDraftsAndImports() {
        assertEquals(Campaign.planFromDocumentYaml(DOCS + "/leshan-2010.txt", null),
                     Campaign.planFromDocumentYaml(DOCS + "/seed.docx", null));
        try (Store s = Campaign.open(":memory:")) {
            String report = s.planImportDocument(DOCS + "/seed.docx", "tester", null, 0, 1);
            assertTrue(report.contains("3 areas, 10 tasks, 35 measures, 32 outcomes"), report);
            assertEquals(0, s.campaignsQuery().toList().size());
            s.planImportDocument(DOCS + "/seed.docx", "tester", null, 0, 0);
            assertEquals(35, s.measuresQuery(null, null).toList().size());
            assertEquals(32, s.outcomesQuery(null, null).toList().size());
            assertThrows(ConflictException.class, () -> s.planImportDocument(DOCS + "/seed.docx", "tester", null, 0, 1));
        }
    }
}
