package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.campaign.InvalidInputException;
import org.campaign.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 5 through Java: the three example models, a register, grades by hand, history, publication. */
class RiskTest extends SeededTest {
    static final LocalDate DAY = LocalDate.of(2010, 11, 10);

    @BeforeEach
    void models() {
        for (String m : new String[] {"matrix-5x5", "weighted-factors", "criteria-count"}) {
            assertEquals(1, db.riskModelImportYaml(null, PlanTest.SOURCE.resolve("examples/models/" + m + ".yaml").toString(), "office"));
        }
    }

    String point(String id, String unit) {
        return db.riskPointAdd(null, id, unit, "business", "土地出让审批", "业务流程", "出让方案审查", "审批环节",
                               "低价出让、擅自改变用地性质", "科长", "分管副局长", "office");
    }

    Row row(String id) {
        for (Row r : db.riskPointsQuery(null, null)) {
            if (r.getString("id").equals(id)) return r;
        }
        throw new AssertionError(id);
    }

    @Test
    void matrixEveryCellByHand() {
        point("P", "liyong");
        for (int l = 1; l <= 5; l++) {
            for (int i = 1; i <= 5; i++) {
                db.riskPointGrade(null, "P", "matrix-5x5", "likelihood=" + l + ",impact=" + i, DAY, "office");
                String want = l * i >= 15 ? "1" : l * i >= 6 ? "2" : "3";
                assertEquals(want, row("P").getString("grade"), "cell " + l + "x" + i);
            }
        }
        assertThrows(InvalidInputException.class, () -> db.riskPointGrade(null, "P", null, "likelihood=6", DAY, "office"));
    }

    @Test
    void overrideCriterionForcesTopGrade() {
        point("C", "caiwu");
        db.riskPointGrade(null, "C", "criteria-count", "past_case", DAY, "office");
        assertEquals("1", row("C").getString("grade"));
    }

    @Test
    void historyPublicationNoConfidential() {
        point("P", "liyong");
        db.riskPointGrade(null, "P", "matrix-5x5", "likelihood=2,impact=2", DAY, "office");
        db.riskPointOverride(null, "P", "1", "曾发生违纪案件", DAY, "office");
        assertEquals(2, db.riskGradesQuery(null, "P").toList().size());
        db.riskPointConfidentialSet(null, "P", "𠀀某曾受处分", "office");
        db.riskControlAdd(null, null, "P", "prevention", "集体会审", "科长", "in_place", null, null, "office");
        String pub = db.riskPublicationDraft(null, "liyong", DAY, "office");
        db.riskPublicationApprove(null, pub, DAY, "office");
        db.riskPublicationPublish(null, pub, DAY, "office");
        List<Row> items = db.riskPublicationQuery(null, pub, null).toList();
        assertEquals(1, items.size());
        assertFalse(items.toString().contains("受处分"));
        assertTrue(db.riskPointConfidentialQuery(null, "P", "office").toList().get(0).toString().contains("𠀀某曾受处分"));
    }
}
