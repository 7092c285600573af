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

class RoundsTest {

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

    private static List<String> measure(Rounds w, long dsapMillis, long duckMillis, int runs) {
        return measure(w, new Rounds(runs, 0), dsapMillis, duckMillis, runs);
    }

    private static List<String> measure(Rounds w, Rounds r, long dsapMillis, long duckMillis, int runs) {
        List<String> log = new ArrayList<>();
        Map<BenchSystem, Session> sessions = new EnumMap<>(BenchSystem.class);
        sessions.put(BenchSystem.DSAP, new Timed(BenchSystem.DSAP, dsapMillis, log));
        sessions.put(BenchSystem.DUCKDB, new Timed(BenchSystem.DUCKDB, duckMillis, log));
        Map<BenchSystem, Measurement> m = SideBySide.measure(Queries.select("count").get(0), Path.of("orders.csv"),
                sessions, w, r, false);
        assertEquals(runs, m.get(BenchSystem.DSAP).runs());
        assertEquals(runs, m.get(BenchSystem.DUCKDB).runs());
        return log;
    }

    @Test
    void aShortQueryWarmsUpUntilTheSlowerToWarmSystemHasRunLongEnough() {
        // dsap 100 ms a run, DuckDB 300 ms: 1 s of warm-up takes DuckDB 4 rounds and dsap 10
        List<String> log = measure(new Rounds(1, 1000), 100, 300, 3);
        assertEquals(2 * (10 + 3), log.size(), log.toString());
        // the systems still alternate who goes first, in warm-up and measured rounds alike
        assertEquals(List.of("dsap", "duckdb", "duckdb", "dsap", "dsap", "duckdb"), log.subList(0, 6));
    }

    @Test
    void aLongQueryKeepsItsWarmupRoundsAndZeroMillisMeansRoundsOnly() {
        assertEquals(2 * (1 + 3), measure(new Rounds(1, 1000), 5000, 5000, 3).size());
        assertEquals(2 * (2 + 3), measure(new Rounds(2, 0), 1, 1, 3).size());
        assertEquals(2 * 3, measure(new Rounds(0, 0), 1, 1, 3).size());
    }

    @Test
    void warmupStopsAtItsRoundLimit() {
        assertEquals(2 * (Rounds.MAX_ROUNDS + 1), measure(new Rounds(1, 60_000), 0, 0, 1).size());
    }

    @Test
    void aShortQueryIsMeasuredUntilEachSystemHasRunLongEnough() {
        // no warm-up; 3 measured rounds at least, more until 100 ms each: dsap at 10 ms needs 10
        List<String> log = measure(new Rounds(0, 0), new Rounds(3, 100), 10, 40, 10);
        assertEquals(2 * 10, log.size(), log.toString());
        // a 1 s query keeps its 3 rounds; a 0 ms one stops at the round limit
        assertEquals(2 * 3, measure(new Rounds(0, 0), new Rounds(3, 100), 1000, 1000, 3).size());
        assertEquals(2 * Rounds.MAX_ROUNDS, measure(new Rounds(0, 0), new Rounds(3, 100), 0, 0, Rounds.MAX_ROUNDS).size());
    }

    @Test
    void describesItselfAndRejectsNegatives() {
        assertEquals("1 warm-up round, more until each system has run 3 s (at most 50)",
                new Rounds(1, 3000).describe("warm-up"));
        assertEquals("2 measured rounds", new Rounds(2, 0).describe("measured"));
        assertTrue(new Rounds(0, 1500).describe("warm-up").contains("1.5 s"));
        assertThrows(IllegalArgumentException.class, () -> new Rounds(-1, 0));
    }
}
