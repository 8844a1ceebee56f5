package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.campaign.InvalidInputException;
import org.campaign.RowsImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables bureaus keep, through Java: GB18030/GBK CSV, Excel-saved dates, the history fed back. */
class TablesTest extends SeededTest {
    static final String HEADER = "outcome,unit,status,percent,date,note\r\n";
    static final String ROWS = "t1.2.o1,kuangguan,in_progress,50,2010/11/15,已部署\r\n"
        + "t1.2.o1,kuangguan,in_progress,60,2010年11月16日,'=1+1\r\n";

    List<String> history() {
        return db.progressHistoryQuery(null, null, null).toList().stream()
            .map(r -> r.getString("reported_on") + " " + r.getString("note")).collect(Collectors.toList());
    }

    @Test
    void gbkFileToldOrDetected(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("gbk.csv");
        Files.write(path, (HEADER + ROWS).getBytes(Charset.forName("GB18030")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressImportFile(null, path.toString(), null, "clerk"));
        assertEquals(path + ":2:1: invalid UTF-8 (byte 0xd2): save the sheet as CSV UTF-8", e.getMessage());
        db.progressImportFile(null, path.toString(), new RowsImportOptions().encoding("gbk"), "clerk");
        assertEquals(List.of("2010-11-15 已部署", "2010-11-16 =1+1"), history());
        db.progressImportFile(null, path.toString(), new RowsImportOptions().encoding("auto"), "clerk");
        assertEquals(4, history().size());
        e = assertThrows(InvalidInputException.class, () -> db.progressImportFile(null, path.toString(),
            new RowsImportOptions().encoding("latin1"), "clerk"));
        assertEquals("campaign_progress_import_file: encoding \"latin1\" is not one of utf-8, gb18030, gbk, auto",
                     e.getMessage());
    }

    @Test
    void historyColumnsReimport() {
        db.progressImportString(null, "id,outcome,unit,status,percent,reported_on,note,evidence,actor,recorded_at,current\n"
            + "x,t1.2.o1,kuangguan,in_progress,50,2010/11/15,'=1+1,,someone,2026-12-03T13:43:57Z,1\n",
            "h.csv", null, "clerk");
        assertEquals(List.of("2010-11-15 =1+1"), history());
        assertEquals("clerk", db.progressHistoryQuery(null, null, null).toList().get(0).getString("actor"));
    }

    @Test
    void listingAsXlsx(@TempDir Path dir) throws Exception {
        db.progressImportString(null, HEADER + ROWS, "p.csv", null, "clerk");
        Path path = dir.resolve("h.xlsx");
        db.progressHistoryQuery(null, null, null).writeXlsx(path.toString(), "进度", "unit,percent,reported_on,note",
                                                            "单位,进度,日期,备注");
        try (ZipFile zip = new ZipFile(path.toFile())) {
            String book = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(), "UTF-8");
            String strings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), "UTF-8");
            assertTrue(book.contains("name=\"进度\""), book);
            assertTrue(strings.contains("<t>=1+1</t>") && strings.contains("<t>备注</t>"), strings);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressHistoryQuery(null, null, null).writeXlsx(path.toString(), null, "unit", "单位,进度"));
        assertEquals("campaign_cursor_write_xlsx: 2 titles \"单位,进度\" for 1 columns", e.getMessage());
    }
}
