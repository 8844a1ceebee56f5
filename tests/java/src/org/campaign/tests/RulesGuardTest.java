package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.campaign.ConflictException;
import org.campaign.InvalidInputException;
import org.campaign.NotFoundException;
import org.campaign.Row;
import org.junit.jupiter.api.Test;

/** Rules cannot harm evaluation, through Java: load_extension refused at import; a rule set retired keeps its history. */
class RulesGuardTest extends SeededTest {
    static String rule(String query) {
        return "format: 1\nruleset: {id: t, name: test}\nrules:\n  - id: r3\n    kind: sql\n"
            + "    action: interview\n    query: \"" + query + "\"\n";
    }

    @Test
    void loadExtensionRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> db.rulesImportString(null,
            rule("SELECT unit, NULL AS person, 'x' AS evidence, load_extension('/tmp/x.so') AS reason FROM rule_unit"),
            "t.yaml", "督查办"));
        assertEquals("t.yaml:7:12: rule \"r3\": the SQL calls load_extension(), which rules may not use", e.getMessage());
        assertEquals(0, db.rulesetsQuery(null).toList().size());
    }

    @Test
    void retiredSetKeepsHistory() {
        assertEquals(1, db.rulesImportString(null, rule("SELECT unit, NULL AS person, 'unit:' || unit AS evidence, "
            + "'约谈' AS reason FROM rule_unit WHERE campaign = :campaign AND unit = 'jiancha'"), "t.yaml", "督查办"));
        assertEquals(1, db.accountabilityEvaluate(null, LocalDate.of(2010, 12, 1), "督查办"));
        db.rulesRetire(null, "t", "规则已废止", "督查办");
        assertEquals(0, db.rulesQuery(null).toList().size());
        List<Row> sets = db.rulesetsQuery(null).toList();
        assertEquals(1, sets.size());
        assertEquals("retired", sets.get(0).getString("status"));
        assertEquals("督查办", sets.get(0).getString("retired_by"));
        assertEquals("规则已废止", sets.get(0).getString("retired_reason"));
        assertEquals(1, db.proposalsQuery(null, null, null).toList().size());
        ConflictException twice = assertThrows(ConflictException.class, () -> db.rulesRetire(null, "t", "again", "督查办"));
        assertEquals("rule set \"t\" (version 1) is retired already", twice.getMessage());
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> db.rulesRetire(null, "nowhere", "why", "督查办"));
        assertEquals("no rule set with id \"nowhere\"", unknown.getMessage());
    }
}
