package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.campaign.RiskPointOverrideOptions;
import org.campaign.RiskPointGradeOptions;
import org.campaign.RiskPointAddOptions;
import org.campaign.RiskControlAddOptions;
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
            assertEquals(1, db.riskModelImportFile(null, PlanTest.SOURCE.resolve("examples/models/" + m + ".yaml").toString(), "office"));
        }
    }

    String point(String id, String unit) {
        return db.riskPointAdd(null, new RiskPointAddOptions().id(id).unit(unit).scope("business").scope_name("土地出让审批").type("业务流程").name("出让方案审查").description("审批环节").manifestations("低价出让、擅自改变用地性质").owner("科长").leader("分管副局长"), "office");
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
                db.riskPointGrade(null, new RiskPointGradeOptions().point("P").model("matrix-5x5").inputs("likelihood=" + l + ",impact=" + i).date(DAY), "office");
                String want = l * i >= 15 ? "1" : l * i >= 6 ? "2" : "3";
                assertEquals(want, row("P").getString("grade"), "cell " + l + "x" + i);
            }
        }
        assertThrows(InvalidInputException.class, () -> db.riskPointGrade(null, new RiskPointGradeOptions().point("P").inputs("likelihood=6").date(DAY), "office"));
    }

    @Test
    void overrideCriterionForcesTopGrade() {
        point("C", "caiwu");
        db.riskPointGrade(null, new RiskPointGradeOptions().point("C").model("criteria-count").inputs("past_case").date(DAY), "office");
        assertEquals("1", row("C").getString("grade"));
    }

    @Test
    void historyPublicationNoConfidential() {
        point("P", "liyong");
        db.riskPointGrade(null, new RiskPointGradeOptions().point("P").model("matrix-5x5").inputs("likelihood=2,impact=2").date(DAY), "office");
        db.riskPointOverride(null, new RiskPointOverrideOptions().point("P").grade("1").reason("曾发生违纪案件").date(DAY), "office");
        assertEquals(2, db.riskGradesQuery(null, "P").toList().size());
        db.riskPointConfidentialSet(null, "P", "𠀀某曾受处分", "office");
        db.riskControlAdd(null, new RiskControlAddOptions().point("P").line("prevention").measure("集体会审").owner("科长").status("in_place"), "office");
        String pub = db.riskPublicationAdd(null, "liyong", DAY, "office");
        db.riskPublicationApprove(null, pub, DAY, "office");
        db.riskPublicationPublish(null, pub, DAY, "office");
        List<Row> items = db.riskPublicationQuery(null, pub, null).toList();
        assertEquals(1, items.size());
        assertFalse(items.toString().contains("受处分"));
        assertTrue(db.riskPointConfidentialQuery(null, "P", "office").toList().get(0).toString().contains("𠀀某曾受处分"));
    }
}
