package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaign.Campaign;
import org.campaign.DashboardOptions;
import org.campaign.InvalidInputException;
import org.campaign.NotFoundException;
import org.campaign.OpenOptions;
import org.campaign.ProgressReportAddOptions;
import org.campaign.Row;
import org.campaign.Rows;
import org.campaign.SiteOptions;
import org.campaign.Store;
import org.campaign.SyncExportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites and bundles from Java: the plan down, a county's report up through the city unchanged (campaign/sync.h). */
class SyncTest {
    static final String[][] SITES = {{"510000", "四川省", null, null}, {"511100", "乐山市", "510000", "city"},
        {"511102", "市中区", "511100", "shizhong"}};

    static SiteOptions site(String[] s) {
        return new SiteOptions().code(s[0]).name(s[1]).parent(s[2]).unit(s[3]);
    }

    static String flow(Map<String, Store> dbs, Path dir, String from, String to) {
        String path = dir.resolve(from + "-" + to + ".bundle").toString();
        dbs.get(from).syncExport(new SyncExportOptions().to_site(to).path(path), "clerk");
        return dbs.get(to).syncApply(path, "clerk");
    }

    /** The rows of one site's subtree, each as its columns' text. */
    static List<String> bySite(Rows rows, String site) {
        rows.site(site);
        List<String> out = new ArrayList<>();
        for (Row r : rows)
            out.add(r.toString());
        return out;
    }

    @Test
    void threeLevels(@TempDir Path dir) throws Exception {
        Map<String, Store> dbs = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (String[] s : SITES) {
                keys.put(s[0], Campaign.auditKeygen());
                Store db = Campaign.open(dir.resolve(s[0] + ".db").toString(), new OpenOptions().signing_key(keys.get(s[0])));
                dbs.put(s[0], db);
                db.siteInit(site(s), "admin");
            }
            for (String[] s : SITES)
                for (String[] p : SITES)
                    if (!p[0].equals(s[0]))
                        dbs.get(s[0]).siteAddPeer(site(p).public_key(Campaign.auditPublicKey(keys.get(p[0]))), "admin");
            dbs.get("510000").planImportFile(PlanTest.SEED, "province");
            flow(dbs, dir, "510000", "511100");
            assertTrue(flow(dbs, dir, "511100", "511102").contains("\"origin\":\"510000\""));
            dbs.get("511102").progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("shizhong")
                .status("done").percent(100).date(LocalDate.of(2010, 12, 10)), "county");
            flow(dbs, dir, "511102", "511100");
            String up = dir.resolve("511100-510000.bundle").toString();
            assertTrue(flow(dbs, dir, "511100", "510000").contains("\"origin\":\"511102\""));
            boolean done = false;
            for (Row r : dbs.get("510000").shareStatusQuery(null, LocalDate.of(2011, 1, 15)))
                if (r.getString("outcome").equals("t2.2.o4") && r.getString("unit").equals("shizhong"))
                    done = r.getString("status").equals("done");
            assertTrue(done);
            // the dashboard by site: 乐山市 over its subtree (its departments and the counties with no store,
            // and 市中区's four outcome shares, one done: 77; the overdue items 53, as the supervision list
            // filtered by site gives them), and --site keeps the county's rows only
            Store top = dbs.get("510000");
            String page = top.dashboardWriteBuf(null, new DashboardOptions().as_of(LocalDate.of(2011, 1, 15)));
            assertTrue(page.contains("<tr><th class=\"site\">511100 乐山市</th><td class=\"total\">77</td><td>1</td>"
                + "<td>0</td><td class=\"s-red\">29</td><td>0</td><td class=\"s-red\">53</td>"), page);
            assertTrue(page.contains("<tr><th class=\"site\">\u3000\u3000511102 市中区</th><td class=\"total\">4</td>"));
            String countyPage = top.dashboardWriteBuf(null,
                new DashboardOptions().as_of(LocalDate.of(2011, 1, 15)).site("511102"));
            assertTrue(countyPage.contains("<tr><th>市中区分局</th>") && !countyPage.contains("<tr><th>监察室</th>"));
            assertFalse(countyPage.contains("<section id=\"sites\">"));
            NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> top.dashboardWriteBuf(null, new DashboardOptions().site("519999")));
            assertEquals("site \"519999\" is not a site this store knows (see campaign site list)", unknown.getMessage());
            // the rollup by site: the province's rows of the county are the county's own store's
            LocalDate asOf = LocalDate.of(2011, 1, 15);
            Store province0 = dbs.get("510000"), county = dbs.get("511102");
            assertEquals(bySite(county.shareStatusQuery(null, asOf), "511102"),
                bySite(province0.shareStatusQuery(null, asOf), "511102"));
            assertEquals(bySite(county.supervisionQuery(null, asOf), "511102"),
                bySite(province0.supervisionQuery(null, asOf), "511102"));
            assertEquals(bySite(county.findingsQuery(null, null, null), "511102"),
                bySite(province0.findingsQuery(null, null, null), "511102"));
            List<String> shares = bySite(province0.shareStatusQuery(null, asOf), "511102");
            assertEquals(7, shares.size());
            assertTrue(shares.stream().allMatch(r -> r.contains("unit=shizhong")), shares.toString());
            assertEquals(List.of(), bySite(province0.riskDistributionQuery(null), "511102"));
            assertEquals(List.of(), bySite(province0.proposalsQuery(null, null, null), "511102"));
            try (Rows r = province0.shareStatusQuery(null, asOf)) {
                NotFoundException nf = assertThrows(NotFoundException.class, () -> r.site("511199"));
                assertTrue(nf.getMessage().contains("site 511199 is not known to this store"), nf.getMessage());
            }
            assertEquals(0, dbs.get("510000").auditVerify(null, null).toList().size());
            assertEquals(0, dbs.get("510000").syncSilentQuery(LocalDate.of(2000, 1, 1)).toList().size());
            List<String> silent = new ArrayList<>();
            for (Row r : dbs.get("510000").syncSilentQuery(LocalDate.of(2999, 1, 1)))
                silent.add(r.getString("code"));
            assertEquals(List.of("511100", "511102"), silent);
            String witness = dbs.get("510000").syncWitness("511102");
            assertTrue(witness.startsWith("libcampaign head 1\nsite: 511102\nseq: "), witness);
            long problems = dbs.get("511102").auditVerify(witness, null).toList().stream()
                .filter(r -> r.getString("severity").equals("problem")).count();
            assertEquals(0, problems);
            assertTrue(dbs.get("510000").syncApply(up, "clerk").contains("\"status\":\"replay\""));
            byte[] b = Files.readAllBytes(Path.of(up));
            b[b.length - 70] ^= 1;
            Files.write(Path.of(up), b);
            // a gap: the county's second bundle without its first
            Store county0 = dbs.get("511102");
            String first = dir.resolve("first.bundle").toString(), second = dir.resolve("second.bundle").toString();
            county0.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("shizhong")
                .status("done").percent(100).date(LocalDate.of(2010, 12, 11)), "county");
            county0.syncExport(new SyncExportOptions().to_site("511100").path(first), "clerk");
            county0.progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("shizhong")
                .status("done").percent(100).date(LocalDate.of(2010, 12, 12)), "county");
            county0.syncExport(new SyncExportOptions().to_site("511100").path(second), "clerk");
            Store city = dbs.get("511100");
            InvalidInputException gap = assertThrows(InvalidInputException.class, () -> city.syncApply(second, "clerk"));
            assertTrue(gap.getMessage().contains("a gap"), gap.getMessage());
            assertTrue(city.syncApply(first, "clerk").contains("\"status\":\"applied\""));
            String bad = up;
            Store province = dbs.get("510000");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> province.syncApply(bad, "clerk"));
            assertTrue(e.getMessage().contains("bundle refused"), e.getMessage());
        } finally {
            for (Store db : dbs.values())
                db.close();
        }
    }

    /** Keys by hand only between neighbours: the city vouches for the province to its county, and back. */
    @Test
    void keysVouchedForByTheCity(@TempDir Path dir) throws Exception {
        Map<String, Store> dbs = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        try {
            for (String[] s : SITES) {
                keys.put(s[0], Campaign.auditKeygen());
                Store db = Campaign.open(dir.resolve(s[0] + ".db").toString(), new OpenOptions().signing_key(keys.get(s[0])));
                dbs.put(s[0], db);
                db.siteInit(site(s), "admin");
            }
            for (String[] s : SITES)
                for (String[] p : SITES)
                    if (p[0].equals(s[2]) || s[0].equals(p[2]))
                        dbs.get(s[0]).siteAddPeer(site(p).public_key(Campaign.auditPublicKey(keys.get(p[0]))), "admin");
            dbs.get("510000").planImportFile(PlanTest.SEED, "province");
            flow(dbs, dir, "510000", "511100");
            assertTrue(flow(dbs, dir, "511100", "511102").contains("\"origin\":\"510000\""));
            String provinceKey = null;
            for (Row r : dbs.get("511102").sitesQuery())
                if (r.getString("code").equals("510000"))
                    provinceKey = r.getString("public_key");
            assertEquals(Campaign.auditPublicKey(keys.get("510000")), provinceKey);
            dbs.get("511102").progressReportAdd(null, new ProgressReportAddOptions().outcome("t2.2.o4").unit("shizhong")
                .status("done").percent(100).date(LocalDate.of(2010, 12, 10)), "county");
            flow(dbs, dir, "511102", "511100");
            assertTrue(flow(dbs, dir, "511100", "510000").contains("\"origin\":\"511102\""));
            String countyUnit = null;
            for (Row r : dbs.get("510000").sitesQuery())
                if (r.getString("code").equals("511102"))
                    countyUnit = r.getString("unit");
            assertEquals("shizhong", countyUnit);
            assertEquals(0, dbs.get("510000").auditVerify(null, null).toList().size());
        } finally {
            for (Store db : dbs.values())
                db.close();
        }
    }
}
