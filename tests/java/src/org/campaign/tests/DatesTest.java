package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.campaign.FindingAddOptions;
import org.campaign.InvalidInputException;
import org.campaign.ProgressReportAddOptions;
import org.campaign.RectificationAddOptions;
import org.campaign.Row;
import org.campaign.TourAddOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Issue 14, items 4 and 5 through Java: dates outside the seed campaign refused, the store unchanged;
 * deadline expressions in rectifications and tour windows; the plan's deadline warning. */
class DatesTest extends SeededTest {
    static final String OUTSIDE = " is outside the campaign 2010-10-01 – 2011-12-31";

    /** The plan's outcomes and what was recorded against it, and the audit log. */
    private String snapshot() {
        return List.of(db.outcomesQuery(null, null), db.progressHistoryQuery(null, null, null),
                       db.findingsQuery(null, null, null), db.rectificationsQuery(null, null, null),
                       db.auditQuery(null, null, null, null))
            .stream().map(c -> c.toList().stream().map(Row::toString).collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n--\n"));
    }

    private static void refused(String message, Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals(-3, e.getCode());
        assertEquals(message, e.getMessage());
    }

    private void report(String date) {
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t3.2.o4").unit("jiancha").status("done")
            .percent(100).date(LocalDate.parse(date)), "office");
    }

    @Test
    void reportsOutsideTheCampaignAreRefused() {
        String before = snapshot();
        refused("date 2009-01-01" + OUTSIDE, () -> report("2009-01-01"));
        refused("date 2013-01-01" + OUTSIDE, () -> report("2013-01-01"));
        refused("date 2099-01-01 is after today (" + LocalDate.now(ZoneOffset.UTC) + ")", () -> report("2099-01-01"));
        assertEquals(before, snapshot());
        report("2010-10-01");
        assertEquals(1, db.progressHistoryQuery(null, null, null).toList().size());
    }

    @Test
    void findingsAndRectificationDeadlines() {
        String before = snapshot();
        refused("found_on 2010-09-01" + OUTSIDE, () -> db.findingAdd(null, new FindingAddOptions().unit("emeishan")
            .origin("self_reported").description("缓缴出让金").found_on(LocalDate.of(2010, 9, 1)), "office"));
        assertEquals(before, snapshot());
        String f = db.findingAdd(null, new FindingAddOptions().unit("emeishan").origin("self_reported")
            .description("缓缴出让金").found_on(LocalDate.of(2010, 11, 5)), "office");
        db.rectificationAdd(null, new RectificationAddOptions().finding(f).measure("追缴").deadline("2011年1月底")
            .responsible("王局长").criterion("全额入库"), "office");
        Row r = db.rectificationsQuery(null, null, null).toList().get(0);
        assertEquals("2011-01-31", r.getString("deadline"));
        assertEquals("2011年1月底", r.getString("deadline_text"));
        String after = snapshot();
        refused("deadline 2010-09-30 is before the campaign 2010-10-01 – 2011-12-31",
            () -> db.rectificationAdd(null, new RectificationAddOptions().finding(f).measure("追缴").deadline("2010年9月底")
                .responsible("王局长").criterion("全额入库"), "office"));
        assertEquals(after, snapshot());
    }

    @Test
    void tourWindowInTheDeadlineLanguage() {
        assertEquals(11, db.tourAdd(null, new TourAddOptions().year(2011).group("counties").first("第二季度").last("6月底"), "office"));
        List<Row> tours = db.toursQuery(null, 2011, "counties", LocalDate.of(2011, 1, 1)).toList();
        assertEquals("2011-04-01", tours.get(0).getString("planned_on"));
        assertEquals("2011-06-30", tours.get(10).getString("planned_on"));
    }

    @Test
    void deadlineBeforeTheCampaignIsAWarning() {
        List<Row> w = db.planWarningsQuery(null).toList().stream()
            .filter(r -> r.getString("kind").startsWith("deadline_")).collect(Collectors.toList());
        assertEquals(1, w.size());
        assertEquals("deadline_before_campaign", w.get(0).getString("kind"));
        assertEquals("t3.2.o4", w.get(0).getString("object"));
        assertEquals("成果“建立内部经济审计和离任经济审计制度,2010年9月底完成。”的时限 2010-09-30 早于方案开始(2010-10-01)",
            w.get(0).getString("message"));
    }
}
