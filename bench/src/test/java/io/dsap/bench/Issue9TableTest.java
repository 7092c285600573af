package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue9 command line, the rows it selects, and the big-file query against a real dsap connection. */
class Issue9TableTest {

    @Test
    void everyQueryRowIsABenchQueryAndEveryTargetComesFromTheIssue() {
        for (Issue9Report.TableRow r : Issue9Table.ROWS) {
            if (r.kind() == Issue9Report.Kind.QUERY) {
                assertEquals(r.id(), Queries.select(r.id()).get(0).name());
            }
        }
        Map<String, String> targets = new HashMap<>();
        Issue9Table.ROWS.forEach(r -> targets.put(r.id(), r.target().toString()));
        assertEquals("<= 1.0x", targets.get("count"));
        assertEquals("<= 0.35x", targets.get("profile"));
        assertEquals("<= 1.5x", targets.get("filter_1pct"));
        assertEquals("<= 1.5x", targets.get("parquet_group_by"));
        assertEquals("<= 20 ms", targets.get("small"));
        assertEquals("<= 1.5 GB", targets.get("rss"));
    }

    @Test
    void defaultsRunEveryRowButTheBigFileUnderAOneGigabyteHeap() {
        Issue9Table.Options o = Issue9Table.Options.parse(new String[0]);
        assertEquals(List.of("count", "group_by_status", "profile_vs_query", "profile", "validate_8_checks",
                "validate_dirty", "filter_1pct", "parquet_group_by", "parquet_count", "small", "rss"), ids(o));
        assertEquals(List.of("-Xmx1g", "-Ddsap.profile.cache=off"), o.workerJvmArgs());
        assertEquals(new Rounds(1, 3000), o.warmup());
        assertEquals(new Rounds(3, 1000), o.runs());
        assertNull(o.out());
    }

    @Test
    void onlyKeepsTheIssuesOrderAndBigGbAcceptsFractions() {
        Issue9Table.Options o = Issue9Table.Options.parse(new String[] {"--only", "small,count", "--big-gb", "0.01",
                "--heap", "2g", "--jvm-args", "-XX:+UseParallelGC", "--rows", "100k", "--out", "t.md"});
        assertEquals(List.of("count", "small", "rss", "big"), ids(o));
        assertEquals(List.of("-Xmx2g", "-Ddsap.profile.cache=off", "-XX:+UseParallelGC"), o.workerJvmArgs());
        assertEquals(100_000, o.rows());
        assertEquals(Path.of("t.md"), o.out());
        long rows = o.bigRows(); // about 10 MB at the generator's ~103 bytes per row
        assertTrue(rows > 90_000 && rows < 100_000, Long.toString(rows));
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Issue9Table.Options.parse(new String[] {"--only", "count,bogus"}));
        assertTrue(e.getMessage().contains("unknown row 'bogus'") && e.getMessage().contains("validate_dirty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Issue9Table.Options.parse(new String[] {"--big-gb", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> Issue9Table.Options.parse(new String[] {"--runs"}));
        assertThrows(IllegalArgumentException.class, () -> Issue9Table.Options.parse(new String[] {"--runs", "0"}));
    }

    @Test
    void theCommandIsPrintedSoThatItCanBePastedBackIntoAShell() {
        assertEquals("bench/run.sh issue9 --rows 10M --jvm-args '-Xmx2g -Da=b' --out /tmp/t.md",
                Issue9Table.command(new String[] {"--rows", "10M", "--jvm-args", "-Xmx2g -Da=b", "--out", "/tmp/t.md"}));
        assertEquals("bench/run.sh issue9 --data-dir 'it'\\''s'", Issue9Table.command(new String[] {"--data-dir", "it's"}));
    }

    @Test
    void resultsAreComparedWhereBothSystemsReturnTheSameRows() {
        Measurement same1 = measured(List.of(List.of("paid", "3")));
        Measurement same2 = measured(List.of(List.of("paid", "3")));
        Measurement other = measured(List.of(List.of("paid", "4")));
        assertEquals("same result (1 row)", Issue9Table.compare("group_by_status", same1, same2));
        assertTrue(Issue9Table.compare("group_by_status", same1, other).startsWith("**results differ**"));
        Measurement issues = measured(List.of(List.of("1"), List.of("2"), List.of("3")));
        Measurement counts = measured(List.of(List.of("0", "2", "5")));
        assertEquals("dsap returned 3 failing rows, DuckDB counted 7", Issue9Table.compare("validate_dirty", issues, counts));
    }

    /** The big row's query (the 8 checks, issues counted per check) on a real dirty file through dsap's JDBC driver. */
    @Test
    void bigFileQueryCountsEveryIssueOfValidatePerCheck(@TempDir Path dir) throws Exception {
        OrdersGenerator.Summary s = new OrdersGenerator(5_000, 7, true).writeTo(dir.resolve("orders.csv"));
        String sql = Issue9Table.bigSql();
        String all = Queries.select("validate_8_checks").get(0).dsapSql();
        try (Connection c = BenchSystem.DSAP.open(dir)) {
            QueryResult perCheck = QueryExecutor.run(c, sql);
            assertNull(perCheck.error(), sql);
            QueryResult every = QueryExecutor.run(c, all);
            assertNull(every.error(), all);
            long sum = 0;
            Map<String, Long> byCheck = new HashMap<>();
            for (List<String> row : perCheck.rows()) {
                sum += Long.parseLong(row.get(1));
                byCheck.put(row.get(0), Long.parseLong(row.get(1)));
            }
            assertEquals(every.rows().size(), sum);
            assertTrue(sum > 0 && s.count(Dirt.DUPLICATE_ID) > 0);
            assertTrue(byCheck.containsKey("unique"), byCheck.toString());
        }
    }

    private static Measurement measured(List<List<String>> rows) {
        Measurement m = new Measurement();
        m.add(new QueryResult(1, 1, List.of("c"), rows, null), true);
        return m;
    }

    private static List<String> ids(Issue9Table.Options o) {
        return o.selected().stream().map(Issue9Report.TableRow::id).toList();
    }
}
