package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.campaign.Campaign;
import org.campaign.Row;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/** Issue 21, item 4, through Java: a work-steps-only document (forestry-steps.txt) drafts the plan written by
 *  hand beside it: three phases, milestones owed by their sentences' subjects, no measure. */
class DocumentKeysTest {
    static final Path DOCS = PlanTest.SOURCE.resolve("tests/data/document");

    private static List<String> keys(Store s) {
        Map<String, String> names = new HashMap<>();
        for (Row u : s.unitsQuery(null).toList())
            names.put(u.getString("id"), u.getString("name"));
        for (Row g : s.unitGroupsQuery(null).toList())
            names.put(g.getString("id"), g.getString("name"));
        List<String> out = new ArrayList<>();
        out.add("measures " + s.measuresQuery(null, null).toList().size());
        for (Row p : s.phasesQuery(null).toList())
            out.add(p.getString("id") + "|" + p.getString("name") + "|" + p.getString("period_text"));
        for (Row m : s.milestonesQuery(null, null).toList()) {
            String owner = m.getString("unit") != null ? m.getString("unit") : m.getString("unit_group");
            out.add(m.getString("id") + "|" + m.getString("text") + "|" + m.getString("deadline_text") + "|" + names.get(owner));
        }
        return out;
    }

    @Test
    void stepsOnlyDraftEqualsHandKeys() throws Exception {
        String draft = Campaign.planFromDocumentYaml(DOCS.resolve("forestry-steps.txt").toString(), null);
        String hand = new String(Files.readAllBytes(DOCS.resolve("forestry-steps.yaml")), StandardCharsets.UTF_8);
        try (Store a = Campaign.open(":memory:"); Store b = Campaign.open(":memory:")) {
            a.planImportString(draft, "draft", "tester", null);
            b.planImportString(hand, "hand", "tester", null);
            List<String> mine = keys(a);
            assertEquals(keys(b), mine);
            assertEquals("measures 0", mine.get(0));
            assertEquals("p2.m1|资源科要于11月中旬前完成抽查|11月中旬前|资源科", mine.get(5));
        }
    }
}
