package io.dsap.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.bench.OrdersGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregator benchmark computes what dsap's SQL GROUP BY answers on the same file, in both variants. */
class GroupByBenchmarkTest {

    @Test
    void benchmarkResultsAreTheSqlGroupBy(@TempDir Path dir) throws Exception {
        new OrdersGenerator(200_000, 42, false).writeTo(dir.resolve("orders.csv")); // the benchmark's file
        Map<String, String> sql = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT status, count(*), sum(unit_price), count(unit_price), max(quantity) FROM orders GROUP BY status")) {
            while (rs.next()) {
                sql.put(rs.getString(1), rs.getLong(2) + " " + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
                        + " " + rs.getLong(4) + " " + rs.getLong(5));
            }
        }
        assertEquals(6, sql.size(), sql.toString());

        GroupByBenchmark b = new GroupByBenchmark();
        b.key = "status";
        b.setUp();
        assertEquals(sql, asMap(b.oneState()));
        assertEquals(sql, asMap(b.twoStatesMerged()));
    }

    private static Map<String, String> asMap(List<Object[]> rows) {
        Map<String, String> m = new TreeMap<>();
        for (Object[] r : rows) {
            Object sum = r[2] instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : r[2];
            m.put(String.valueOf(r[0]), r[1] + " " + sum + " " + r[3] + " " + r[4]);
        }
        return m;
    }
}
