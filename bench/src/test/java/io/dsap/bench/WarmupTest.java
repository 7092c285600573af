package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmupTest {

    /** A system whose every query takes a fixed time, remembering the order of its runs. */
    private static final class Timed implements Session {
        final BenchSystem system;
        final long millis;
        final List<String> log;

        Timed(BenchSystem system, long millis, List<String> log) {
            this.system = system;
            this.millis = millis;
            this.log = log;
        }

        @Override
        public BenchSystem system() {
            return system;
        }

        @Override
        public double connectMillis() {
            return 0;
        }

        @Override
        public QueryResult run(String sql) {
            log.add(system.label());
            return new QueryResult(millis * 1_000_000, millis * 1_000_000, List.of("n"), List.of(List.of("1")), null);
        }

        @Override
        public MemoryStats memory() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static List<String> measure(Warmup w, long dsapMillis, long duckMillis, int runs) {
        List<String> log = new ArrayList<>();
        Map<BenchSystem, Session> sessions = new EnumMap<>(BenchSystem.class);
        sessions.put(BenchSystem.DSAP, new Timed(BenchSystem.DSAP, dsapMillis, log));
        sessions.put(BenchSystem.DUCKDB, new Timed(BenchSystem.DUCKDB, duckMillis, log));
        Map<BenchSystem, Measurement> m = SideBySide.measure(Queries.select("count").get(0), Path.of("orders.csv"),
                sessions, w, runs, false);
        assertEquals(runs, m.get(BenchSystem.DSAP).runs());
        assertEquals(runs, m.get(BenchSystem.DUCKDB).runs());
        return log;
    }

    @Test
    void aShortQueryWarmsUpUntilTheSlowerToWarmSystemHasRunLongEnough() {
        // dsap 100 ms a run, DuckDB 300 ms: 1 s of warm-up takes DuckDB 4 rounds and dsap 10
        List<String> log = measure(new Warmup(1, 1000), 100, 300, 3);
        assertEquals(2 * (10 + 3), log.size(), log.toString());
        // the systems still alternate who goes first, in warm-up and measured rounds alike
        assertEquals(List.of("dsap", "duckdb", "duckdb", "dsap", "dsap", "duckdb"), log.subList(0, 6));
    }

    @Test
    void aLongQueryKeepsItsWarmupRoundsAndZeroMillisMeansRoundsOnly() {
        assertEquals(2 * (1 + 3), measure(new Warmup(1, 1000), 5000, 5000, 3).size());
        assertEquals(2 * (2 + 3), measure(new Warmup(2, 0), 1, 1, 3).size());
        assertEquals(2 * 3, measure(new Warmup(0, 0), 1, 1, 3).size());
    }

    @Test
    void warmupStopsAtItsRoundLimit() {
        assertEquals(2 * (Warmup.MAX_ROUNDS + 1), measure(new Warmup(1, 60_000), 0, 0, 1).size());
    }

    @Test
    void describesItselfAndRejectsNegatives() {
        assertEquals("1 warm-up round, more until each system has run 3 s (at most 50)", new Warmup(1, 3000).describe());
        assertEquals("2 warm-up rounds", new Warmup(2, 0).describe());
        assertTrue(new Warmup(0, 1500).describe().contains("1.5 s"));
        assertThrows(IllegalArgumentException.class, () -> new Warmup(-1, 0));
    }
}
