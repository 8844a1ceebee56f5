package org.campaign.tests;

import org.campaign.Campaign;
import org.campaign.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a fresh in-memory store holding the seed plan (PlanTest.SEED), closed after each test. */
abstract class SeededTest {
    Store db;

    @BeforeEach
    void open() {
        db = Campaign.open(":memory:");
        db.planImportFile(PlanTest.SEED, "tester");
    }

    @AfterEach
    void close() {
        db.close();
    }
}
