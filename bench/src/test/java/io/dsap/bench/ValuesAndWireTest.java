package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's plumbing: value display, result comparison, child-JVM line protocol. */
class ValuesAndWireTest {

    @Test
    void displayNormalisesNumbers() {
        assertEquals("NULL", Values.display(null));
        assertEquals("42", Values.display(42L));
        assertEquals("246.698078942", Values.display(246.69807894212345));
        assertEquals("246.698078942", Values.display(new BigDecimal("246.698078942123")));
        assertEquals("0.5", Values.display(0.5d));
    }

    @Test
    void resultsAgreeRegardlessOfRowOrderAndTinyFloatNoise() {
        QueryResult a = result(List.of(List.of("paid", "3", "1.000000000001"), List.of("cancelled", "1", "2")));
        QueryResult b = result(List.of(List.of("cancelled", "1", "2"), List.of("paid", "3", "1")));
        assertNull(Values.difference(a, b));
    }

    @Test
    void differentCountsOrValuesAreReported() {
        QueryResult a = result(List.of(List.of("paid", "3")));
        QueryResult b = result(List.of(List.of("paid", "3"), List.of("x", "1")));
        assertTrue(Values.difference(a, b).startsWith("row counts differ"));
        QueryResult c = result(List.of(List.of("paid", "4")));
        assertTrue(Values.difference(a, c).contains("3 vs 4"));
    }

    @Test
    void wireRoundTripsAwkwardText() {
        List<String> fields = List.of("a\tb", "line1\nline2\r", "back\\slash", "", "SELECT 'x'");
        String line = Wire.line("ROW", fields);
        assertEquals(1, line.lines().count());
        List<String> parsed = Wire.parse(line);
        assertEquals("ROW", parsed.get(0));
        assertEquals(fields, parsed.subList(1, parsed.size()));
        assertNull(Wire.parse("some library chatter"));
    }

    @Test
    void medianOfEvenAndOddCounts() {
        Measurement m = new Measurement();
        for (long ms : new long[] {5, 1, 3}) {
            m.add(new QueryResult(ms * 1_000_000, -1, List.of(), List.of(), null), true);
        }
        assertEquals(3.0, m.medianMillis(), 1e-9);
        m.add(new QueryResult(7_000_000, -1, List.of(), List.of(), null), true);
        assertEquals(4.0, m.medianMillis(), 1e-9);
        assertEquals(1.0, m.minMillis(), 1e-9);
    }

    private static QueryResult result(List<List<String>> rows) {
        return new QueryResult(1, -1, List.of("a", "b"), rows, null);
    }
}
