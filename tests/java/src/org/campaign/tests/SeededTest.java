package org.campaign.tests;

import org.campaign.Campaign;
import org.campaign.OpenOptions;
import org.campaign.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a fresh in-memory store holding the seed plan (PlanTest.SEED), closed after each test;
 *  its confidential fields sealed under KEY. */
abstract class SeededTest {
    /** The confidential fields' key of the test stores. */
    static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    Store db;

    @BeforeEach
    void open() {
        db = Campaign.open(":memory:", new OpenOptions().key(KEY));
        db.planImportFile(PlanTest.SEED, "tester");
    }

    @AfterEach
    void close() {
        db.close();
    }
}
