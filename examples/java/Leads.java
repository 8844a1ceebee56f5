import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaign.Campaign;
import org.campaign.Row;
import org.campaign.Store;

/**
 * Loads a plan and prints what each unit leads, with the deadlines of each
 * measure's task — the same output as examples/c/leads.c.
 *
 *   java -cp campaign.jar:. Leads PLAN.yaml [STORE]
 */
public final class Leads {
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Leads PLAN.yaml [STORE]");
            System.exit(2);
        }
        StringBuilder out = new StringBuilder();
        try (Store db = Campaign.open(args.length == 2 ? args[1] : ":memory:")) {
            db.planImportFile(args[0], "example");
            Map<String, String> taskOf = new HashMap<>();
            for (Row m : db.measuresQuery(null, null)) {
                taskOf.put(m.getString("id"), m.getString("task"));
            }
            Map<String, List<String>> leads = new LinkedHashMap<>();
            for (Row r : db.responsibilitiesQuery(null, null)) {
                if (r.getString("unit") != null && r.getString("role").equals("lead")) {
                    leads.computeIfAbsent(r.getString("unit"), k -> new ArrayList<>()).add(r.getString("measure"));
                }
            }
            for (Row u : db.unitsQuery(null)) {
                List<String> measures = leads.get(u.getString("id"));
                if (measures == null) {
                    continue;
                }
                out.append(u.getString("name")).append('\t').append(String.join(" ", measures)).append('\n');
                for (String m : measures) {
                    List<String> lasts = new ArrayList<>();
                    for (Row o : db.outcomesQuery(null, taskOf.get(m))) {
                        lasts.add(o.isNull("last") ? "-" : o.getDate("last").toString());
                    }
                    out.append("  ").append(m).append('\t').append(String.join(" ", lasts)).append('\n');
                }
            }
        }
        // UTF-8 whatever the platform's default charset
        System.out.write(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                         out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        System.out.flush();
    }
}
