package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaign.NotFoundException;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Row;
import org.junit.jupiter.api.Test;

/** Who owes an outcome, milestones reported per unit and late completions (issue 14), through Java. */
class OwnersTest extends SeededTest {
    static final List<String> COUNTIES = List.of("shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei", "jingyan",
        "jiajiang", "muchuan", "ebian", "mabian", "emeishan");

    private List<String> supervised(LocalDate asOf) {
        List<String> units = new ArrayList<>();
        for (Row r : db.supervisionQuery(null, asOf)) units.add(r.getString("unit"));
        return units;
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    @Test
    void supervisionNamesExactlyTheResponsible() {
        assertEquals(concat(List.of("jiancha", "city"), COUNTIES,
                List.of("caiwu", "bangongshi", "renshi", "liyong", "kuangguan")),
            supervised(LocalDate.of(2010, 12, 1)));
        assertEquals(concat(List.of("jiancha"), COUNTIES,
                List.of("city", "caiwu", "bangongshi", "renshi", "liyong", "kuangguan")),
            supervised(LocalDate.of(2010, 12, 21)));
        assertEquals(concat(List.of("jiancha", "bangongshi"), COUNTIES,
                List.of("caiwu", "city", "renshi", "liyong", "kuangguan", "fagui")),
            supervised(LocalDate.of(2011, 7, 1)));
    }

    @Test
    void ownersFollowTheDocument() {
        for (Row o : db.outcomesQuery(null, null)) {
            if (o.getString("id").equals("t3.2.o4")) assertEquals("jiancha,caiwu", o.getString("owners"));
            if (o.getString("id").equals("t2.2.o4")) assertEquals(String.join(",", COUNTIES), o.getString("owners"));
        }
        List<String> members = new ArrayList<>();
        for (Row m : db.unitGroupMembersQuery(null, "lead-departments")) members.add(m.getString("unit"));
        assertEquals(List.of("liyong", "fagui", "jiancha", "kuangguan", "caiwu", "bangongshi", "renshi", "shenpi"), members);
    }

    @Test
    void lateCompletionsAndMilestoneReports() {
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("mabian").status("done")
            .percent(100).date(LocalDate.of(2010, 12, 25)), "clerk");
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("p1.counties").unit("emeishan").status("done")
            .percent(100).date(LocalDate.of(2010, 10, 28)), "clerk");
        int seen = 0;
        for (Row s : db.shareStatusQuery(null, LocalDate.of(2010, 12, 31))) {
            if (s.getString("outcome").equals("t2.2.o4") && s.getString("unit").equals("mabian")) {
                assertEquals("late", s.getString("completion"));
                assertEquals(5, s.getInt("days_late"));
                seen++;
            }
            if (s.getString("outcome").equals("p1.counties") && s.getString("unit").equals("emeishan")) {
                assertEquals("milestone", s.getString("kind"));
                assertEquals("on_time", s.getString("completion"));
                seen++;
            }
        }
        assertEquals(2, seen);
        NotFoundException e = assertThrows(NotFoundException.class, () ->
            db.progressReportAdd(null, new ProgressReportAddOptions().outcome("p4.departments").unit("guihua")
                .status("done").percent(100).date(LocalDate.of(2011, 11, 20)), "clerk"));
        assertEquals("unit \"guihua\" owes no share of milestone \"p4.departments\"", e.getMessage());
    }
}
