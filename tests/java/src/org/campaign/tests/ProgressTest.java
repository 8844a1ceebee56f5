package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Campaign;
import org.campaign.RowsImportOptions;
import org.campaign.InvalidInputException;
import org.campaign.PermissionException;
import org.campaign.Row;
import org.junit.jupiter.api.Test;

/** Matrix, progress, roles and the audit log through Java. */
class ProgressTest extends SeededTest {
    @Test
    void jianchaRow() {
        List<Row> rows = db.unitMatrixQuery(null, "jiancha").toList();
        assertEquals(24, rows.size());
        assertEquals(14, rows.stream().filter(r -> r.getString("role").equals("lead")).count());
    }

    @Test
    void overdueAsOf() {
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.4.o1").unit("jiancha").status("done").percent(100).date(LocalDate.of(2010, 10, 28)), "clerk");
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t1.1.o1").unit("liyong").status("done").percent(100).date(LocalDate.of(2010, 11, 29)).note("按期"), "clerk");
        List<String> red = new ArrayList<>();
        for (Row o : db.outcomeStatusQuery(null, LocalDate.of(2010, 12, 1))) {
            if (o.getString("color").equals("red")) red.add(o.getString("outcome"));
        }
        assertEquals(List.of("t1.2.o1", "t2.1.o1", "t2.4.o2", "t3.1.o1", "t3.2.o4", "t3.3.o2"), red);
    }

    @Test
    void badCsvWritesNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressImportFile(null, PlanTest.SOURCE.resolve("tests/data/progress/bad-status.csv").toString(), null, "clerk"));
        assertTrue(e.getMessage().endsWith("bad-status.csv:3:18: row 2: status \"finished\" is not one of not_started, in_progress, done, blocked"));
        assertEquals(0, db.progressHistoryQuery(null, null, null).toList().size());
    }

    @Test
    void countyClerkCannotWriteAnotherBureau() {
        db.roleGrant("督查办", "supervision_office", null, null, "setup");
        db.roleGrant("峨眉文员", "unit_clerk", null, "emeishan", "督查办");
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("emeishan").status("done").percent(100).date(LocalDate.of(2010, 12, 15)), "峨眉文员");
        PermissionException e = assertThrows(PermissionException.class, () ->
            db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("mabian").status("done").percent(100).date(LocalDate.of(2010, 12, 15)), "峨眉文员"));
        assertEquals(-8, e.getCode());
        assertEquals(1, db.progressHistoryQuery(null, null, null).toList().size());
    }

    /** The rows of a verification that are problems (a store without signing key has a notice). */
    static long problems(List<Row> rows) {
        return rows.stream().filter(r -> "problem".equals(r.getString("severity"))).count();
    }

    @Test
    void auditVerifiesAndCheckpoints() {
        assertEquals(0, problems(db.auditVerify(null, null).toList()));
        String key = Campaign.auditKeygen();
        String cp = db.auditCheckpoint(key);
        assertEquals(0, problems(db.auditVerify(cp, Campaign.auditPublicKey(key)).toList()));
        Row first = db.auditQuery("t1.1.o1", null, null, null).toList().get(0);
        assertEquals("tester", first.getString("actor"));
        assertEquals(64, first.getString("hash").length());
    }

    @Test
    void bulkImportLoggedAsOneBatch() {
        // 1 500 reports: 1 023 logged one by one, then the import switches to batches
        db.progressImportFile(null, PlanTest.SOURCE.resolve("tests/data/progress/many.csv").toString(), null, "李四");
        Row report = db.progressHistoryQuery(null, null, null).toList().stream()
            .filter(r -> "第1200次报告".equals(r.getString("note"))).findFirst().get();
        List<Row> entries = db.auditQuery(report.getString("id"), null, null, null).toList();
        assertEquals(1, entries.size());
        assertEquals("batch", entries.get(0).getString("kind"));
        assertEquals("李四", entries.get(0).getString("actor"));
        assertEquals("progress.import", entries.get(0).getString("operation"));
        assertEquals("{\"first\":1024,\"last\":1500,\"rows\":477}", entries.get(0).getString("detail"));
        assertEquals(0, problems(db.auditVerify(null, null).toList()));
    }

    static final String HEADER = "outcome,unit,status,percent,date\n";

    @Test
    void importDryRunReportsEveryBadRowAndWritesNothing() {
        List<String> errors = new ArrayList<>();
        String text = HEADER + "t1.2.o1,kuangguan,in_progress,50,2010-11-15\n"
            + "t1.2.o1,kuangguan,finished,50,2010-11-15\n" + "t1.2.o1,kuangguan,in_progress,5x,2010-11-15\n";
        RowsImportOptions dry = new RowsImportOptions().dry_run(1)
            .error((code, file, line, column, message) -> errors.add(line + ":" + column));
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressImportString(null, text, "t.csv", dry, "clerk"));
        assertEquals("t.csv:3:19: row 2: status \"finished\" is not one of not_started, in_progress, done, blocked (and 1 more)",
                     e.getMessage());
        assertEquals(List.of("3:19", "4:31"), errors);
        assertEquals(0, db.progressHistoryQuery(null, null, null).toList().size());
    }

    @Test
    void importProgressCallbackAndStopping() {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < 1000; i++) b.append("t1.2.o1,kuangguan,in_progress,").append(i % 100).append(",2010-11-15\n");
        String text = b.toString();
        List<Long> rows = new ArrayList<>();
        db.progressImportString(null, text, "t.csv",
            new RowsImportOptions().progress((n, done, total) -> { rows.add(n); return 0; }), "clerk");
        assertEquals(1 + 1000 / 256 + 1, rows.size());
        assertEquals(1000L, rows.get(rows.size() - 1));
        assertEquals(1000, db.progressHistoryQuery(null, null, null).toList().size());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> db.progressImportString(null, text, "t.csv",
            new RowsImportOptions().progress((n, done, total) -> n >= 256 ? 1 : 0), "clerk"));
        assertEquals("t.csv: import stopped", e.getMessage());
        assertEquals(1000, db.progressHistoryQuery(null, null, null).toList().size());
    }
}
