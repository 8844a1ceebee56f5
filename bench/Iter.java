// The Java binding's side: a bulk import and iterating rows, through the
// existing API (Store.progressImportFile, Store.progressHistoryQuery).
//   java -Djava.library.path=BUILD/java -cp BUILD/java/campaign.jar bench/Iter.java iterate STORE ROWS
//   java ... bench/Iter.java import STORE progress.csv
import org.campaign.*;

public class Iter {
    static void emit(String what, long t0, long rows) {
        double s = (System.nanoTime() - t0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("{\"what\": \"%s\", \"seconds\": %.6f, \"rows\": %d, \"java_heap_used_kb\": %d}%n", what, s, rows,
                          (rt.totalMemory() - rt.freeMemory()) / 1024);
    }

    public static void main(String[] args) {
        try (Store db = Campaign.open(args[1])) {
            long t0 = System.nanoTime();
            if (args[0].equals("import")) {
                db.progressImportFile(null, args[2], null, "bench");
                emit("import.progress.java", t0, 0);
                return;
            }
            long want = Long.parseLong(args[2]), n = 0;
            while (n < want) {
                long before = n;
                try (Rows rows = db.progressHistoryQuery(null, null, null)) {
                    for (Row r : rows) {
                        n++;
                        if (n == want) break;
                    }
                }
                if (n == before) break;
            }
            emit("iterate.java", t0, n);
        }
    }
}
