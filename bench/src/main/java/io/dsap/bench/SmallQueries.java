package io.dsap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency of small queries on small, cached files: each query runs many times on one connection per
 * system (a new {@code Statement} each time, as a BI tool sends it: parsing, planning and execution
 * every time), after warm-up, the systems alternating. Prints p50 and p99 per query and system.
 *
 * <pre>
 * SmallQueries [--data-dir bench/data] [--warmup 200] [--runs 1000]
 * </pre>
 *
 * The files are {@code examples/orders.csv} (237 rows) and {@code examples/customers.csv}, copied
 * to {@code <data-dir>/small/}; dsap connects to that folder, DuckDB reads them with {@code read_csv}.
 */
public final class SmallQueries {
    private SmallQueries() {
    }

    /** One small query: its name and each system's SQL ({@code {dir}} is the folder, quoted for a literal). */
    record Small(String name, String dsap, String duckdb) {}

    static final List<Small> QUERIES = List.of(
            new Small("point_lookup", "SELECT * FROM orders WHERE order_id = 1042",
                    "SELECT * FROM read_csv('{dir}/orders.csv') WHERE order_id = 1042"),
            new Small("count_customers", "SELECT count(*) FROM customers",
                    "SELECT count(*) FROM read_csv('{dir}/customers.csv')"));

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of("bench", "data");
        int warmup = 200;
        int runs = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: SmallQueries [--data-dir DIR] [--warmup W] [--runs R]\n"
                            + "  --data-dir  folder under which small/ is made (default bench/data)\n"
                            + "  --warmup    untimed runs per query and system (default 200)\n"
                            + "  --runs      timed runs per query and system (default 1000)");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Path dir = copyFiles(dataDir.resolve("small"));
        String quoted = dir.toAbsolutePath().toString().replace("'", "''");
        String load0 = Report.loadAverage();
        List<String> lines = new ArrayList<>();
        try (Connection dsap = BenchSystem.DSAP.open(dir); Connection duck = BenchSystem.DUCKDB.open(dir)) {
            for (Small q : QUERIES) {
                String duckSql = q.duckdb().replace("{dir}", quoted);
                long[] a = new long[runs];
                long[] b = new long[runs];
                for (int i = 0; i < warmup + runs; i++) {
                    boolean dsapFirst = i % 2 == 0;
                    long t1 = time(dsapFirst ? dsap : duck, dsapFirst ? q.dsap() : duckSql);
                    long t2 = time(dsapFirst ? duck : dsap, dsapFirst ? duckSql : q.dsap());
                    if (i >= warmup) {
                        a[i - warmup] = dsapFirst ? t1 : t2;
                        b[i - warmup] = dsapFirst ? t2 : t1;
                    }
                }
                lines.add(row(q.name(), "dsap", q.dsap(), a));
                lines.add(row(q.name(), "duckdb", duckSql, b));
                System.err.println("  " + q.name() + " done");
            }
        }
        System.out.println("## Small queries: planning + execution, one connection, " + runs + " runs after " + warmup
                + " warm-up runs\n");
        System.out.println("| query | system | p50 ms | p99 ms | SQL |");
        System.out.println("|---|---|---:|---:|---|");
        lines.forEach(System.out::println);
        System.out.println("\nload average at start: " + load0 + "; at end: " + Report.loadAverage());
    }

    /** Nanoseconds from {@code executeQuery} to the last row read, on a new statement. */
    static long time(Connection c, String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            int rows = 0;
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
            if (rows == 0) {
                throw new IllegalStateException("no row from " + sql);
            }
        }
        return System.nanoTime() - t0;
    }

    static String row(String name, String system, String sql, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double p50 = s[(int) Math.min(s.length - 1, Math.round(0.50 * (s.length - 1)))] / 1e6;
        double p99 = s[(int) Math.min(s.length - 1, Math.round(0.99 * (s.length - 1)))] / 1e6;
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | `%s` |", name, system, p50, p99, sql);
    }

    /** Copies the example files to {@code dir} (once). */
    static Path copyFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("orders.csv", "customers.csv")) {
            Path target = dir.resolve(f);
            if (!Files.exists(target)) {
                Files.copy(Path.of("examples", f), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
