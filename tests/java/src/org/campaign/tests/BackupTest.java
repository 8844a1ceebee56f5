package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.campaign.Campaign;
import org.campaign.ConflictException;
import org.campaign.Row;
import org.campaign.Rows;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store.backup(actor, path): campaign_backup() from Java. */
class BackupTest {
    @Test
    void backupIsAStoreOfItsOwn(@TempDir Path dir) {
        String live = dir.resolve("live.db").toString(), copy = dir.resolve("copy.db").toString();
        try (Store db = Campaign.open(live)) {
            db.planImportFile(PlanTest.SEED, "tester");
            db.backup("clerk", copy);
            ConflictException e = assertThrows(ConflictException.class, () -> db.backup("clerk", copy));
            assertTrue(e.getMessage().endsWith("a backup never overwrites one"), e.getMessage());
        }
        try (Store b = Campaign.open(copy, Campaign.OPEN_READONLY)) {
            int n = 0;
            try (Rows r = b.measuresQuery(null, null)) {
                for (Row row : r) n++;
            }
            assertEquals(35, n);
        }
    }
}
