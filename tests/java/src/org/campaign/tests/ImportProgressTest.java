package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.campaign.InvalidInputException;
import org.campaign.RowsImportOptions;
import org.junit.jupiter.api.Test;

/** The import pipeline's progress listener from Java, on a real file import. */
class ImportProgressTest extends SeededTest {
    private static Path bigCsv(int rows) throws Exception {
        StringBuilder b = new StringBuilder("outcome,unit,status,percent,date\n");
        for (int i = 0; i < rows; i++) b.append("t1.2.o1,kuangguan,in_progress,").append(i % 100).append(",2010-11-15\n");
        Path path = Files.createTempFile("progress", ".csv");
        Files.writeString(path, b.toString(), StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void listenerReceivesRowsAndBytes() throws Exception {
        Path path = bigCsv(600);
        long size = Files.size(path);
        List<Long> rows = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        db.progressImportFile(null, path.toString(), new RowsImportOptions().progress((n, d, total) -> {
            rows.add(n);
            done.add(d);
            totals.add(total);
            return 0;
        }), "clerk");
        assertEquals(List.of(0L, 256L, 512L, 600L), rows);
        assertEquals(size, (long) done.get(done.size() - 1));
        assertEquals(List.of(size, size, size, size), totals);
        assertEquals(600, db.progressHistoryQuery(null, null, null).toList().size());
        Files.delete(path);
    }

    @Test
    void listenerThatStopsWritesNothing() throws Exception {
        Path path = bigCsv(300);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> db.progressImportFile(null,
            path.toString(), new RowsImportOptions().progress((n, d, total) -> n >= 256 ? 1 : 0), "clerk"));
        assertEquals(path + ": import stopped", e.getMessage());
        assertEquals(0, db.progressHistoryQuery(null, null, null).toList().size());
        Files.delete(path);
    }

    @Test
    void aSheetHeadedInChineseImports() throws Exception {
        Path path = Files.createTempFile("zh", ".csv");
        Files.writeString(path, "成果,单位编号,状态,进度,日期,备注\nt1.2.o1,kuangguan,in_progress,60,2010-11-20,中文表头𠀋\n",
                          StandardCharsets.UTF_8);
        db.progressImportFile(null, path.toString(), null, "clerk");
        List<org.campaign.Row> rows = db.progressHistoryQuery(null, null, null).toList();
        assertEquals(1, rows.size());
        assertEquals("中文表头𠀋", rows.get(0).getString("note"));
        assertEquals(60L, (long) rows.get(0).getLong("percent"));
        Files.writeString(path, "成果,单位编号,状态,进度,日期,负责人\n", StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class,
            () -> db.progressImportFile(null, path.toString(), null, "clerk"));
        assertEquals(path + ":1:18: unknown column \"负责人\" (expected outcome, unit, status, percent, date, note, evidence)",
                     e.getMessage());
        Files.delete(path);
    }
}
