package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.campaign.Campaign;
import org.campaign.CaseLeadAddOptions;
import org.campaign.LockedException;
import org.campaign.OpenOptions;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Confidential fields sealed at rest, from Java: Campaign.open(path, new OpenOptions().key(...)). */
class CryptTest {
    static final String KEY2 = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    static final String NAME = "王𠀋明", PHONE = "13912345678";

    private static Store open(Path p, String key) {
        return Campaign.open(p.toString(), new OpenOptions().key(key));
    }

    private static Path store(Path dir) {
        Path p = dir.resolve("crypt.db");
        try (Store db = open(p, SeededTest.KEY)) {
            db.planImportFile(PlanTest.SEED, "tester");
            db.caseLeadAdd(null, new CaseLeadAddOptions().id("L-1").unit("mabian").received_on(LocalDate.of(2010, 11, 18))
                .details("举报收受红包").reporter(NAME).reporter_contact(PHONE), "office");
            assertEquals(NAME, db.caseLeadConfidentialQuery(null, "L-1", "office").toList().get(0).getString("reporter"));
        }
        return p;
    }

    private static boolean holds(Path f, String text) throws Exception {
        if (!Files.exists(f))
            return false;
        byte[] data = Files.readAllBytes(f), needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++)
                if (data[i + j] != needle[j])
                    continue outer;
            return true;
        }
        return false;
    }

    @Test
    void rawBytesHoldNoSecret(@TempDir Path dir) throws Exception {
        Path p = store(dir);
        for (Path f : new Path[] {p, dir.resolve("crypt.db-wal")}) {
            assertFalse(holds(f, NAME), f.toString());
            assertFalse(holds(f, PHONE), f.toString());
        }
        assertTrue(holds(p, "mabian"));
    }

    @Test
    void lockedWithoutOrWithWrongKey(@TempDir Path dir) {
        Path p = store(dir);
        try (Store db = Campaign.open(p.toString())) {
            LockedException e = assertThrows(LockedException.class, () -> db.caseLeadConfidentialQuery(null, "L-1", "office"));
            assertEquals(-11, e.getCode());
            assertTrue(e.getMessage().contains("the store was opened without its key: confidential fields are locked"),
                e.getMessage());
            assertThrows(LockedException.class, () -> db.caseLeadAdd(null,
                new CaseLeadAddOptions().received_on(LocalDate.of(2010, 11, 19)).details("x"), "office"));
            assertEquals(1, db.caseLeadsQuery(null, null).toList().size());
            assertEquals(0, ProgressTest.problems(db.auditVerify(null, null).toList()));
        }
        try (Store db = open(p, KEY2)) {
            LockedException e = assertThrows(LockedException.class, db::keyCheck);
            assertTrue(e.getMessage().contains("the key does not match this store's confidential fields"), e.getMessage());
        }
    }

    @Test
    void rotation(@TempDir Path dir) {
        Path p = store(dir);
        try (Store db = open(p, SeededTest.KEY)) {
            assertEquals(3, db.keyRotate("office", KEY2));
            for (Row r : db.keyStatusQuery())
                assertEquals(0, r.getInt("clear"), r.toString());
        }
        try (Store db = open(p, SeededTest.KEY)) {
            assertThrows(LockedException.class, () -> db.caseLeadConfidentialQuery(null, "L-1", "office"));
        }
        try (Store db = open(p, KEY2)) {
            Row r = db.caseLeadConfidentialQuery(null, "L-1", "office").toList().get(0);
            assertEquals(NAME, r.getString("reporter"));
            assertEquals(PHONE, r.getString("reporter_contact"));
        }
    }
}
