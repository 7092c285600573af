package io.dsap.bench;

import io.dsap.server.DsapServer;
import io.dsap.server.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a dsap server: N concurrent remote JDBC clients ({@code jdbc:dsap:remote:}) run a mix
 * of metadata calls, small queries, {@code validate} and an aggregate over the big orders file for
 * a fixed time, on loopback. Reports errors (the goal is zero), p50/p99 latency per operation and
 * throughput. Not a test: see docs/performance.md for numbers and bench/README.md for use.
 *
 * <p>What the numbers mean: a client starts requests only during the window ({@code --seconds});
 * a request started in it runs to the end and counts (the drain after the window is reported).
 * Latency is one request on the client, from the call to its last row read and checked
 * (queueing on a busy server included); p50/p99 are nearest-rank percentiles of those. Throughput
 * is completed requests divided by the wall time from the first start to the last completion.
 * A request whose answer is wrong counts as an error. The server started here gets limits that
 * fit the load (one running statement per client, every client the same anonymous user).
 *
 * <p>By default every client cycles through the whole mix, so on two cores the big aggregate,
 * which all clients reach within seconds, dominates everything. {@code --heavy-clients K} models
 * a team instead: K clients run only the big aggregate, the others only the interactive requests,
 * so the table shows what a DBeaver user waits for while reports scan the big file.
 *
 * <pre>
 * bench/run.sh load [--clients 20] [--seconds 60] [--rows 10M] [--heavy-clients K] [--data-dir bench/data]
 *     [--url http://host:port]
 * </pre>
 */
public final class LoadBench {

    static final String BIG_AGGREGATE = "aggregate (big file)";

    /** One kind of request in the mix; checks its own answer and throws when it is wrong. */
    interface Op {
        void run(Connection c) throws SQLException;
    }

    private final Map<String, Op> mix = new LinkedHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    LoadBench(long rows) {
        mix.put("metadata", c -> {
            DatabaseMetaData md = c.getMetaData();
            int tables = count(md.getTables(null, "files", "%", null));
            int columns = count(md.getColumns(null, "files", "orders", "%"));
            check(tables >= 3 && columns == 10, "tables " + tables + ", orders columns " + columns);
        });
        mix.put("small query", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM \"load/orders\" WHERE status = ?")) {
                p.setString(1, "delivered");
                long n = single(p.executeQuery());
                check(n == 98, "delivered orders in load/orders.csv: " + n);
            }
        });
        mix.put("small join", c -> {
            try (Statement s = c.createStatement()) {
                long n = single(s.executeQuery("SELECT count(*) FROM \"load/orders\" o"
                    + " JOIN \"load/customers\" c ON o.customer_id = c.customer_id"));
                check(n > 200, "joined rows: " + n);
            }
        });
        mix.put("validate", c -> {
            try (Statement s = c.createStatement()) {
                long n = single(s.executeQuery("SELECT count(*) FROM validate('load/orders.csv', NULL, 'quantity > 0')"
                    + " WHERE check_name LIKE 'rule:%'"));
                check(n == 1, "rule failures in load/orders.csv: " + n);
            }
        });
        mix.put(BIG_AGGREGATE, c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT status, count(*) AS n, sum(quantity) AS q FROM orders GROUP BY status")) {
                long total = 0;
                int groups = 0;
                while (rs.next()) {
                    total += rs.getLong(2);
                    groups++;
                }
                check(total == rows && groups == 6, "aggregate counted " + total + " rows in " + groups + " groups");
            }
        });
        mix.keySet().forEach(k -> {
            latencies.put(k, new ConcurrentLinkedQueue<>());
            errors.put(k, new AtomicLong());
        });
    }

    public static void main(String[] argv) throws Exception {
        int clients = 20;
        int seconds = 60;
        int heavyClients = -1;
        long rows = 10_000_000L;
        boolean rowsExplicit = false;
        Path dataDir = Path.of("bench/data");
        String url = null;
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--clients" -> clients = Integer.parseInt(argv[++i]);
                case "--seconds" -> seconds = Integer.parseInt(argv[++i]);
                case "--heavy-clients" -> heavyClients = Integer.parseInt(argv[++i]);
                case "--rows" -> { rows = Args.parseCount(argv[++i]); rowsExplicit = true; }
                case "--data-dir" -> dataDir = Path.of(argv[++i]);
                case "--url" -> url = argv[++i];
                case "--help", "-h" -> {
                    System.out.println("bench/run.sh load [--clients 20] [--seconds 60] [--rows 10M]"
                        + " [--heavy-clients K (K clients only aggregate the big file, the rest never do;"
                        + " default: every client runs the whole mix)] [--data-dir bench/data] [--url http://host:port (default: start a server on loopback)]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + argv[i] + " (see --help)");
            }
        }
        Files.createDirectories(dataDir);
        BenchData.ensure(dataDir, rows, 42, rowsExplicit);
        rows = BenchData.lastOrderId(dataDir.resolve(BenchData.FILE_NAME));
        copyExamples(dataDir.resolve("load"));

        DsapServer server = null;
        if (url == null) {
            // the defaults allow 16 running statements per user; every client here is "anonymous"
            server = DsapServer.start(ServerConfig.builder()
                .root(dataDir)
                .port(0)
                .limits(ServerConfig.Limits.DEFAULTS.withMaxConcurrentStatements(Math.max(16, clients)))
                .build());
            url = "http://127.0.0.1:" + server.port();
        }
        try {
            new LoadBench(rows).run("jdbc:dsap:remote:url=" + url, clients, heavyClients, seconds, rows, url,
                server != null);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The small example files the small queries and validate run on, next to the big file. */
    static void copyExamples(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {"orders.csv", "customers.csv"}) {
            try (InputStream in = Files.newInputStream(Path.of("examples", f))) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    void run(String jdbcUrl, int clients, int heavyClients, int seconds, long rows, String serverUrl, boolean inProcess)
            throws Exception {
        if (heavyClients > clients) {
            throw new IllegalArgumentException("--heavy-clients " + heavyClients + " is more than --clients " + clients);
        }
        // one untimed pass, so detection of every file is done before the clock starts
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (Op op : mix.values()) {
                op.run(c);
            }
        }
        String[] names = mix.keySet().toArray(new String[0]);
        String[] heavy = {BIG_AGGREGATE};
        String[] light = mix.keySet().stream().filter(n -> !n.equals(BIG_AGGREGATE)).toArray(String[]::new);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        String load0 = Report.loadAverage();
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int client = i;
            String[] ops = heavyClients < 0 ? names : client < heavyClients ? heavy : light;
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                    // clients start at different steps, so every kind of request overlaps the others
                    for (int step = client; System.nanoTime() < end; step++) {
                        String name = ops[step % ops.length];
                        long s = System.nanoTime();
                        try {
                            mix.get(name).run(c);
                            latencies.get(name).add(System.nanoTime() - s);
                        } catch (Exception | AssertionError e) {
                            errors.get(name).incrementAndGet();
                            if (firstErrors.size() < 10) {
                                firstErrors.add(name + ": " + e);
                            }
                        }
                    }
                } catch (SQLException e) {
                    errors.get("metadata").incrementAndGet();
                    firstErrors.add("connect: " + e);
                } finally {
                    done.countDown();
                }
            }, "load-client-" + i);
            t.start();
        }
        done.await();
        double wall = (System.nanoTime() - t0) / 1e9;
        String mixText = heavyClients < 0 ? "every client cycles through the whole mix"
            : heavyClients + " clients run only the big aggregate, " + (clients - heavyClients)
                + " only the other requests";
        report(clients, mixText, seconds, rows, serverUrl, inProcess, wall, (end - t0) / 1e9, load0,
            Report.loadAverage());
    }

    private void report(int clients, String mixText, int seconds, long rows, String url, boolean inProcess, double wall,
            double window, String load0, String load1) {
        long totalOps = 0;
        long totalErrors = 0;
        System.out.printf("%n## Load: %d remote clients, %d s, orders.csv %,d rows%n%n", clients, seconds, rows);
        System.out.printf("Mix: %s.%n%n", mixText);
        System.out.printf("Server %s (%s), loopback, protobuf. Window %.1f s, wall %.1f s (requests in flight at the"
            + " end of the window finish and count). Load average %s at start, %s at end. Latency: call to last row,"
            + " on the client; per s: completed / wall.%n%n",
            url, inProcess ? "started in this JVM" : "external", window, wall, load0, load1);
        System.out.println("| operation | done | errors | p50 ms | p99 ms | max ms | per s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String name : mix.keySet()) {
            List<Long> l = new ArrayList<>(latencies.get(name));
            Collections.sort(l);
            long err = errors.get(name).get();
            totalOps += l.size();
            totalErrors += err;
            System.out.printf("| %s | %,d | %d | %s | %s | %s | %.2f |%n", name, l.size(), err,
                ms(pct(l, 0.50)), ms(pct(l, 0.99)), ms(l.isEmpty() ? -1 : l.get(l.size() - 1)), l.size() / wall);
        }
        System.out.printf("| **all** | %,d | %d | | | | %.2f |%n%n", totalOps, totalErrors, totalOps / wall);
        firstErrors.forEach(e -> System.out.println("error: " + e));
        System.out.println(totalErrors == 0 ? "zero errors" : totalErrors + " ERRORS");
        if (totalErrors != 0) {
            System.exit(1);
        }
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format("%.1f", nanos / 1e6);
    }

    static long single(ResultSet rs) throws SQLException {
        try (rs) {
            check(rs.next(), "no row");
            return rs.getLong(1);
        }
    }

    static int count(ResultSet rs) throws SQLException {
        int n = 0;
        try (rs) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("wrong answer: " + what);
        }
    }
}
