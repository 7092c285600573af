package io.dsap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@link Queries} on dsap and on DuckDB over the same {@code orders.csv} and prints a
 * Markdown report ({@link Report}): median times, ratio, the rows each returned and whether they
 * agree. Systems alternate run by run (which one goes first flips every round), after warm-up
 * rounds. By default each system runs in a child JVM of its own so that memory numbers are per
 * system; {@code --in-process} runs both in this JVM.
 *
 * <pre>
 * SideBySide [--data-dir bench/data] [--rows 10M] [--seed 42] [--warmup 1] [--runs 5]
 *            [--queries count,group_by_status] [--systems dsap,duckdb] [--in-process]
 *            [--jvm-args "-Xmx8g ..."]
 * </pre>
 */
public final class SideBySide {

    /** Warm-up time per query and system by default: a few seconds of a short query, one round of a long one. */
    static final long DEFAULT_WARMUP_MS = 3000;

    /** Measured time per query and system by default: the median of many runs of a query of a few ms, not of three. */
    static final long DEFAULT_RUNS_MS = 1000;

    private SideBySide() {
    }

    /** Parsed command line. */
    record Options(Path dataDir, long rows, boolean rowsExplicit, long seed, Rounds warmup, Rounds runs,
                   List<BenchQuery> queries, List<BenchSystem> systems, boolean inProcess, List<String> jvmArgs) {

        static Options parse(String[] args) {
            Path dataDir = Path.of("bench", "data");
            long rows = 10_000_000L;
            boolean rowsExplicit = false;
            long seed = OrdersGenerator.DEFAULT_SEED;
            int warmup = 1, runs = 5;
            long warmupMs = DEFAULT_WARMUP_MS, runsMs = DEFAULT_RUNS_MS;
            String queries = null;
            List<BenchSystem> systems = List.of(BenchSystem.DSAP, BenchSystem.DUCKDB);
            boolean inProcess = false;
            List<String> jvmArgs = List.of();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--rows" -> {
                        rows = Args.parseCount(args[++i]);
                        rowsExplicit = true;
                    }
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--runs-ms" -> runsMs = Long.parseLong(args[++i]);
                    case "--queries" -> queries = args[++i];
                    case "--systems" -> systems = Arrays.stream(args[++i].split(","))
                            .map(String::trim).map(BenchSystem::parse).distinct().toList();
                    case "--in-process" -> inProcess = true;
                    case "--jvm-args" -> jvmArgs = Arrays.stream(args[++i].trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).toList();
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + a + "\n" + usage());
                }
            }
            if (runs < 1) {
                throw new IllegalArgumentException("need --runs >= 1");
            }
            return new Options(dataDir, rows, rowsExplicit, seed, new Rounds(warmup, warmupMs), new Rounds(runs, runsMs), Queries.select(queries),
                    systems, inProcess, jvmArgs);
        }

        static String usage() {
            return """
                    usage: SideBySide [--data-dir DIR] [--rows N] [--seed S] [--warmup W] [--warmup-ms T] [--runs R] [--runs-ms T]
                                      [--queries a,b] [--systems dsap,duckdb] [--in-process] [--jvm-args "..."]
                      --data-dir   folder holding orders.csv (default bench/data; generated when missing)
                      --rows       rows to generate (default 10000000; 10M, 500k accepted); when given and the
                                   existing file has another count, it is generated again
                      --warmup     warm-up rounds per query, not measured (default 1)
                      --warmup-ms  then more warm-up rounds until each system has run this long (default 3000;
                                   at most 50 rounds; 0: rounds only)
                      --runs       measured rounds per query (default 5)
                      --runs-ms    then more measured rounds until each system has run this long (default 1000;
                                   at most 50 rounds; 0: rounds only)
                      --queries    names from Queries.ALL (default all):""" + " " + String.join(", ",
                    Queries.ALL.stream().map(BenchQuery::name).toList()) + """

                                   (parquet_* read <data-dir>/parquet/orders.parquet, written from orders.csv
                                   by DuckDB's COPY with row groups of 250,000 rows when missing or older)
                      --systems    which systems (default dsap,duckdb)
                      --in-process run both systems in this JVM (default: one child JVM per system)
                      --jvm-args   extra JVM options for the child JVMs, e.g. "-Xmx8g"
                    other modes of bench/run.sh: generate (data), jmh (micro-benchmarks), load (concurrent
                    remote clients), small (p50/p99 of small queries); each takes --help
                    """;
        }
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        Path csv = BenchData.ensure(o.dataDir(), o.rows(), o.seed(), o.rowsExplicit());
        if (o.queries().stream().anyMatch(q -> String.valueOf(q.sqlFor(BenchSystem.DSAP)).contains(BenchData.DIRTY_FILE_NAME))) {
            BenchData.ensureDirty(o.dataDir(), o.rows(), o.seed(), o.rowsExplicit());
        }
        if (o.queries().stream().anyMatch(q -> String.valueOf(q.dsapSql()).contains(BenchQuery.ORDERS_PARQUET))) {
            BenchData.ensureParquet(o.dataDir(), csv);
        }
        Report report = new Report(o, csv);

        Map<BenchSystem, Session> sessions = new EnumMap<>(BenchSystem.class);
        Map<BenchSystem, String> unavailable = new EnumMap<>(BenchSystem.class);
        for (BenchSystem s : o.systems()) {
            try {
                sessions.put(s, o.inProcess() ? new LocalSession(s, o.dataDir()) : new ForkedSession(s, o.dataDir(), o.jvmArgs()));
            } catch (Exception e) {
                unavailable.put(s, QueryExecutor.oneLine(e));
                System.err.println("WARNING: " + s.label() + " not available: " + QueryExecutor.oneLine(e));
            }
        }

        Map<BenchQuery, Map<BenchSystem, Measurement>> results = new LinkedHashMap<>();
        try {
            for (BenchQuery q : o.queries()) {
                results.put(q, measure(q, csv, sessions, o));
            }
            report.print(results, sessions, unavailable);
        } finally {
            sessions.values().forEach(Session::close);
        }
    }

    /** Warm-up rounds, then measured rounds; the system that goes first alternates each round. */
    static Map<BenchSystem, Measurement> measure(BenchQuery q, Path csv, Map<BenchSystem, Session> sessions, Options o) {
        return measure(q, csv, sessions, o.warmup(), o.runs(), true);
    }

    /** As above; {@code progress} false prints nothing per run (for the thousands of small-query runs). */
    static Map<BenchSystem, Measurement> measure(BenchQuery q, Path csv, Map<BenchSystem, Session> sessions,
                                                 Rounds warmup, Rounds runs, boolean progress) {
        Map<BenchSystem, Measurement> m = new EnumMap<>(BenchSystem.class);
        List<Session> order = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.system().render(q, csv) != null) {
                order.add(s);
                m.put(s.system(), new Measurement());
            }
        }
        Map<BenchSystem, Double> warmedMillis = new EnumMap<>(BenchSystem.class);
        Map<BenchSystem, Double> measuredMillis = new EnumMap<>(BenchSystem.class);
        order.forEach(s -> warmedMillis.put(s.system(), 0.0));
        order.forEach(s -> measuredMillis.put(s.system(), 0.0));
        int round = 0;
        while (warmup.more(round, least(warmedMillis))) {
            runRound(q, csv, order, round++, m, false, warmedMillis, progress);
        }
        for (int i = 0; runs.more(i, least(measuredMillis)); i++) {
            runRound(q, csv, order, round++, m, true, measuredMillis, progress);
        }
        return m;
    }

    /** One round, the systems in {@code order} (reversed in odd rounds), each system's time added to {@code spent}. */
    private static void runRound(BenchQuery q, Path csv, List<Session> order, int round, Map<BenchSystem, Measurement> m,
                                 boolean measured, Map<BenchSystem, Double> spent, boolean progress) {
        List<Session> thisRound = new ArrayList<>(order);
        if (round % 2 == 1) {
            Collections.reverse(thisRound);
        }
        for (Session s : thisRound) {
            QueryResult r = s.run(s.system().render(q, csv));
            m.get(s.system()).add(r, measured);
            spent.merge(s.system(), r.ok() ? r.millis() : Double.MAX_VALUE, Double::sum);
            if (progress) {
                System.err.printf("  %-18s %-7s %s %s%n", q.name(), s.system().label(), measured ? "run   " : "warmup",
                        r.ok() ? String.format("%,.1f ms (CPU %,.1f ms)", r.millis(), r.cpuNanos() / 1e6) : "ERROR " + r.error());
            }
        }
    }

    private static double least(Map<BenchSystem, Double> millis) {
        return millis.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.MAX_VALUE);
    }
}
