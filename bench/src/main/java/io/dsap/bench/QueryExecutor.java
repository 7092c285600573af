package io.dsap.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one SQL statement on an open connection and times it as a client sees it: from
 * {@code executeQuery} (which includes parsing and planning) to the last row fetched.
 * Rows are converted to strings after the clock stops.
 */
final class QueryExecutor {

    private QueryExecutor() {
    }

    static QueryResult run(Connection conn, String sql) {
        try (Statement st = conn.createStatement()) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Object[]> raw = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    raw.add(row);
                }
                long nanos = System.nanoTime() - t0;
                long cpu1 = processCpuNanos();
                long cpuNanos = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
                for (int i = 1; i <= n; i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>(raw.size());
                for (Object[] row : raw) {
                    List<String> r = new ArrayList<>(row.length);
                    for (Object v : row) {
                        r.add(Values.display(v));
                    }
                    rows.add(r);
                }
                return new QueryResult(nanos, cpuNanos, columns, rows, null);
            }
        } catch (SQLException | RuntimeException e) {
            return QueryResult.failed(oneLine(e));
        }
    }

    /** CPU time of this process, all threads (JVM and native), or -1 when the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static String oneLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c != e && c.getMessage() != null && !m.contains(c.getMessage())) {
            m += " (cause: " + c.getClass().getSimpleName() + ": " + c.getMessage() + ")";
        }
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
