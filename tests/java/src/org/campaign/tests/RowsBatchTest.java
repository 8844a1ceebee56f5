package org.campaign.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.campaign.Row;
import org.campaign.Rows;
import org.junit.jupiter.api.Test;

/** Rows copied a batch per JNI crossing (bindings/java/rows.i: texts as one byte[] with spans), 8 first, then
 *  256: each row keeps its own values across the batch edges, with NULLs, non-BMP text and dates. */
class RowsBatchTest extends SeededTest {
    private static final String[] NOTES = {"查处𠀋土地案件", "", "规范矿业权交易市场秩序,八是土地使用权"};

    private static String note(int i) {
        String n = i % 5 != 0 ? NOTES[i % 3] : "";
        return n.isEmpty() ? null : n;
    }

    private static String evidence(int i) {
        return i % 4 != 0 ? "国土资发〔2010〕" + (i % 7) + "号" : null;
    }

    private void importMany() throws Exception {
        StringBuilder b = new StringBuilder("outcome,unit,status,percent,date,note,evidence\n");
        for (int i = 0; i < 600; i++) {
            String n = note(i), e = evidence(i);
            b.append("t1.2.o1,kuangguan,in_progress,").append(i % 100).append(",2010-11-")
                .append(String.format("%02d", 1 + i % 28)).append(",\"").append(n == null ? "" : n).append("\",")
                .append(e == null ? "" : e).append('\n');
        }
        Path path = Files.createTempFile("many", ".csv");
        Files.writeString(path, b.toString(), StandardCharsets.UTF_8);
        db.progressImportFile(null, path.toString(), null, "clerk");
        Files.delete(path);
    }

    private static String key(Object percent, Object date, Object note, Object evidence) {
        return percent + "|" + date + "|" + note + "|" + evidence;
    }

    @Test
    void everyRowIsItsOwnAcrossTheBatches() throws Exception {
        importMany();
        List<String> seen = new ArrayList<>(), want = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        try (Rows rows = db.progressHistoryQuery(null, null, null)) {
            for (Row r : rows) {
                seen.add(key(r.getLong("percent"), r.getDate("reported_on"), r.getString("note"), r.getString("evidence")));
                ids.add(r.getString("id"));
                assertEquals("kuangguan", r.getString("unit"));
                assertEquals("clerk", r.getString("actor"));
            }
        }
        for (int i = 0; i < 600; i++) {
            want.add(key((long) (i % 100), LocalDate.of(2010, 11, 1 + i % 28), note(i), evidence(i)));
        }
        seen.sort(null);
        want.sort(null);
        assertEquals(want, seen);
        assertEquals(600, ids.size());
    }

    @Test
    void aRowIsAReadOnlyRecord() throws Exception {
        importMany();
        Row row = db.progressHistoryQuery(null, null, null).iterator().next();
        Map<String, Object> m = row.asMap();
        assertEquals(List.of("id", "outcome", "unit", "status", "percent", "reported_on", "note", "evidence", "actor",
                             "recorded_at", "current", "kind"), new ArrayList<>(m.keySet()));
        assertEquals("kuangguan", m.get("unit"));
        assertEquals(row.get("percent"), m.get("percent"));
        assertThrows(UnsupportedOperationException.class, () -> m.put("unit", "guihua"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> row.get("nope"));
        assertEquals("no column nope in [id, outcome, unit, status, percent, reported_on, note, evidence, actor, "
                     + "recorded_at, current, kind]", e.getMessage());
        Row again = db.progressHistoryQuery(null, null, null).iterator().next();
        assertEquals(row, again);
        assertEquals(row.hashCode(), again.hashCode());
        assertEquals("Row" + m, row.toString());
        try (Rows all = db.progressHistoryQuery(null, null, null)) {
            assertEquals(row, all.next());
            assertNotEquals(row, all.next());
        }
    }
}
