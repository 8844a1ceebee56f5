package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.campaign.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Rules cannot harm evaluation, through Java: a rule past its row cap stops the evaluation, which writes nothing. */
class RulesBudgetTest extends SeededTest {
    @Test
    void tooManyRowsStopsEvaluation() {
        assertEquals(1, db.rulesImportString(null, RulesGuardTest.rule("SELECT a.unit AS unit, NULL AS person, "
            + "a.unit || b.unit || c.unit || d.unit AS evidence, 'y' AS reason "
            + "FROM rule_unit a, rule_unit b, rule_unit c, rule_unit d"), "t.yaml", "督查办"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.accountabilityEvaluate(null, LocalDate.of(2010, 12, 1), "督查办"));
        assertEquals("rule \"r3\": the SQL returned more than 100000 rows; "
            + "rules must be simple selections over the rule_* views", e.getMessage());
        assertEquals(0, db.proposalsQuery(null, null, null).toList().size());
    }
}
