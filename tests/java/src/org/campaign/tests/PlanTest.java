package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.campaign.Campaign;
import org.campaign.ClosedException;
import org.campaign.ConflictException;
import org.campaign.Deadline;
import org.campaign.ImportOptions;
import org.campaign.InvalidInputException;
import org.campaign.NotFoundException;
import org.campaign.Row;
import org.campaign.Rows;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/** The C plan scenarios replayed through Java, on the seed plan. */
class PlanTest extends SeededTest {
    static final Path SOURCE = Paths.get(System.getProperty("campaign.source.dir", "."));
    static final String SEED = SOURCE.resolve("examples/plans/leshan-2010.yaml").toString();

    static int count(Rows rows) {
        return rows.toList().size();
    }

    @Test
    void counts() {
        int areas = 0, tasks = 0;
        for (Row t : db.tasksQuery(null, null)) {
            if (t.getInt("depth") == 0) areas++; else tasks++;
        }
        assertEquals(3, areas);
        assertEquals(10, tasks);
        assertEquals(35, count(db.measuresQuery(null, null)));
        assertEquals(32, count(db.outcomesQuery(null, null)));
        assertEquals(4, count(db.phasesQuery(null)));
    }

    static String responsibility(Store db, String measure) {
        List<String> lead = new ArrayList<>(), support = new ArrayList<>();
        for (Row r : db.responsibilitiesQuery(null, measure)) {
            String s = r.getString("name") + (r.isNull("condition") ? "" : "[" + r.getString("condition") + "]");
            (r.getString("role").equals("lead") ? lead : support).add(s);
        }
        return "L:" + String.join(",", lead) + ";S:" + String.join(",", support);
    }

    @Test
    void responsibilities() {
        assertEquals("L:利用科;S:规划科,耕保科,地籍科,法规科,监察室,信访科,交易中心", responsibility(db, "t1.1.m1"));
        assertEquals("L:法规科[涉及政策法规],办公室[涉及机关内部管理];S:各科室,直属单位", responsibility(db, "t2.1.m3"));
        assertEquals("L:矿管科;S:财务室,纪监室", responsibility(db, "t3.1.m2"));
        assertEquals("L:;S:矿管科,财务室,交易中心", responsibility(db, "t1.2.m2"));
    }

    @Test
    void deadlines() {
        for (Row o : db.outcomesQuery(null, null)) {
            if (o.getString("id").equals("t2.2.o4")) {
                assertEquals("12月中旬完成", o.getString("deadline_text"));
                assertEquals(LocalDate.of(2010, 12, 11), o.getDate("first"));
                assertEquals(LocalDate.of(2010, 12, 20), o.getDate("last"));
            }
            if (o.getString("id").equals("t2.2.o1")) {
                assertNull(o.getDate("last"));
            }
        }
        Deadline d = Campaign.parseDeadline("2011年2月底前完成", null);
        assertEquals(LocalDate.of(2011, 2, 28), d.last);
        assertTrue(Campaign.parseDeadline("长期坚持", null).openEnded);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Campaign.parseDeadline("2010年13月底", null));
        assertEquals(-3, e.getCode());
        assertTrue(e.getMessage().contains("\"2010年13月底\""));
    }

    static List<String> dump(Store s) {
        List<String> out = new ArrayList<>();
        for (Rows r : new Rows[] {s.unitsQuery(null), s.unitGroupsQuery(null), s.bodiesQuery(null), s.bodyMembersQuery(null, null),
                                  s.phasesQuery(null), s.milestonesQuery(null, null), s.tasksQuery(null, null),
                                  s.measuresQuery(null, null), s.responsibilitiesQuery(null, null), s.outcomesQuery(null, null)}) {
            for (Row row : r) {
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void roundTrip() {
        String yaml = db.planExportYaml(null);
        try (Store other = Campaign.open(":memory:")) {
            other.planImportString(yaml, "export", "tester", null);
            assertEquals(dump(db), dump(other));
            assertEquals(yaml, other.planExportYaml("leshan-ltyg-2010"));
        }
    }

    @Test
    void everyBadFileRefusedStoreUnchanged() throws IOException {
        Pattern expect = Pattern.compile("# expect: (\\w+) (.*)$");
        int n = 0;
        List<String> before = dump(db);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SOURCE.resolve("tests/data/plan"), "*.yaml")) {
            for (Path p : files) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                String[] lines = text.split("\n");
                Matcher m = expect.matcher(new String(lines[lines.length - 1].getBytes(StandardCharsets.ISO_8859_1),
                                                      StandardCharsets.UTF_8));
                assertTrue(m.find(), p.toString());
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> db.planImportFile(p.toString(), "tester"));
                assertEquals(p + ":" + m.group(2), e.getMessage());
                assertEquals(p.toString(), e.getFile());
                assertEquals(Integer.parseInt(m.group(2).split(":")[0]), e.getLine());
                n++;
            }
        }
        assertTrue(n >= 20);
        assertEquals(before, dump(db));
    }

    @Test
    void nonBmpRoundTrip() {
        String name = "𠀀𪚥科";
        try (Store s = Campaign.open(":memory:")) {
            s.planImportString("format: 1\ncampaign: {id: m, title: 小方案, period: 2010年10月至2011年12月}\n"
                               + "units: [{id: u1, name: \"" + name + "\", kind: department}]\n"
                               + "tasks: [{id: t1, title: 任务}]\n", null, "张三", null);
            Row u = s.unitsQuery(null).toList().get(0);
            assertEquals(name, u.getString("name"));
            assertEquals(4 + 4 + 3, u.getString("name").getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void closeTwiceAndIterateAfterClose() {
        Store s = Campaign.open(":memory:");
        s.planImportFile(SEED, "tester");
        Rows rows = s.measuresQuery(null, null);
        rows.next();
        s.close();
        s.close();
        assertThrows(ClosedException.class, rows::next);
        assertThrows(ClosedException.class, () -> s.unitsQuery(null));
    }

    @Test
    void errors() {
        ConflictException c = assertThrows(ConflictException.class, () -> db.planImportFile(SEED, "tester"));
        assertTrue(c.getMessage().contains("is already in the store"));
        NotFoundException nf = assertThrows(NotFoundException.class, () -> db.measuresQuery(null, "t9"));
        assertEquals("no task with id \"t9\"", nf.getMessage());
    }

    @Test
    void rowsIteratedTwiceThrows() {
        Rows rows = db.measuresQuery(null, null);
        int n = 0;
        for (Row r : rows) {
            n++;
        }
        assertEquals(35, n);
        // a second for-each must not silently yield nothing
        assertThrows(IllegalStateException.class, () -> {
            for (Row r : rows) {
                r.getString("id");
            }
        });
    }

    @Test
    void generatedPagingAndOptions() {
        List<String> all = new ArrayList<>();
        for (Row m : db.measuresQuery(null, null)) {
            all.add(m.getString("id"));
        }
        Rows page = db.measuresQuery(null, null);
        page.page(2, 3);
        List<String> ids = new ArrayList<>();
        for (Row m : page) {
            ids.add(m.getString("id"));
        }
        assertEquals(all.subList(2, 5), ids);
        // an options struct as a generated class; null fields keep the C defaults
        assertThrows(ConflictException.class, () -> db.planImportFile(SEED, "tester", new ImportOptions()));
        db.planImportFile(SEED, "replacer", new ImportOptions().replace(1));
        assertEquals("replacer", db.campaignsQuery().toList().get(0).getString("imported_by"));
        assertTrue(Campaign.version().matches("\\d+\\.\\d+\\.\\d+"));
    }
}
