package io.dsap.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One execution of one query: wall time from {@code executeQuery} to the last row fetched, the
 * CPU time the whole process used meanwhile (all threads, native ones included; -1 if unknown),
 * and the rows as display strings (see {@link Values}), or the error that stopped it.
 * CPU time matters on a shared machine: other processes stretch wall time far more than CPU time.
 */
public record QueryResult(long nanos, long cpuNanos, List<String> columns, List<List<String>> rows, String error) {

    public static QueryResult failed(String error) {
        return new QueryResult(-1, -1, List.of(), List.of(), error);
    }

    public boolean ok() {
        return error == null;
    }

    public double millis() {
        return nanos / 1e6;
    }

    /** Rows sorted by their values, so results of GROUP BY without ORDER BY can be compared and shown. */
    public List<List<String>> sortedRows() {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }

    private static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
