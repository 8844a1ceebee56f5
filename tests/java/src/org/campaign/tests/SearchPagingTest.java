package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.campaign.FindingAddOptions;
import org.campaign.Row;
import org.campaign.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search ranked and paged through Java: a common word keeps informative scores, pages cut the listing. */
class SearchPagingTest extends SeededTest {
    static final String[] TEXTS = {"土地违法", "土地土地土地", "违规占用耕地", "土地违法违规占用耕地", "土地", "土地违法"};

    @BeforeEach
    void findings() {
        assertEquals(1, db.catalogueImportFile(null, PlanTest.SOURCE.resolve("examples/catalogues/ten-categories.yaml").toString(), "office"));
        for (int i = 0; i < TEXTS.length; i++) {
            db.findingAdd(null, new FindingAddOptions().id("P-" + (i + 1)).unit("emeishan").category("ten-categories/c1").origin("self_reported").description(TEXTS[i]).found_on(LocalDate.of(2010, 11, 1)), "office");
        }
    }

    static List<String> hits(Rows rows) {
        List<String> out = new ArrayList<>();
        for (Row h : rows) {
            out.add(h.getString("object") + "=" + h.getInt("score"));
        }
        return out;
    }

    @Test
    void commonWordRankedAndPaged() {
        List<String> whole = hits(db.searchQuery(null, "土地", null));
        assertEquals(List.of("P-2=1207", "P-5=1059", "P-1=878", "P-6=878", "P-4=581"), whole);
        List<String> cut = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            Rows page = db.searchQuery(null, "土地", null);
            page.page(offset, 2);
            cut.addAll(hits(page));
        }
        assertEquals(whole, cut);
    }
}
