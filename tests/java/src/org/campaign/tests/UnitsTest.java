package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.campaign.InvalidInputException;
import org.campaign.NotFoundException;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Row;
import org.junit.jupiter.api.Test;

/** Units as the documents write them (issue 14, item 7): names, aliases and groups through Java. */
class UnitsTest extends SeededTest {
    private static final List<String> COUNTIES = List.of("shizhong", "shawan", "wutongqiao", "jinkouhe", "qianwei",
        "jingyan", "jiajiang", "muchuan", "ebian", "mabian", "emeishan");

    private void report(String outcome, String unit, LocalDate date) {
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome(outcome).unit(unit).status("in_progress")
            .percent(50).date(date), "clerk");
    }

    private List<String> units(List<Row> rows) {
        return rows.stream().map(r -> r.getString("unit")).collect(Collectors.toList());
    }

    @Test
    void writeByNameFilterByAlias() {
        report("t2.4.o1", "监察室", LocalDate.of(2010, 10, 28));
        report("t2.2.o4", "峨眉山市国土资源局", LocalDate.of(2010, 12, 10));
        assertEquals(List.of("emeishan", "jiancha"), units(db.progressHistoryQuery(null, null, null).toList()));
        assertEquals(List.of("jiancha"), units(db.progressHistoryQuery(null, null, "纪检监察室").toList()));
    }

    @Test
    void groupMatrixAndFilter() {
        List<Row> rows = db.unitMatrixQuery(null, "各县(市、区)国土资源局(分局)").toList();
        assertEquals(33, rows.size());
        assertEquals(COUNTIES, units(rows.subList(0, 11)));
        assertEquals("t3.2.m5", rows.get(22).getString("measure"));
        assertEquals("峨眉山市国土资源局", rows.get(32).getString("unit_name"));
        report("t2.2.o4", "mabian", LocalDate.of(2010, 12, 10));
        report("t2.4.o1", "jiancha", LocalDate.of(2010, 10, 28));
        assertEquals(List.of("mabian"), units(db.progressHistoryQuery(null, null, "各地").toList()));
    }

    @Test
    void groupRefusedUnknownSuggested() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> report("t2.2.o4", "counties", LocalDate.of(2010, 12, 10)));
        assertEquals("unit \"counties\" names the group counties (各县(市、区)国土资源局(分局)): a single unit is needed",
            e.getMessage());
        NotFoundException nf = assertThrows(NotFoundException.class, () -> db.unitMatrixQuery(null, "监察").toList());
        assertEquals("unknown unit \"监察\" (did you mean 监察室 \"jiancha\"?)", nf.getMessage());
        assertEquals(0, db.progressHistoryQuery(null, null, null).toList().size());
    }
}
