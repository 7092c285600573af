package io.dsap.bench;

import io.dsap.bench.Issue9Report.Kind;
import io.dsap.bench.Issue9Report.RowResult;
import io.dsap.bench.Issue9Report.SystemResult;
import io.dsap.bench.Issue9Report.TableRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every row of issue 9's table in one command ({@code bench/run.sh issue9}): the side-by-side
 * {@link Queries} and the {@link SmallQueries}, each row in a fresh child JVM per system (so each
 * row's peak RSS is its own), plus optionally a big CSV validated by dsap under a small heap.
 * Prints one Markdown table ({@link Issue9Report}) with each row's target and verdict, and writes
 * it to {@code --out}.
 */
public final class Issue9Table {

    private Issue9Table() {
    }

    /**
     * The rows in the issue's order, except that the small queries come before the peak RSS row,
     * which covers every row above it; QUERY ids are {@link Queries} names.
     */
    static final List<TableRow> ROWS = List.of(
            new TableRow("count", "`SELECT count(*) FROM orders`", Target.parse("<= 1.0x"), Kind.QUERY),
            new TableRow("group_by_status",
                    "`SELECT status, count(*), avg(unit_price), max(quantity) FROM orders GROUP BY status`",
                    Target.parse("<= 1.0x"), Kind.QUERY),
            new TableRow("profile_vs_query", "`profile('orders.csv')` vs one DuckDB aggregate query",
                    Target.parse("<= 1.0x"), Kind.QUERY),
            new TableRow("profile", "`profile('orders.csv')` vs DuckDB `SUMMARIZE`", Target.parse("<= 0.35x"), Kind.QUERY),
            new TableRow("validate_8_checks", "`validate(...)`, 8 checks, clean file, vs DuckDB counting them",
                    Target.parse("<= 1.0x"), Kind.QUERY),
            new TableRow("validate_dirty", "`validate(...)`, 8 checks, dirty file, failing rows returned",
                    Target.parse("<= 1.0x"), Kind.QUERY),
            new TableRow("filter_1pct", "filtered scan returning 1% of rows through JDBC", Target.parse("<= 1.5x"),
                    Kind.QUERY),
            new TableRow("parquet_group_by", "Parquet: the GROUP BY above", Target.parse("<= 1.5x"), Kind.QUERY),
            new TableRow("parquet_count", "Parquet: `count(*)`", Target.parse("<= 1.5x"), Kind.QUERY),
            new TableRow("small", "small query on a cached file, planning + execution, p50", Target.parse("<= 20 ms"),
                    Kind.SMALL),
            new TableRow("rss", "peak RSS for each of the above", Target.parse("<= 1.5 GB"), Kind.RSS),
            new TableRow("big", "big CSV validated, 8 checks", Target.parse("<= 1.5 GB"), Kind.BIG));

    /** Average bytes per row of the generator's clean file (1,032,667,009 bytes for 10M rows). */
    static final double BYTES_PER_ROW = 103.27;

    /** The size the issue asks the big CSV to have. */
    static final double ISSUE_BIG_GB = 10;

    /** Parsed command line. */
    record Options(Path dataDir, long rows, boolean rowsExplicit, long seed, Rounds warmup, Rounds runs, String heap,
                   List<String> jvmArgs, int smallWarmup, int smallRuns, double bigGb, String bigHeap,
                   Set<String> only, Path out) {

        static Options parse(String[] args) {
            Path dataDir = Path.of("bench", "data");
            long rows = 10_000_000L;
            boolean rowsExplicit = false;
            long seed = OrdersGenerator.DEFAULT_SEED;
            int warmup = 1, runs = 3, smallWarmup = 200, smallRuns = 1000;
            long warmupMs = SideBySide.DEFAULT_WARMUP_MS, runsMs = SideBySide.DEFAULT_RUNS_MS;
            String heap = "1g", bigHeap = "512m";
            List<String> jvmArgs = List.of();
            double bigGb = 0;
            Set<String> only = null;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length && !a.equals("-h") && !a.equals("--help")) {
                    throw new IllegalArgumentException(a + " needs a value\n" + usage());
                }
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
                    case "--heap" -> heap = args[++i];
                    case "--jvm-args" -> jvmArgs = Arrays.stream(args[++i].trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).toList();
                    case "--small-warmup" -> smallWarmup = Integer.parseInt(args[++i]);
                    case "--small-runs" -> smallRuns = Integer.parseInt(args[++i]);
                    case "--big-gb" -> bigGb = Double.parseDouble(args[++i]);
                    case "--big-heap" -> bigHeap = args[++i];
                    case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::trim)
                            .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
                    case "--out" -> out = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + a + "\n" + usage());
                }
            }
            if (runs < 1 || smallRuns < 1 || smallWarmup < 0) {
                throw new IllegalArgumentException("need --runs and --small-runs >= 1, --small-warmup >= 0");
            }
            if (bigGb < 0 || Double.isNaN(bigGb)) {
                throw new IllegalArgumentException("--big-gb must be >= 0 (0: no big file)");
            }
            if (only != null) {
                Set<String> known = selectable();
                for (String id : only) {
                    if (!known.contains(id)) {
                        throw new IllegalArgumentException("unknown row '" + id + "' in --only; known: "
                                + String.join(", ", known));
                    }
                }
            }
            return new Options(dataDir, rows, rowsExplicit, seed, new Rounds(warmup, warmupMs), new Rounds(runs, runsMs), heap, jvmArgs, smallWarmup, smallRuns,
                    bigGb, bigHeap, only, out);
        }

        /** The rows that run: every QUERY and SMALL row (or those of --only), then BIG when --big-gb > 0. */
        List<TableRow> selected() {
            return ROWS.stream().filter(r -> switch (r.kind()) {
                case QUERY, SMALL -> only == null || only.contains(r.id());
                case RSS -> true;
                case BIG -> bigGb > 0;
            }).toList();
        }

        /** JVM options of every worker: the heap, the profile cache off (every profile run does the pass), extras. */
        List<String> workerJvmArgs() {
            List<String> a = new ArrayList<>(List.of("-Xmx" + heap, "-Ddsap.profile.cache=off"));
            a.addAll(jvmArgs);
            return a;
        }

        /** Rows of the big CSV for --big-gb. */
        long bigRows() {
            return Math.max(1, Math.round(bigGb * 1e9 / BYTES_PER_ROW));
        }

        private static Set<String> selectable() {
            return ROWS.stream().filter(r -> r.kind() == Kind.QUERY || r.kind() == Kind.SMALL).map(TableRow::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        static String usage() {
            return """
                    usage: bench/run.sh issue9 [--data-dir DIR] [--rows N] [--seed S] [--warmup W] [--warmup-ms T] [--runs R] [--runs-ms T]
                                               [--heap 1g] [--jvm-args "..."] [--small-warmup W] [--small-runs R]
                                               [--big-gb G] [--big-heap 512m] [--only a,b] [--out FILE]
                      --data-dir      folder of orders.csv, orders_dirty.csv, parquet/, small/, big/ (default bench/data;
                                      files are generated when missing, as for the side-by-side)
                      --rows          rows of orders.csv and orders_dirty.csv (default 10000000; 10M, 100k accepted);
                                      when given and a file has another count, it is generated again
                      --warmup/--runs rounds per row, not measured / measured (default 1 / 3)
                      --warmup-ms     then more warm-up rounds until each system has run this long (default 3000;
                                      at most 50 rounds; 0: rounds only)
                      --runs-ms       then more measured rounds until each system has run this long (default 1000;
                                      at most 50 rounds; 0: rounds only)
                      --heap          max heap of each child JVM, dsap's and DuckDB's (default 1g: -Xmx1g)
                      --jvm-args      more options for the child JVMs
                      --small-warmup/--small-runs  runs per small query and system (default 200 / 1000)
                      --big-gb        also generate a CSV of about G GB (fractions accepted, e.g. 0.01) in
                                      <data-dir>/big/ (kept for the next run) and validate it with dsap alone
                                      under --big-heap (default 512m); default 0: not run
                      --only          run only these rows (the peak RSS row covers what ran):""" + " "
                    + String.join(", ", selectable()) + """

                      --out           also write the Markdown table to FILE
                    """;
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<TableRow> rows = o.selected();
        List<String> data = new ArrayList<>();
        Path csv = rows.stream().anyMatch(r -> r.kind() == Kind.QUERY) ? queryData(o, rows, data) : null;
        if (rows.stream().anyMatch(r -> r.kind() == Kind.SMALL)) {
            data.add("`small/orders.csv` and `small/customers.csv` (copies of `examples/`)");
        }
        Path big = null;
        if (o.bigGb() > 0) {
            big = BenchData.ensure(o.dataDir().resolve("big"), o.bigRows(), o.seed(), true);
            data.add(describe(o.dataDir().relativize(big), big, o.bigRows()));
        }

        String loadAtStart = Report.loadAverage();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        List<RowResult> results = new ArrayList<>();
        for (TableRow r : rows) {
            System.err.println("row " + r.id() + " ...");
            switch (r.kind()) {
                case QUERY -> results.add(queryRow(r, csv, o));
                case SMALL -> results.add(smallRow(r, o));
                case RSS -> { } // computed below from the rows that ran
                case BIG -> results.add(bigRow(r, big, o));
            }
        }
        List<RowResult> table = new ArrayList<>();
        for (TableRow r : rows) {
            if (r.kind() == Kind.RSS) {
                table.add(Issue9Report.rssRow(r, results));
            } else {
                results.stream().filter(x -> x.row().id().equals(r.id())).findFirst().ifPresent(table::add);
            }
        }
        Issue9Report.Machine machine = new Issue9Report.Machine(date, Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                duckdbVersion(o.dataDir()), dsapCommit(), loadAtStart, Report.loadAverage());
        Issue9Report.Setup setup = new Issue9Report.Setup(command(args), String.join("; ", data) + ".", o.warmup(),
                o.runs(), o.workerJvmArgs(), o.smallWarmup(), o.smallRuns());
        String md = Issue9Report.markdown(machine, setup, table);
        System.out.println();
        System.out.print(md);
        if (o.out() != null) {
            if (o.out().getParent() != null) {
                Files.createDirectories(o.out().getParent());
            }
            Files.writeString(o.out(), md, StandardCharsets.UTF_8);
            System.err.println("wrote " + o.out());
        }
    }

    /** Makes sure the files of the selected QUERY rows exist, describes them in {@code data}; returns orders.csv. */
    private static Path queryData(Options o, List<TableRow> rows, List<String> data) throws IOException {
        Path csv = BenchData.ensure(o.dataDir(), o.rows(), o.seed(), o.rowsExplicit());
        // without --rows, the existing orders.csv decides, and the dirty file follows it
        long csvRows = BenchData.lastOrderId(csv);
        data.add(describe(csv, csvRows));
        List<String> sql = rows.stream().filter(r -> r.kind() == Kind.QUERY)
                .map(r -> Queries.select(r.id()).get(0).dsapSql()).toList();
        if (sql.stream().anyMatch(q -> q.contains(BenchData.DIRTY_FILE_NAME))) {
            data.add(describe(BenchData.ensureDirty(o.dataDir(), csvRows, o.seed(), true), csvRows));
        }
        if (sql.stream().anyMatch(q -> q.contains(BenchQuery.ORDERS_PARQUET))) {
            Path p = BenchData.ensureParquet(o.dataDir(), csv);
            data.add(String.format(Locale.ROOT, "`%s` (%,d bytes, written by DuckDB's `COPY`, %,d row group(s) of "
                    + "up to %,d rows)", o.dataDir().relativize(p), Files.size(p),
                    (csvRows + BenchData.PARQUET_ROW_GROUP - 1) / BenchData.PARQUET_ROW_GROUP,
                    BenchData.PARQUET_ROW_GROUP));
        }
        return csv;
    }

    /** One {@link Queries} row: a fresh worker JVM per system, {@link SideBySide#measure}, then each JVM's peak RSS. */
    static RowResult queryRow(TableRow row, Path csv, Options o) {
        BenchQuery q = Queries.select(row.id()).get(0);
        Map<BenchSystem, Session> sessions = new EnumMap<>(BenchSystem.class);
        Map<BenchSystem, String> failed = new EnumMap<>(BenchSystem.class);
        try {
            for (BenchSystem s : BenchSystem.values()) {
                try {
                    sessions.put(s, new ForkedSession(s, csv.getParent(), o.workerJvmArgs()));
                } catch (IOException e) {
                    failed.put(s, QueryExecutor.oneLine(e));
                }
            }
            Map<BenchSystem, Measurement> m = SideBySide.measure(q, csv, sessions, o.warmup(), o.runs(), true);
            SystemResult dsap = result(BenchSystem.DSAP, m, sessions, failed);
            SystemResult duck = result(BenchSystem.DUCKDB, m, sessions, failed);
            return new RowResult(row, dsap, duck, compare(row.id(), m.get(BenchSystem.DSAP), m.get(BenchSystem.DUCKDB)));
        } finally {
            sessions.values().forEach(Session::close);
        }
    }

    private static SystemResult result(BenchSystem s, Map<BenchSystem, Measurement> m, Map<BenchSystem, Session> sessions,
                                       Map<BenchSystem, String> failed) {
        if (failed.containsKey(s)) {
            return SystemResult.failed(failed.get(s));
        }
        Measurement x = m.get(s);
        long rss = sessions.get(s).memory().peakRssKb();
        if (x == null) {
            return new SystemResult(Double.NaN, Double.NaN, rss, null);
        }
        if (!x.ok()) {
            return new SystemResult(Double.NaN, Double.NaN, rss, x.error() == null ? "no result" : x.error());
        }
        return new SystemResult(x.medianMillis(), x.medianCpuMillis(), rss, null);
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d row%s", n, n == 1 ? "" : "s");
    }

    /** Queries whose two results must be the same rows (the others return different things by design). */
    private static final Set<String> COMPARABLE = Set.of("count", "group_by_status", "filter_1pct", "parquet_count",
            "parquet_group_by");

    /** What the row's results say: same rows, or what each returned. */
    static String compare(String id, Measurement d, Measurement k) {
        if (d == null || k == null || !d.ok() || !k.ok()) {
            return "";
        }
        int dn = d.result().rows().size(), kn = k.result().rows().size();
        if (COMPARABLE.contains(id)) {
            String diff = Values.difference(d.result(), k.result());
            return diff == null ? String.format(Locale.ROOT, "same result (%s)", rows(dn)) : "**results differ**: " + diff;
        }
        if (id.startsWith("validate") && kn == 1) {
            long counted = 0;
            try {
                for (String v : k.result().rows().get(0)) {
                    counted += Long.parseLong(v);
                }
            } catch (NumberFormatException e) {
                return String.format(Locale.ROOT, "dsap returned %,d failing rows", dn);
            }
            return String.format(Locale.ROOT, "dsap returned %,d failing rows, DuckDB counted %,d", dn, counted);
        }
        return String.format(Locale.ROOT, "dsap %s, DuckDB %s", rows(dn), rows(kn));
    }

    /** The small queries on {@code <data-dir>/small/}, each system in its own JVM; dsap's worst p50 is judged. */
    static RowResult smallRow(TableRow row, Options o) throws IOException {
        Path dir = SmallQueries.copyFiles(o.dataDir().resolve("small"));
        String quoted = dir.toAbsolutePath().toString().replace("'", "''");
        Map<BenchSystem, Session> sessions = new EnumMap<>(BenchSystem.class);
        Map<BenchSystem, String> failed = new EnumMap<>(BenchSystem.class);
        try {
            for (BenchSystem s : BenchSystem.values()) {
                try {
                    sessions.put(s, new ForkedSession(s, dir, o.workerJvmArgs()));
                } catch (IOException e) {
                    failed.put(s, QueryExecutor.oneLine(e));
                }
            }
            double dsapWorst = Double.NaN, duckAtWorst = Double.NaN;
            String dsapError = failed.get(BenchSystem.DSAP), duckError = failed.get(BenchSystem.DUCKDB);
            List<String> notes = new ArrayList<>();
            for (SmallQueries.Small s : SmallQueries.QUERIES) {
                BenchQuery q = new BenchQuery(s.name(), s.dsap(), s.duckdb().replace("{dir}", quoted));
                Map<BenchSystem, Measurement> m = SideBySide.measure(q, dir.resolve("orders.csv"), sessions,
                        new Rounds(o.smallWarmup(), 0), new Rounds(o.smallRuns(), 0), false);
                Measurement d = m.get(BenchSystem.DSAP), k = m.get(BenchSystem.DUCKDB);
                if (d != null && !d.ok()) {
                    dsapError = s.name() + ": " + d.error();
                }
                if (k != null && !k.ok()) {
                    duckError = s.name() + ": " + k.error();
                }
                double dp50 = d != null && d.ok() ? d.percentileMillis(50) : Double.NaN;
                double kp50 = k != null && k.ok() ? k.percentileMillis(50) : Double.NaN;
                notes.add(String.format(Locale.ROOT, "%s: dsap %.1f ms (p99 %.1f), DuckDB %.1f ms (p99 %.1f)", s.name(),
                        dp50, d != null && d.ok() ? d.percentileMillis(99) : Double.NaN,
                        kp50, k != null && k.ok() ? k.percentileMillis(99) : Double.NaN));
                if (Double.isNaN(dsapWorst) || dp50 > dsapWorst) {
                    dsapWorst = dp50;
                    duckAtWorst = kp50;
                }
                System.err.println("  " + s.name() + " done");
            }
            long dsapRss = sessions.containsKey(BenchSystem.DSAP) ? sessions.get(BenchSystem.DSAP).memory().peakRssKb() : -1;
            long duckRss = sessions.containsKey(BenchSystem.DUCKDB) ? sessions.get(BenchSystem.DUCKDB).memory().peakRssKb() : -1;
            return new RowResult(row,
                    new SystemResult(dsapError == null ? dsapWorst : Double.NaN, Double.NaN, dsapRss, dsapError),
                    new SystemResult(duckError == null ? duckAtWorst : Double.NaN, Double.NaN, duckRss, duckError),
                    "p50 of the slower query; " + String.join("; ", notes));
        } finally {
            sessions.values().forEach(Session::close);
        }
    }

    /**
     * The big CSV validated with the 8 checks of {@code validate_8_checks} by dsap alone, in a fresh
     * JVM under {@code --big-heap}, once (no warm-up: a user validates a 10 GB file once). The issues
     * are counted per check inside dsap, so the worker holds a few rows whatever the file.
     */
    static RowResult bigRow(TableRow row, Path big, Options o) throws IOException {
        long rows = BenchData.lastOrderId(big);
        double gb = Files.size(big) / 1e9;
        TableRow named = new TableRow(row.id(), String.format(Locale.ROOT, "%s (%.2f GB, %,d rows), dsap `-Xmx%s`",
                row.work(), gb, rows, o.bigHeap()), row.target(), row.kind());
        String sql = bigSql();
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.bigHeap()));
        jvm.addAll(o.jvmArgs());
        ForkedSession s;
        try {
            s = new ForkedSession(BenchSystem.DSAP, big.getParent(), jvm);
        } catch (IOException e) {
            return new RowResult(named, SystemResult.failed(QueryExecutor.oneLine(e)), SystemResult.NONE, "");
        }
        try {
            QueryResult r = s.run(sql);
            long rss = s.memory().peakRssKb();
            if (!r.ok()) {
                return new RowResult(named, new SystemResult(Double.NaN, Double.NaN, rss, r.error()), SystemResult.NONE, "");
            }
            System.err.printf("  big: %,.1f ms, %s%n", r.millis(), MemoryStats.mb(rss * 1024));
            long issues = 0;
            List<String> byCheck = new ArrayList<>();
            for (List<String> line : r.sortedRows()) {
                issues += Long.parseLong(line.get(1));
                byCheck.add(line.get(0) + " " + line.get(1));
            }
            String notes = String.format(Locale.ROOT, "one run in a fresh JVM, no DuckDB comparison; %,d issues%s",
                    issues, byCheck.isEmpty() ? "" : " (" + String.join(", ", byCheck) + ")");
            if (gb < ISSUE_BIG_GB) {
                notes += String.format(Locale.ROOT, "; only %.2f GB: the issue asks for 10 GB (--big-gb 10)", gb);
            }
            return new RowResult(named, new SystemResult(r.millis(), r.cpuNanos() / 1e6, rss, null), SystemResult.NONE,
                    notes);
        } finally {
            s.close();
        }
    }

    /** The clean-file validation of {@link Queries} with its issues counted per check. */
    static String bigSql() {
        String v = Queries.select("validate_8_checks").get(0).dsapSql();
        String prefix = "SELECT * FROM ";
        if (!v.startsWith(prefix)) {
            throw new IllegalStateException("validate_8_checks no longer starts with " + prefix);
        }
        return "SELECT check_name, count(*) AS issues FROM " + v.substring(prefix.length()) + " GROUP BY check_name";
    }

    private static String describe(Path csv, long rows) throws IOException {
        return describe(csv.getFileName(), csv, rows);
    }

    private static String describe(Path name, Path csv, long rows) throws IOException {
        return String.format(Locale.ROOT, "`%s` (%,d rows, %,d bytes)", name, rows, Files.size(csv));
    }

    /** The command as typed: {@code bench/run.sh issue9} and the arguments, shell-quoted where needed. */
    static String command(String[] args) {
        StringBuilder b = new StringBuilder("bench/run.sh issue9");
        for (String a : args) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./:=,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "CPU model unknown";
    }

    private static String duckdbVersion(Path dir) {
        try (Connection c = BenchSystem.DUCKDB.open(dir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version()")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (Exception e) {
            return "? (" + QueryExecutor.oneLine(e) + ")";
        }
    }

    /** The git commit of the working tree, "+ uncommitted changes" when it has some. */
    private static String dsapCommit() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head == null || head.isEmpty()) {
            return "commit unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return "commit " + head + (status == null || status.isEmpty() ? "" : " + uncommitted changes");
    }

    private static String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
