package io.dsap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Prints the side-by-side results as Markdown, ready to paste into docs/performance.md. */
final class Report {

    private final SideBySide.Options o;
    private final Path csv;
    private final PrintStream out = System.out;

    private final String loadAtStart = loadAverage();

    Report(SideBySide.Options o, Path csv) {
        this.o = o;
        this.csv = csv;
    }

    /** 1, 5 and 15 minute load averages (Linux), to tell a quiet machine from a busy one. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    void print(Map<BenchQuery, Map<BenchSystem, Measurement>> results, Map<BenchSystem, Session> sessions,
               Map<BenchSystem, String> unavailable) throws IOException {
        out.println();
        out.printf("## Side-by-side: %s (%,d bytes), %s, then %s, %s%n%n",
                csv, Files.size(csv), o.warmup().describe("warm-up"), o.runs().describe("measured"),
                o.inProcess() ? "both systems in one JVM" : "one child JVM per system");
        out.printf("%s; java %s (%s); %d cores; max heap %s (parent); load average at start %s, at end %s%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), MemoryStats.mb(Runtime.getRuntime().maxMemory()),
                loadAtStart, loadAverage());

        out.println("| query | dsap median ms | duckdb median ms | dsap/duckdb | same row count | same values |");
        out.println("|---|---:|---:|---:|---|---|");
        for (var e : results.entrySet()) {
            Measurement d = e.getValue().get(BenchSystem.DSAP);
            Measurement k = e.getValue().get(BenchSystem.DUCKDB);
            out.printf("| %s | %s | %s | %s | %s | %s |%n", e.getKey().name(),
                    cell(e.getKey(), BenchSystem.DSAP, d, unavailable), cell(e.getKey(), BenchSystem.DUCKDB, k, unavailable),
                    ratio(d, k), sameCount(d, k), agreement(d, k));
        }

        out.println();
        out.println("| query | system | first run ms | min ms | median ms | max ms | median CPU ms | runs |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (var e : results.entrySet()) {
            for (var m : e.getValue().entrySet()) {
                Measurement x = m.getValue();
                out.printf("| %s | %s | %s | %s | %s | %s | %s | %d |%n", e.getKey().name(), m.getKey().label(),
                        ms(x.firstMillis()), ms(x.minMillis()), ms(x.medianMillis()), ms(x.maxMillis()),
                        ms(x.medianCpuMillis()), x.runs());
            }
        }

        out.println();
        out.println("### Memory and connection");
        out.println();
        if (o.inProcess()) {
            out.println("Both systems ran in this JVM: the numbers below are shared, not per system.");
            out.println();
        }
        out.println("| system | connect ms | peak RSS | heap peak (sum of pools) |");
        out.println("|---|---:|---:|---:|");
        for (Session s : sessions.values()) {
            MemoryStats m = s.memory();
            out.printf("| %s | %s | %s | %s |%n", s.system().label(), ms(s.connectMillis()),
                    MemoryStats.mb(m.peakRssKb() * 1024), MemoryStats.mb(m.heapPeakBytes()));
        }
        unavailable.forEach((s, why) -> out.printf("| %s | pending: %s | | |%n", s.label(), why));

        out.println();
        out.println("### Results");
        for (var e : results.entrySet()) {
            out.println();
            out.printf("**%s**%n%n", e.getKey().name());
            for (var m : e.getValue().entrySet()) {
                out.printf("- %s: `%s`%n", m.getKey().label(), m.getKey().render(e.getKey(), csv));
                Measurement x = m.getValue();
                if (!x.ok()) {
                    out.printf("  - ERROR: %s%n", x.error());
                    continue;
                }
                QueryResult r = x.result();
                out.printf("  - columns: %s%n", String.join(", ", r.columns()));
                for (List<String> row : r.sortedRows()) {
                    out.printf("  - %s%n", String.join(" | ", row));
                }
            }
            Measurement d = e.getValue().get(BenchSystem.DSAP);
            Measurement k = e.getValue().get(BenchSystem.DUCKDB);
            if (d != null && k != null && d.ok() && k.ok()) {
                String diff = Values.difference(d.result(), k.result());
                if (diff != null) {
                    boolean countDiffers = d.result().rows().size() != k.result().rows().size();
                    String what = countDiffers ? "row counts differ" : "values differ";
                    out.printf("%n> WARNING: %s: %s%n", what, diff);
                    System.err.printf("WARNING: %s: dsap and duckdb %s: %s%n", e.getKey().name(), what, diff);
                }
            }
        }
    }

    private static String cell(BenchQuery q, BenchSystem s, Measurement m, Map<BenchSystem, String> unavailable) {
        if (unavailable.containsKey(s)) {
            return "pending";
        }
        if (q.sqlFor(s) == null) {
            return "n/a";
        }
        if (m == null) {
            return "-";
        }
        return m.ok() ? ms(m.medianMillis()) : "error";
    }

    private static String ratio(Measurement d, Measurement k) {
        if (d == null || k == null || !d.ok() || !k.ok()) {
            return "-";
        }
        return String.format("%.2fx", d.medianMillis() / k.medianMillis());
    }

    private static String sameCount(Measurement d, Measurement k) {
        if (d == null || k == null || !d.ok() || !k.ok()) {
            return "-";
        }
        int a = d.result().rows().size(), b = k.result().rows().size();
        return a == b ? "yes (" + a + ")" : "**NO**: " + a + " vs " + b;
    }

    private static String agreement(Measurement d, Measurement k) {
        if (d == null || k == null || !d.ok() || !k.ok()) {
            return "-";
        }
        String diff = Values.difference(d.result(), k.result());
        return diff == null ? "yes" : "no: " + diff;
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format("%,.1f", v);
    }
}
