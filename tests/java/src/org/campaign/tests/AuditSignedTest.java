package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.campaign.Campaign;
import org.campaign.OpenOptions;
import org.campaign.PermissionException;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed chain heads, witnesses and the log by role (issue 16) through Java. */
class AuditSignedTest {
    static ProgressReportAddOptions report(String outcome, String unit) {
        return new ProgressReportAddOptions().outcome(outcome).unit(unit).status("done").percent(100)
            .date(java.time.LocalDate.of(2010, 12, 15));
    }

    @Test
    void witnessFileAndSignedHeads(@TempDir Path dir) throws Exception {
        String pem = Campaign.auditKeygen(), pub = Campaign.auditPublicKey(pem);
        Path path = dir.resolve("s.db"), witness = dir.resolve("head.txt");
        try (Store db = Campaign.open(path.toString(), new OpenOptions().signing_key(pem).witness_file(witness.toString()))) {
            db.planImportFile(PlanTest.SEED, "张三");
            db.progressReportAdd(null, report("t2.4.o1", "jiancha"), "李四");
            assertEquals(0, db.auditVerify(null, pub).toList().size());
        }
        String head = Files.readString(witness);
        assertTrue(head.startsWith("libcampaign head 1\nsite: \nseq: "), head);
        assertTrue(head.contains("\nsignature: "), head);
        try (Store db = Campaign.open(path.toString())) {
            assertEquals(0, db.auditVerify(head, pub).toList().size());
            // a forged append (the library opened without the key): an unsigned tail
            db.progressReportAdd(null, report("t2.2.o4", "emeishan"), "伪造者");
            List<Row> found = db.auditVerify(head, pub).toList();
            assertEquals(1, found.size());
            assertEquals("unsigned_tail", found.get(0).getString("problem"));
            assertEquals("problem", found.get(0).getString("severity"));
        }
    }

    @Test
    void noKeyNoticeAndLogByRole() {
        try (Store db = Campaign.open(":memory:")) {
            db.planImportFile(PlanTest.SEED, "tester");
            List<Row> rows = db.auditVerify(null, null).toList();
            assertEquals(1, rows.size());
            assertEquals("notice", rows.get(0).getString("severity"));
            assertEquals("unsigned_tail", rows.get(0).getString("problem"));
            db.roleGrant("督查办", "supervision_office", null, null, "setup");
            db.roleGrant("峨眉文员", "unit_clerk", null, "emeishan", "督查办");
            db.progressReportAdd(null, report("t2.2.o4", "emeishan"), "峨眉文员");
            db.progressReportAdd(null, report("t2.4.o1", "jiancha"), "督查办");
            List<Row> clerk = db.auditRead("峨眉文员", null, null, null, null).toList();
            assertEquals(3, clerk.size());
            for (Row e : clerk)
                assertTrue("峨眉文员".equals(e.getString("actor")) || "emeishan".equals(e.getString("object")));
            assertEquals(db.auditQuery(null, null, null, null).toList().size(),
                db.auditRead("督查办", null, null, null, null).toList().size());
            PermissionException e = assertThrows(PermissionException.class,
                () -> db.auditRead("路人", null, null, null, null).toList());
            assertTrue(e.getMessage().contains("may not read the audit log"), e.getMessage());
            assertEquals("denied", db.auditQuery(null, "路人", null, null).toList().get(0).getString("operation"));
        }
    }
}
