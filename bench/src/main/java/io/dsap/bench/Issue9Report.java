package io.dsap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 9's table as Markdown, ready to paste into docs/performance.md: per row the target, what
 * each system took (median wall and CPU time), the ratios, the peak RSS of each system's JVM and
 * whether the target is met; then the peak RSS row over all rows, and the machine and the command.
 * Only formats and judges what {@link Issue9Table} measured.
 */
final class Issue9Report {

    private Issue9Report() {
    }

    /** How a row is measured and judged. */
    enum Kind {
        /** A {@link Queries} row on both systems; judged on dsap's median wall time / DuckDB's. */
        QUERY,
        /** {@link SmallQueries}' queries; judged on dsap's worst p50 in ms. */
        SMALL,
        /** The largest dsap peak RSS of the rows above; judged in GB. */
        RSS,
        /** The big CSV validated under a small heap, dsap only; judged on its peak RSS in GB (and finishing). */
        BIG
    }

    /** One row of issue 9's table: its id ({@code --only}; a {@link Queries} name for QUERY rows), its text, its target. */
    record TableRow(String id, String work, Target target, Kind kind) {
    }

    /**
     * What one system did in one row: median wall and CPU ms (NaN when not measured), peak RSS of
     * its JVM in KB (-1 when unknown), the error that stopped it (null when none).
     */
    record SystemResult(double wallMs, double cpuMs, long peakRssKb, String error) {
        static final SystemResult NONE = new SystemResult(Double.NaN, Double.NaN, -1, null);

        static SystemResult failed(String error) {
            return new SystemResult(Double.NaN, Double.NaN, -1, error);
        }

        boolean ok() {
            return error == null && !Double.isNaN(wallMs);
        }
    }

    /** A measured row; {@code notes} says what was compared or returned. */
    record RowResult(TableRow row, SystemResult dsap, SystemResult duckdb, String notes) {
    }

    /** Where and how the table was measured. */
    record Machine(String date, int cores, String cpu, String java, String duckdb, String dsapCommit,
                   String loadAtStart, String loadAtEnd) {
    }

    /** The settings the header states. */
    record Setup(String command, String data, Rounds warmup, Rounds runs, List<String> workerJvmArgs,
                 int smallWarmup, int smallRuns) {
    }

    /** The number judged against the row's target, NaN when there is none. */
    static double measured(RowResult r) {
        return switch (r.row().kind()) {
            case QUERY -> r.dsap().ok() && r.duckdb().ok() && r.duckdb().wallMs() > 0
                    ? r.dsap().wallMs() / r.duckdb().wallMs() : Double.NaN;
            case SMALL -> r.dsap().ok() ? r.dsap().wallMs() : Double.NaN;
            case RSS, BIG -> r.dsap().error() == null && r.dsap().peakRssKb() >= 0 ? gb(r.dsap().peakRssKb()) : Double.NaN;
        };
    }

    /** "**met**", "not met", "not measured" or "error", judged on the number as printed. */
    static String verdict(RowResult r) {
        if (r.dsap().error() != null || r.duckdb().error() != null) {
            return "error";
        }
        double m = measured(r);
        if (Double.isNaN(m)) {
            return "not measured";
        }
        return r.row().target().met(m) ? "**met**" : "not met";
    }

    /**
     * The RSS row: the largest dsap peak RSS of the measured rows (QUERY and SMALL), with the row
     * that reached it and DuckDB's largest in the notes.
     */
    static RowResult rssRow(TableRow row, List<RowResult> measuredRows) {
        RowResult maxDsap = null;
        RowResult maxDuck = null;
        for (RowResult r : measuredRows) {
            if (r.row().kind() != Kind.QUERY && r.row().kind() != Kind.SMALL) {
                continue;
            }
            if (r.dsap().peakRssKb() >= 0 && (maxDsap == null || r.dsap().peakRssKb() > maxDsap.dsap().peakRssKb())) {
                maxDsap = r;
            }
            if (r.duckdb().peakRssKb() >= 0 && (maxDuck == null || r.duckdb().peakRssKb() > maxDuck.duckdb().peakRssKb())) {
                maxDuck = r;
            }
        }
        long dsapKb = maxDsap == null ? -1 : maxDsap.dsap().peakRssKb();
        long duckKb = maxDuck == null ? -1 : maxDuck.duckdb().peakRssKb();
        String notes = maxDsap == null ? "no row measured"
                : "largest of the rows above: dsap " + mb(dsapKb) + " (" + maxDsap.row().id() + ")"
                + (maxDuck == null ? "" : ", DuckDB " + mb(duckKb) + " (" + maxDuck.row().id() + ")");
        return new RowResult(row, new SystemResult(Double.NaN, Double.NaN, dsapKb, null),
                new SystemResult(Double.NaN, Double.NaN, duckKb, null), notes);
    }

    static String markdown(Machine m, Setup s, List<RowResult> rows) {
        StringBuilder b = new StringBuilder();
        b.append("## Issue 9's table (").append(m.date()).append(")\n\n");
        b.append("```\n").append(s.command()).append("\n```\n\n");
        b.append(String.format(Locale.ROOT,
                "Machine: %d cores (%s), Java %s, DuckDB %s (JDBC, in memory, `SET threads TO 2`), dsap %s. "
                        + "Load average (1, 5, 15 min) at start %s, at end %s.%n%n",
                m.cores(), m.cpu(), m.java(), m.duckdb(), m.dsapCommit(), m.loadAtStart(), m.loadAtEnd()));
        if (busy(m.loadAtStart(), m.cores()) || busy(m.loadAtEnd(), m.cores())) {
            b.append("> WARNING: the load average was above the number of cores: other processes stretched the "
                    + "wall times, so the wall ratios and verdicts are not reliable; the CPU ratios are less "
                    + "affected. Rerun on an idle machine.\n\n");
        }
        b.append("Data: ").append(s.data()).append("\n\n");
        b.append(String.format(Locale.ROOT,
                "Each row runs in a fresh child JVM per system (`%s`), %s, then %s, the "
                        + "systems alternating (which goes first flips every round); medians; times from "
                        + "`executeQuery` to the last row fetched, CPU = the whole process, all threads. "
                        + "Ratio = dsap / DuckDB; \"met?\" judges the wall-time ratio as printed. Peak RSS = "
                        + "`VmHWM` of that row's JVM (heap, JIT, native memory; DuckDB's native memory included), "
                        + "MB = 2^20 bytes, GB = 2^30 bytes. Small queries: %d warm-up + %d runs per query, "
                        + "p50 of each system.%n%n",
                String.join(" ", s.workerJvmArgs()), s.warmup().describe("warm-up"), s.runs().describe("measured"), s.smallWarmup(), s.smallRuns()));
        b.append("| work | target | dsap ms (CPU ms) | DuckDB ms (CPU ms) | wall ratio | CPU ratio "
                + "| dsap peak RSS | DuckDB peak RSS | met? | notes |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (RowResult r : rows) {
            b.append(line(r)).append('\n');
        }
        return b.toString();
    }

    /** Whether the 1-minute load average (first field of {@code loadAverage}) exceeds the cores. */
    static boolean busy(String loadAverage, int cores) {
        try {
            return Double.parseDouble(loadAverage.trim().split("\\s+")[0]) > cores;
        } catch (RuntimeException e) {
            return false; // unknown ("?")
        }
    }

    private static String line(RowResult r) {
        Kind k = r.row().kind();
        String dsapTime = k == Kind.RSS ? "" : time(r.dsap(), k == Kind.SMALL ? " p50" : "");
        String duckTime = k == Kind.RSS ? "" : k == Kind.BIG ? "not run" : time(r.duckdb(), k == Kind.SMALL ? " p50" : "");
        String wallRatio = k == Kind.QUERY ? r.row().target().format(measured(r)) : "";
        String cpuRatio = k == Kind.QUERY && r.dsap().ok() && r.duckdb().ok() && r.duckdb().cpuMs() > 0
                ? String.format(Locale.ROOT, "%.2fx", r.dsap().cpuMs() / r.duckdb().cpuMs()) : "";
        List<String> notes = new ArrayList<>();
        if (r.notes() != null && !r.notes().isEmpty()) {
            notes.add(r.notes());
        }
        if (r.dsap().error() != null) {
            notes.add("dsap ERROR: " + r.dsap().error());
        }
        if (r.duckdb().error() != null) {
            notes.add("DuckDB ERROR: " + r.duckdb().error());
        }
        return "| " + String.join(" | ", r.row().work(), r.row().target().toString(), dsapTime, duckTime, wallRatio,
                cpuRatio, mb(r.dsap().peakRssKb()), k == Kind.BIG ? "" : mb(r.duckdb().peakRssKb()), verdict(r),
                cell(String.join("; ", notes))) + " |";
    }

    private static String time(SystemResult s, String what) {
        if (s.error() != null) {
            return "error";
        }
        if (Double.isNaN(s.wallMs())) {
            return "-";
        }
        String t = String.format(Locale.ROOT, "%,.1f", s.wallMs()) + what;
        return Double.isNaN(s.cpuMs()) ? t : t + String.format(Locale.ROOT, " (%,.0f)", s.cpuMs());
    }

    /** Text that cannot break the table: no pipes, no line breaks. */
    static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    static String mb(long kb) {
        return kb < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", kb / 1024);
    }

    static double gb(long kb) {
        return kb / (1024.0 * 1024.0);
    }
}
