package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.calcite.FileFilterScanRule;
import io.dsap.engine.calcite.FileLimitScanRule;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.rejects.ScanJournal;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WHERE} and {@code LIMIT} pushed into file scans give exactly what Calcite's own filter and
 * limit give: every query runs with the rules off ({@code -Ddsap.pushdown.filter=false},
 * {@code -Ddsap.pushdown.limit=false}) and on, over the same data as CSV (with NULLs in every column
 * and rejected rows), Parquet and NDJSON; rows, SQL types and the scan journal must match, and the
 * plan must show what was pushed.
 */
class FilterPushdownTest {
  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws IOException, SQLException {
    Files.copy(Path.of("../examples/orders.csv"), dir.resolve("orders.csv"));
    Files.writeString(dir.resolve("g.csv"), GroupByPushdownTest.generated());
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE out.\"gp.parquet\" AS SELECT * FROM g");
      s.execute("CREATE TABLE out.\"gj.ndjson\" AS SELECT * FROM g");
    }
  }

  @AfterEach
  void close() throws SQLException {
    System.clearProperty(FileFilterScanRule.PROPERTY);
    System.clearProperty(FileLimitScanRule.PROPERTY);
    c.close();
  }

  static final List<String> TABLES = List.of("g", "out.gp", "out.gj");

  /** {t} is the table. */
  static final List<String> QUERIES = List.of(
      "SELECT * FROM {t} WHERE qty > 10",
      "SELECT id, status, price FROM {t} WHERE price >= 100.5 AND status <> 'paid'",
      "SELECT * FROM {t} WHERE status IN ('paid', 'zürich ✓') OR grp IS NULL",
      "SELECT * FROM {t} WHERE NOT (qty < 0) AND flag",
      "SELECT id, flag FROM {t} WHERE flag IS NOT TRUE",
      "SELECT * FROM {t} WHERE flag = FALSE OR flag IS NULL",
      "SELECT * FROM {t} WHERE MOD(id, 3) = 1 AND qty * 2 + grp > -5",
      "SELECT * FROM {t} WHERE MOD(qty, 7) <> 0 OR -qty > 40",
      "SELECT * FROM {t} WHERE dt = DATE '2024-02-02' OR dt > DATE '2024-02-02'",
      "SELECT * FROM {t} WHERE ratio > 5 AND ratio <= qty",
      "SELECT * FROM {t} WHERE ratio * 2 - qty < 10.5",
      "SELECT * FROM {t} WHERE price * qty > 1000",
      "SELECT * FROM {t} WHERE price > 900 OR price < 1.5 OR price - 10 = 5",
      "SELECT * FROM {t} WHERE qty BETWEEN -5 AND 5 AND status NOT IN ('paid', 'shipped')",
      "SELECT * FROM {t} WHERE status = 'ghost' AND price IS NULL",
      "SELECT * FROM {t} WHERE qty + 2147483647 < 0",
      "SELECT * FROM {t} WHERE (id - 5000000000) * 4611686018427387904 < 0",
      "SELECT * FROM {t} WHERE status LIKE 'p%' AND qty > 0",
      "SELECT * FROM {t} WHERE (qty > 0) IS NOT FALSE AND (grp = 1) IS NOT TRUE",
      "SELECT * FROM {t} WHERE status = status AND id <> 5000000001",
      "SELECT count(*) FROM {t} WHERE qty > 0 AND status <> 'paid'",
      "SELECT count(*) FROM {t} WHERE status LIKE '%i%'",
      "SELECT status, count(*), sum(qty), avg(price) FROM {t} WHERE grp IN (0, 1) GROUP BY status",
      "SELECT * FROM {t} WHERE qty > 0 LIMIT 7",
      "SELECT id, qty FROM {t} LIMIT 5 OFFSET 3",
      "SELECT * FROM {t} WHERE status LIKE '%a%' LIMIT 4",
      "SELECT * FROM {t} LIMIT 0");

  @Test
  void pushedFiltersAndLimitsEqualCalcites() throws SQLException {
    FilesSchema files = c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("files")
        .unwrap(FilesSchema.class);
    for (String table : TABLES) {
      for (String template : QUERIES) {
        String q = template.replace("{t}", table);
        System.setProperty(FileFilterScanRule.PROPERTY, "false");
        System.setProperty(FileLimitScanRule.PROPERTY, "false");
        String plainPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
        assertFalse(plainPlan.contains("filter=[") || plainPlan.contains("limit=["), q + "\n" + plainPlan);
        files.journal().drain();
        Result plain = run(q);
        List<ScanJournal.Entry> plainJournal = files.journal().drain();

        System.clearProperty(FileFilterScanRule.PROPERTY);
        System.clearProperty(FileLimitScanRule.PROPERTY);
        String pushedPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
        // the plan is checked on the CSV, whose types are known; the copies' types follow their formats
        // (NDJSON reads ratio as a DECIMAL, whose arithmetic stays in Calcite)
        boolean pushable = table.equals("g") && q.contains("WHERE") && !q.contains("WHERE status LIKE") && !q.contains("price * qty")
            && !q.contains("price - 10");
        if (pushable) {
          assertTrue(pushedPlan.contains("filter=["), "filter in the scan: " + q + "\n" + pushedPlan);
        }
        if (q.contains("LIKE") || q.contains("price * qty") || q.contains("price - 10")) {
          // LIKE has no vector form; DECIMAL(18,2) arithmetic has a type of 19+ digits, which could overflow a long
          assertTrue(pushedPlan.contains("Enumerable"), "stays in Calcite: " + q + "\n" + pushedPlan);
        }
        if (q.contains("LIMIT") && !q.contains("LIKE") && !q.contains("LIMIT 0")) { // LIMIT 0 plans no scan
          assertTrue(pushedPlan.contains("limit=["), "limit in the scan: " + q + "\n" + pushedPlan);
        }
        files.journal().drain();
        Result pushed = run(q);
        List<ScanJournal.Entry> pushedJournal = files.journal().drain();

        assertEquals(plain.types, pushed.types, q);
        if (q.contains("GROUP BY")) {
          assertEquals(GroupByPushdownTest.sorted(plain.rows), GroupByPushdownTest.sorted(pushed.rows), q);
        } else {
          assertEquals(plain.rows, pushed.rows, q); // scans return rows in file order, pushed or not
        }
        assertEquals(plainJournal, pushedJournal, q);
      }
    }
  }

  @Test
  void theFiltersSelectRowsAtAll() throws SQLException {
    // the comparison above means something only if the queries return some rows, not all
    long all = Long.parseLong(Sql.scalar(c, "SELECT count(*) FROM g"));
    for (String template : QUERIES) {
      String q = template.replace("{t}", "g");
      if (q.contains("WHERE") && !q.contains("LIMIT") && !q.startsWith("SELECT count") && !q.contains("GROUP")) {
        int n = Sql.rows(c, q).size();
        assertTrue(n > 0 && n < all, q + " returned " + n + " of " + all);
      }
    }
  }

  @Test
  void theBenchFilterRunsInTheScan() throws SQLException {
    String plan = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT * FROM orders WHERE MOD(order_id, 100) = 0");
    assertEquals("FileTableScan(table=[[files, orders]], fields=[[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], "
        + "filter=[MOD(order_id, 100) = 0])", plan.trim());
    List<List<String>> rows = Sql.rows(c, "SELECT order_id FROM orders WHERE MOD(order_id, 100) = 0");
    assertEquals(List.of(List.of("1100"), List.of("1200")), rows);
  }

  @Test
  void projectionsStayPushedUnderTheFilter() throws SQLException {
    String plan = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT order_id, status FROM orders WHERE quantity > 3");
    assertEquals("FileTableScan(table=[[files, orders]], fields=[[0, 4]], filter=[quantity > 3])", plan.trim());
  }

  @Test
  void parametersStayInCalciteAndAnswerRight() throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT order_id, status FROM orders WHERE order_id = ? AND quantity > 0")) {
      p.setInt(1, 1042);
      assertEquals(List.of(List.of("1042", "delivered")), Sql.rows(p.executeQuery()));
    }
  }

  @Test
  void limitWithoutOrderReturnsTheFirstRowsOfABigFile() throws IOException, SQLException {
    // big enough to be read as parallel splits (over 8 MB)
    StringBuilder sb = new StringBuilder("n,text\n");
    for (int i = 0; i < 150_000; i++) {
      sb.append(i).append(",row number ").append(i).append(" padded to make the file larger than eight MB\n");
    }
    Files.writeString(dir.resolve("big.csv"), sb);
    assertTrue(Files.size(dir.resolve("big.csv")) > 9 << 20);
    assertEquals(List.of(List.of("0"), List.of("1"), List.of("2")), Sql.rows(c, "SELECT n FROM big LIMIT 3"));
    assertEquals(List.of(List.of("149997"), List.of("149998")),
        Sql.rows(c, "SELECT n FROM big WHERE n > 149996 LIMIT 2"));
    assertEquals("75000", Sql.scalar(c, "SELECT count(*) FROM big WHERE MOD(n, 2) = 1 AND text <> 'x'"));
  }

  @Test
  void avgOfADecimalIsTheAverageAsADouble() throws SQLException {
    for (String q : List.of("SELECT avg(price), sum(price), count(price) FROM g",
        "SELECT avg(price), sum(price), count(price) FROM g GROUP BY TRUE")) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
        assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(1), q);
        assertTrue(rs.next());
        BigDecimal exact = rs.getBigDecimal(2).divide(BigDecimal.valueOf(rs.getLong(3)), MathContext.DECIMAL64);
        assertEquals(exact.doubleValue(), rs.getDouble(1), Math.ulp(exact.doubleValue()), q);
        assertTrue(exact.scale() > 2, "more than the column's two decimals: " + exact);
      }
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT avg(qty), sum(qty) FROM g")) {
      assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(1));
      assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(2));
    }
  }

  record Result(List<String> types, List<List<String>> rows) {}

  Result run(String q) throws SQLException {
    GroupByPushdownTest.Result r = new GroupByPushdownTest().runOn(c, q);
    return new Result(r.types(), r.rows());
  }
}
