package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.campaign.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store.reportWriteXlsx(campaign, asOf, path): one sheet per section of the report. */
class ReportXlsxTest extends SeededTest {
    @Test
    void sixSheets(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("report.xlsx");
        db.reportWriteXlsx(null, java.time.LocalDate.of(2011, 3, 1), p.toString());
        try (ZipFile z = new ZipFile(p.toFile())) {
            String book = new String(z.getInputStream(z.getEntry("xl/workbook.xml")).readAllBytes(), "UTF-8");
            for (String s : new String[] {"成果进度", "各阶段", "各单位", "逾期成果", "督查名单", "单位进度"})
                assertTrue(book.contains("name=\"" + s + "\""), s);
            assertNotNull(z.getEntry("xl/worksheets/sheet6.xml"));
        }
        Path bad = dir.resolve("bad.xlsx");
        assertThrows(InvalidInputException.class, () -> db.reportWriteXlsx(null, null, null));
        assertFalse(Files.exists(bad));
    }
}
