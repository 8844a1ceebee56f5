package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.campaign.Campaign;
import org.campaign.InvalidInputException;
import org.campaign.OpenOptions;
import org.campaign.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaign.open(path, OpenOptions): campaign_open_with() from Java. */
class OpenKeysTest {
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void badKeyIsRefusedAndNothingCreated(@TempDir Path dir) {
        Path p = dir.resolve("k.db");
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> Campaign.open(p.toString(), new OpenOptions().key("abc")));
        assertTrue(e.getMessage().contains("not 3 characters"), e.getMessage());
        assertFalse(Files.exists(p));
    }

    @Test
    void keysOpenAStore(@TempDir Path dir) throws Exception {
        Path kf = dir.resolve("k.key");
        Files.writeString(kf, KEY + "\n");
        String pem = Campaign.auditKeygen();
        try (Store db = Campaign.open(dir.resolve("k.db").toString(),
                new OpenOptions().key_file(kf.toString()).signing_key(pem))) {
            assertEquals(Campaign.schemaVersionSupported(), db.schemaVersion());
        }
    }
}
