package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.campaign.Campaign;
import org.campaign.ConflictException;
import org.campaign.ExportAllOptions;
import org.campaign.InvalidInputException;
import org.campaign.OpenOptions;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store.exportAll (issue 15 item 4), smaller than the C and Python tests: findings, a ledger, progress
 *  and people exported as CSV, re-imported by the manifest into a fresh store, the same listings; an
 *  existing directory refused; the one CSV door (Campaign.csvCell, Rows.writeCsv). */
class ExportAllTest extends SeededTest {
    static final String SRC = PlanTest.SOURCE.toString();
    static final String RARE = "𠀋";

    static void catalogues(Store s) {
        s.catalogueImportFile(null, SRC + "/examples/catalogues/ten-categories.yaml", "office");
        s.catalogueImportFile(null, SRC + "/examples/catalogues/five-behaviours.yaml", "office");
    }

    static List<String> listing(Iterable<Row> rows, String... cols) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            StringBuilder b = new StringBuilder();
            for (String c : cols)
                b.append(r.getString(c)).append('|');
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void roundTrip(@TempDir Path dir) throws Exception {
        catalogues(db);
        db.progressImportString(null, "outcome,unit,status,percent,date,note\n"
            + "t1.2.o1,kuangguan,in_progress,50,2010-11-15,=已部署" + RARE + "\n", "p.csv", null, "office");
        // the rounds before the findings, one of which names a round
        db.inspectionRoundsImportFile(null, SRC + "/tests/data/inspection/rounds.csv", null, "office");
        db.findingsImportFile(null, SRC + "/tests/data/inspection/findings.csv", null, "office");
        db.findingsImportString(null, "unit,origin,description,found_on,round\n"
            + "mabian,self_reported,自查发现" + RARE + ",2010-12-01,spot-2010/mabian\n", "f.csv", null, "office");
        db.rectificationsImportFile(null, SRC + "/tests/data/inspection/ledger.csv", null, "office");
        db.peopleImportFile(null, SRC + "/examples/people/leshan-2010-people.yaml", null, "office");
        Path out = dir.resolve("export");
        int files = db.exportAll(null, out.toString(), new ExportAllOptions().actor("office"));
        List<String> manifest = Files.readAllLines(out.resolve("MANIFEST.csv"), StandardCharsets.UTF_8);
        assertEquals(files, Files.list(out).count());
        assertEquals("\ufefffile,what,rows,sha256,import,note", manifest.get(0));
        try (Store to = Campaign.open(":memory:", new OpenOptions().key(KEY))) {
            to.planImportFile(out.resolve("plan.yaml").toString(), "clerk");
            to.catalogueImportFile(null, out.resolve("catalogue-ten-categories.v1.yaml").toString(), "clerk");
            to.catalogueImportFile(null, out.resolve("catalogue-five-behaviours.v1.yaml").toString(), "clerk");
            to.peopleImportFile(null, out.resolve("people.yaml").toString(), null, "clerk");
            to.progressImportFile(null, out.resolve("progress.csv").toString(), null, "clerk");
            to.inspectionRoundsImportFile(null, out.resolve("rounds.csv").toString(), null, "clerk");
            to.findingsImportFile(null, out.resolve("findings.csv").toString(), null, "clerk");
            to.rectificationsImportFile(null, out.resolve("ledger.csv").toString(), null, "clerk");
            String[] f = {"id", "unit", "category", "origin", "people", "description", "amount", "found_on", "round"};
            LocalDate asOf = LocalDate.of(2011, 2, 1);
            String[] rounds = {"id", "series", "unit", "unit_group", "window_first", "window_last", "deadline",
                               "deadline_text", "submitted_on", "document", "note", "status", "findings"};
            List<String> want = listing(db.inspectionRoundsQuery(null, null, null, asOf), rounds);
            assertEquals(13, want.size());
            assertEquals(want, listing(to.inspectionRoundsQuery(null, null, null, asOf), rounds));
            assertTrue(want.contains("spot-2010/mabian|spot-2010|mabian|counties|2010-11-01|2010-12-31|2010-12-31|12月底|"
                                     + "2011-01-05|马国土发〔2011〕1号|null|late|2|"), String.join("\n", want));
            assertEquals(listing(db.findingsQuery(null, null, null), f), listing(to.findingsQuery(null, null, null), f));
            String[] r = {"id", "finding", "measure", "deadline", "deadline_text", "responsible", "criterion"};
            assertEquals(listing(db.rectificationsQuery(null, null, null), r),
                         listing(to.rectificationsQuery(null, null, null), r));
            String[] p = {"outcome", "unit", "status", "percent", "reported_on", "note"};
            assertEquals(List.of("t1.2.o1|kuangguan|in_progress|50|2010-11-15|=已部署" + RARE + "|"),
                         listing(to.progressHistoryQuery(null, null, null), p));
            String[] k = {"catalogue", "version", "id", "label", "text", "consequence"};
            assertEquals(listing(db.violationCategoriesQuery(null, "ten-categories", 0), k),
                         listing(to.violationCategoriesQuery(null, "ten-categories", 0), k));
            String[] people = {"id", "name", "unit", "posts"};
            assertEquals(17, listing(to.peopleQuery(null, null), people).size());
            assertEquals(listing(db.peopleQuery(null, null), people), listing(to.peopleQuery(null, null), people));
        }
        assertTrue(manifest.stream().anyMatch(l -> l.startsWith("findings.csv,self-inspection findings,4,")),
                   String.join("\n", manifest));
    }

    @Test
    void roundsImportErrors() {
        String head = "round,unit,group,window_first,window_last,deadline,submitted_on\n";
        db.inspectionRoundsImportFile(null, SRC + "/tests/data/inspection/rounds.csv", null, "office");
        ConflictException c = assertThrows(ConflictException.class, () -> db.inspectionRoundsImportString(null,
            head + "self-2010-jiancha,jiancha,,2010-11-01,2010-11-30,2010-11-30,\n", "r.csv", null, "office"));
        assertTrue(c.getMessage().contains("r.csv:2:1: row 1: round \"self-2010-jiancha\" exists already"), c.getMessage());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> db.inspectionRoundsImportString(null,
            head + "r1,jiancha,,2010-11-01,2010-11-30,2010-11-30,\nr2,nowhere,,2010-11-01,2010-11-30,2010-11-30,\n",
            "r.csv", null, "office"));
        assertTrue(e.getMessage().contains("r.csv:3:4: row 2: unknown unit \"nowhere\""), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> db.inspectionRoundsImportString(null,
            head + "r1,jiancha,,2010-11-01,2010-13-30,2010-11-30,\n", "r.csv", null, "office"));
        assertTrue(e.getMessage().contains("window_last \"2010-13-30\" is not a date"), e.getMessage());
        assertEquals(13, listing(db.inspectionRoundsQuery(null, null, null, null), "id").size());
    }

    @Test
    void existingDirectoryAndCsvDoor(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x"), "keep");
        ConflictException e = assertThrows(ConflictException.class, () -> db.exportAll(null, dir.toString()));
        assertTrue(e.getMessage().endsWith("is not empty: an export goes into a new directory"), e.getMessage());
        assertEquals(List.of("x"), Files.list(dir).map(q -> q.getFileName().toString()).collect(Collectors.toList()));
        assertEquals("'=1+1", Campaign.csvCell("=1+1"));
        assertEquals("\"王" + RARE + ",\"\"明\"\"\"", Campaign.csvCell("王" + RARE + ",\"明\""));
        db.progressImportString(null, "outcome,unit,status,percent,date\nt1.2.o1,kuangguan,in_progress,50,2010-11-15\n",
                                "p.csv", null, "office");
        Path csv = dir.resolve("h.csv");
        db.progressHistoryQuery(null, null, null).writeCsv(csv.toString(), "unit,percent", "单位,进度");
        assertEquals("\ufeff单位,进度\r\nkuangguan,50\r\n", Files.readString(csv, StandardCharsets.UTF_8));
    }
}
