package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.bench.Issue9Report.Kind;
import io.dsap.bench.Issue9Report.RowResult;
import io.dsap.bench.Issue9Report.SystemResult;
import io.dsap.bench.Issue9Report.TableRow;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown table of issue 9: ratios, verdicts, the peak RSS row, and a table that parses. */
class Issue9ReportTest {

    private static final TableRow COUNT = row("count");
    private static final TableRow SUMMARIZE = row("profile");
    private static final TableRow SMALL = row("small");
    private static final TableRow RSS = row("rss");
    private static final TableRow BIG = row("big");

    private static TableRow row(String id) {
        return Issue9Table.ROWS.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static SystemResult ok(double ms, double cpu, long rssMb) {
        return new SystemResult(ms, cpu, rssMb * 1024, null);
    }

    @Test
    void queryRowsAreJudgedOnTheWallRatio() {
        RowResult fast = new RowResult(COUNT, ok(900, 1800, 300), ok(1000, 1500, 200), "");
        assertEquals(0.9, Issue9Report.measured(fast), 1e-12);
        assertEquals("**met**", Issue9Report.verdict(fast));

        RowResult slow = new RowResult(COUNT, ok(1240, 2400, 300), ok(1000, 2000, 200), "");
        assertEquals("not met", Issue9Report.verdict(slow));

        // 0.35x of SUMMARIZE: 0.78x is not met even though dsap is faster
        RowResult summarize = new RowResult(SUMMARIZE, ok(780, 1, 1), ok(1000, 1, 1), "");
        assertEquals("not met", Issue9Report.verdict(summarize));
    }

    @Test
    void anErrorOrAMissingSystemIsNeverMet() {
        RowResult dsapFailed = new RowResult(COUNT, SystemResult.failed("OutOfMemoryError: Java heap space"),
                ok(1000, 1000, 200), "");
        assertEquals("error", Issue9Report.verdict(dsapFailed));
        RowResult duckMissing = new RowResult(COUNT, ok(900, 900, 200), SystemResult.NONE, "");
        assertEquals("not measured", Issue9Report.verdict(duckMissing));
        assertTrue(Double.isNaN(Issue9Report.measured(duckMissing)));
    }

    @Test
    void smallQueriesAreJudgedInMillisecondsAndBigFileOnItsPeakRss() {
        assertEquals("**met**", Issue9Report.verdict(new RowResult(SMALL, ok(12.6, Double.NaN, 250), ok(6.9, Double.NaN, 110), "")));
        assertEquals("not met", Issue9Report.verdict(new RowResult(SMALL, ok(21.0, Double.NaN, 250), ok(6.9, Double.NaN, 110), "")));
        RowResult big = new RowResult(BIG, ok(90_000, 170_000, 600), SystemResult.NONE, "");
        assertEquals(600 / 1024.0, Issue9Report.measured(big), 1e-12);
        assertEquals("**met**", Issue9Report.verdict(big));
        RowResult bigOom = new RowResult(BIG, new SystemResult(Double.NaN, Double.NaN, 700 * 1024, "OutOfMemoryError"),
                SystemResult.NONE, "");
        assertEquals("error", Issue9Report.verdict(bigOom));
    }

    @Test
    void theRssRowTakesTheLargestDsapPeakAndNamesItsRow() {
        List<RowResult> rows = List.of(
                new RowResult(COUNT, ok(1, 1, 900), ok(1, 1, 300), ""),
                new RowResult(SUMMARIZE, ok(1, 1, 1600), ok(1, 1, 2000), ""),
                new RowResult(SMALL, ok(1, 1, 250), ok(1, 1, 100), ""),
                new RowResult(BIG, ok(1, 1, 5000), SystemResult.NONE, "")); // the big row has its own heap
        RowResult rss = Issue9Report.rssRow(RSS, rows);
        assertEquals(1600 * 1024, rss.dsap().peakRssKb());
        assertEquals(2000 * 1024, rss.duckdb().peakRssKb());
        assertEquals("not met", Issue9Report.verdict(rss)); // 1.56 GB
        assertTrue(rss.notes().contains("dsap 1,600 MB (profile)"), rss.notes());

        RowResult under = Issue9Report.rssRow(RSS, rows.subList(0, 1));
        assertEquals("**met**", Issue9Report.verdict(under));
        assertEquals("not measured", Issue9Report.verdict(Issue9Report.rssRow(RSS, List.of())));
    }

    @Test
    void markdownIsOneTableWithTheMachineAndTheCommand() {
        List<RowResult> rows = List.of(
                new RowResult(COUNT, ok(2067, 3810, 700), ok(1853, 3550, 300), "same result (1 row)"),
                new RowResult(SMALL, ok(12.6, Double.NaN, 250), ok(6.9, Double.NaN, 110), "a | b"),
                new RowResult(BIG, SystemResult.failed("worker died"), SystemResult.NONE, ""));
        String md = Issue9Report.markdown(
                new Issue9Report.Machine("2026-11-27 01:00 UTC", 2, "AMD EPYC", "17.0.15", "v1.5.6", "commit abc",
                        "1.0 1.0 1.0", "2.0 2.0 2.0"),
                new Issue9Report.Setup("bench/run.sh issue9 --rows 10M", "`orders.csv`", new Rounds(1, 3000), new Rounds(3, 1000),
                        List.of("-Xmx1g", "-Ddsap.profile.cache=off"), 200, 1000),
                rows);
        assertTrue(md.contains("```\nbench/run.sh issue9 --rows 10M\n```"), md);
        assertTrue(md.contains("2 cores (AMD EPYC)") && md.contains("DuckDB v1.5.6") && md.contains("at start 1.0 1.0 1.0, at end 2.0 2.0 2.0"), md);
        assertTrue(md.contains("`-Xmx1g -Ddsap.profile.cache=off`"), md);
        assertTrue(!md.contains("WARNING"), md); // load 2.0 on 2 cores is not busy

        List<String> table = md.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + rows.size(), table.size(), md);
        for (String line : table) {
            assertEquals(10, cells(line).size(), line); // an unescaped pipe in a note would add a cell
        }
        assertEquals(List.of("`SELECT count(*) FROM orders`", "<= 1.0x", "2,067.0 (3,810)", "1,853.0 (3,550)", "1.12x",
                "1.07x", "700 MB", "300 MB", "not met", "same result (1 row)"), cells(table.get(2)));
        List<String> small = cells(table.get(3));
        assertEquals(List.of("<= 20 ms", "12.6 p50", "6.9 p50", "**met**", "a \\| b"),
                List.of(small.get(1), small.get(2), small.get(3), small.get(8), small.get(9)));
        List<String> big = cells(table.get(4));
        assertEquals(List.of("error", "not run", "error", "dsap ERROR: worker died"),
                List.of(big.get(2), big.get(3), big.get(8), big.get(9)));
    }

    @Test
    void aBusyMachineIsFlaggedAboveTheTable() {
        assertTrue(Issue9Report.busy("2.01 1.0 1.0", 2));
        assertTrue(!Issue9Report.busy("2.00 9.0 9.0", 2)); // the 1-minute figure decides
        assertTrue(!Issue9Report.busy("?", 2));
        String md = Issue9Report.markdown(
                new Issue9Report.Machine("d", 2, "cpu", "17", "v1.5.6", "commit abc", "0.5 0.5 0.5", "15.8 15.8 14.8"),
                new Issue9Report.Setup("cmd", "data", new Rounds(1, 3000), new Rounds(3, 1000), List.of("-Xmx1g"), 200, 1000), List.of());
        assertTrue(md.contains("> WARNING: the load average was above the number of cores"), md);
    }

    /** The cells of a Markdown table line, split on pipes that are not escaped. */
    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1)).map(String::trim).toList();
    }
}
