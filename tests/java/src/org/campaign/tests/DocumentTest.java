package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.campaign.Campaign;
import org.campaign.DocumentOptions;
import org.campaign.InvalidInputException;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/** Issue 21 through Java: the seed's text drafts the hand encoding's measures, responsibilities and outcomes. */
class DocumentTest extends SeededTest {
    static final String DOCS = PlanTest.SOURCE.resolve("tests/data/document").toString();

    private static List<String> rows(org.campaign.Rows r, String... cols) {
        return r.toList().stream().map(row -> {
            StringBuilder b = new StringBuilder();
            for (String c : cols)
                b.append(row.get(c)).append('|');
            return b.toString();
        }).collect(Collectors.toList());
    }

    @Test
    void seedDraftEqualsHandEncoding() {
        String yaml = Campaign.planFromDocumentYaml(DOCS + "/leshan-2010.txt",
                                                    new DocumentOptions().campaign("leshan-ltyg-2010"));
        try (Store s = Campaign.open(":memory:")) {
            s.planImportString(yaml, "draft", "tester", null);
            assertEquals(13, s.tasksQuery(null, null).toList().size());
            List<String> measures = rows(s.measuresQuery(null, null), "id", "text");
            assertEquals(35, measures.size());
            assertEquals(rows(db.measuresQuery(null, null), "id", "text"), measures);
            String[] rc = {"measure", "role", "unit", "unit_group", "condition"};
            List<String> mine = rows(s.responsibilitiesQuery(null, null), rc);
            List<String> hand = rows(db.responsibilitiesQuery(null, null), rc);
            /* the draft writes 各县(市、区)国土资源局(分局) as one unit: the document lists none of its members */
            assertEquals(hand.stream().map(x -> x.replace("null|counties|", "counties|null|")).collect(Collectors.toList()), mine);
            String[] oc = {"id", "text", "deadline_text", "first", "last"};
            assertEquals(32, s.outcomesQuery(null, null).toList().size());
            assertEquals(rows(db.outcomesQuery(null, null), oc), rows(s.outcomesQuery(null, null), oc));
        }
    }

    @Test
    void reportAndEncodings() {
        String report = Campaign.planFromDocumentReport(DOCS + "/leshan-2010.txt", null);
        assertTrue(report.contains("## Lines not placed\n(none)\n"), report);
        String utf8 = Campaign.planFromDocumentYaml(DOCS + "/county-2012.txt", null);
        assertEquals(utf8, Campaign.planFromDocumentYaml(DOCS + "/county-2012.gb18030.txt", new DocumentOptions().encoding("gb18030")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> Campaign.planFromDocumentYaml(DOCS + "/county-2012.txt", new DocumentOptions().encoding("latin1")));
        assertEquals("unknown encoding \"latin1\" (auto, utf-8 or gb18030)", e.getMessage());
    }
}
