package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.campaign.Campaign;
import org.campaign.DashboardOptions;
import org.campaign.InvalidInputException;
import org.campaign.NotFoundException;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Store;
import org.junit.jupiter.api.Test;

/** The dashboard through Java: the seed's figures, the unit filter, escaping, errors. */
class DashboardTest extends SeededTest {
    private static final LocalDate AS_OF = LocalDate.of(2010, 12, 1);

    @Test
    void seedFigures() {
        db.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.1.o1").unit("jiancha").status("done").percent(100).date(LocalDate.of(2010, 11, 29)), "clerk");
        String html = db.dashboardWriteBuf(null, new DashboardOptions().as_of(AS_OF));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<tr><td class=\"unit\">监察室</td><td>3</td><td class=\"s-red\">62</td>"));
        int row = html.indexOf("<tr><th>监察室</th>");
        String jiancha = html.substring(row, html.indexOf("</tr>", row));
        assertTrue(jiancha.contains("<td class=\"s-done\" title=\"按时完成\">✓</td>"));
        assertTrue(jiancha.contains("<td class=\"s-red\" title=\"逾期未完成，逾期62天\">62</td>"));
        assertTrue(jiancha.endsWith("<td class=\"total\">14</td><td>1</td><td>0</td><td>3</td><td>0</td>"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http://") || html.contains("https://"));
    }

    @Test
    void unitFilter() {
        String html = db.dashboardWriteBuf(null, new DashboardOptions().as_of(AS_OF).unit("纪检监察室"));
        assertTrue(html.contains("<tr><td class=\"unit\">监察室</td><td>4</td><td class=\"s-red\">62</td>"));
        assertFalse(html.contains("利用科"));
    }

    @Test
    void errors() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.dashboardWriteBuf(null, new DashboardOptions().site("511100")));
        assertEquals("site \"511100\": this store is no site (campaign site init), it has no sites", e.getMessage());
        assertThrows(NotFoundException.class, () -> db.dashboardWriteBuf(null, new DashboardOptions().unit("nobody")));
    }

    @Test
    void hostileNameIsText() throws Exception {
        String yaml = Files.readString(Path.of(PlanTest.SEED), StandardCharsets.UTF_8)
            .replace("name: \"监察室\"", "name: \"<script>监察室 & \\\"x\\\"\"");
        Store s = Campaign.open(":memory:");
        try {
            s.planImportString(yaml, null, "tester");
            String html = s.dashboardWriteBuf(null, new DashboardOptions().as_of(AS_OF));
            assertFalse(html.contains("<script"));
            assertTrue(html.contains("&lt;script&gt;监察室 &amp; &quot;x&quot;"));
        } finally {
            s.close();
        }
    }

    @Test
    void writesTheFile() throws Exception {
        Path out = Files.createTempFile("dashboard", ".html");
        db.dashboardWrite(null, new DashboardOptions().as_of(AS_OF), out.toString());
        assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
        Files.delete(out);
    }
}
