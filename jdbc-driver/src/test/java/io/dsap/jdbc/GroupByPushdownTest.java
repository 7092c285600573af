package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.calcite.FileGroupScanRule;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.rejects.ScanJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GROUP BY} pushed into the file scan ({@code FileGroupScan}) gives exactly what Calcite's
 * own aggregate gives: every query runs twice, with the rule off and on, over files with NULLs in
 * every column, an all-NULL group and rejected rows; rows, SQL types and the scan journal must match.
 */
class GroupByPushdownTest {
  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws IOException, SQLException {
    Files.copy(Path.of("../examples/orders.csv"), dir.resolve("orders.csv"));
    Files.writeString(dir.resolve("g.csv"), generated());
    StringBuilder many = new StringBuilder("k,v\n");
    for (int i = 0; i < 30_000; i++) {
      many.append(i * 7919 % 25_000).append(',').append(i % 3 == 0 ? "" : String.valueOf(i % 1000)).append('\n');
    }
    many.append("x,1\n");
    Files.writeString(dir.resolve("many.csv"), many);
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    System.clearProperty(FileGroupScanRule.PROPERTY);
    c.close();
  }

  /** 600 rows: every column has NULLs, status 'ghost' has only NULL measures, 2 rows are rejected. */
  static String generated() {
    StringBuilder sb = new StringBuilder("id,status,grp,flag,dt,qty,price,ratio\n");
    Random random = new Random(42);
    String[] statuses = {"paid", "shipped", "pending", "zürich ✓", "", "ghost"};
    for (int i = 0; i < 600; i++) {
      String status = statuses[random.nextInt(statuses.length)];
      boolean ghost = status.equals("ghost");
      sb.append(5_000_000_000L + random.nextInt(4)).append(',')
          .append(status).append(',')
          .append(random.nextInt(8) == 0 ? "" : String.valueOf(random.nextInt(5) - 2)).append(',')
          .append(random.nextInt(6) == 0 ? "" : String.valueOf(random.nextBoolean())).append(',')
          .append(random.nextInt(9) == 0 ? "" : "2024-02-0" + (1 + random.nextInt(3))).append(',')
          .append(i == 100 || i == 400 ? "abc" : ghost || random.nextInt(7) == 0 ? "" : random.nextInt(101) - 50).append(',')
          .append(ghost || random.nextInt(7) == 0 ? "" : random.nextInt(100_000) / 100 + "." + (10 + random.nextInt(90)))
          .append(',')
          .append(ghost || random.nextInt(7) == 0 ? "" : random.nextInt(1000) + "." + random.nextInt(1000) + "E-1")
          .append('\n');
    }
    return sb.toString();
  }

  static final List<String> QUERIES = List.of(
      "SELECT status, count(*), avg(unit_price), max(quantity) FROM orders GROUP BY status",
      "SELECT country, status, count(discount), sum(discount), sum(quantity), min(order_date), max(order_date), "
          + "min(unit_price), avg(quantity) FROM orders GROUP BY country, status",
      "SELECT status, count(*), avg(price), max(qty) FROM g GROUP BY status",
      "SELECT status, grp, count(qty), count(status), count(ratio), sum(qty), sum(price), sum(ratio), min(dt), "
          + "max(dt), min(price), max(price), min(qty), avg(qty), avg(price), avg(ratio) FROM g GROUP BY status, grp",
      "SELECT id, flag, count(*), sum(id), min(id), max(id), sum(grp) FROM g GROUP BY id, flag",
      "SELECT dt, flag, count(*) FROM g GROUP BY dt, flag HAVING count(*) > 1",
      "SELECT grp, sum(qty) AS s, count(*) AS n FROM g GROUP BY grp ORDER BY s DESC NULLS LAST",
      "SELECT status, sum(qty) + 1, max(price) * 2 FROM g WHERE TRUE GROUP BY status",
      // Calcite groups by (status, qty) first: that inner GROUP BY is pushed
      "SELECT status, count(DISTINCT qty) FROM g GROUP BY status",
      // more groups than a split may hold: aggregated again in one pass
      "SELECT k, count(*), sum(v), min(v) FROM many GROUP BY k",
      "SELECT v, count(*) FROM many GROUP BY v");

  @Test
  void pushedGroupByEqualsCalcitesAggregate() throws SQLException {
    FilesSchema files = c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("files")
        .unwrap(FilesSchema.class);
    for (String q : QUERIES) {
      System.setProperty(FileGroupScanRule.PROPERTY, "false");
      String plainPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
      assertFalse(plainPlan.contains("FileGroupScan"), plainPlan);
      files.journal().drain();
      Result plain = run(q);
      List<ScanJournal.Entry> plainJournal = files.journal().drain();

      System.clearProperty(FileGroupScanRule.PROPERTY);
      String pushedPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
      assertTrue(pushedPlan.contains("FileGroupScan"), q + "\n" + pushedPlan);
      assertFalse(pushedPlan.contains("FileTableScan"), "no row-by-row scan left: " + q + "\n" + pushedPlan);
      Result pushed = run(q);
      List<ScanJournal.Entry> pushedJournal = files.journal().drain();

      assertEquals(plain.types, pushed.types, q);
      assertTrue(plain.rows.size() > 1, q + " should have several groups: " + plain.rows);
      if (q.contains("ORDER BY")) {
        assertEquals(plain.rows, pushed.rows, q);
      } else {
        assertEquals(sorted(plain.rows), sorted(pushed.rows), q);
      }
      assertEquals(plainJournal, pushedJournal, q);
      assertEquals(1, pushedJournal.size(), q);
      assertTrue(pushedJournal.get(0).rowsRejected() > 0, "the files have rejects: " + pushedJournal);
    }
  }

  @Test
  void nullKeysFormOneGroupAndAllNullGroupsGiveNull() throws SQLException {
    List<List<String>> rows = Sql.rows(c, "SELECT status, count(*), count(qty), sum(qty), max(price), avg(ratio) "
        + "FROM g GROUP BY status ORDER BY status NULLS FIRST");
    String plan = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT status, count(*) FROM g GROUP BY status");
    assertTrue(plan.contains("FileGroupScan"), plan);
    assertEquals("null", rows.get(0).get(0));
    assertEquals(1, rows.stream().filter(r -> r.get(0).equals("null")).count(), "one NULL group: " + rows);
    List<String> ghost = rows.stream().filter(r -> r.get(0).equals("ghost")).findFirst().orElseThrow();
    assertEquals("0", ghost.get(2));
    assertEquals(List.of("null", "null", "null"), ghost.subList(3, 6));
    long total = rows.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum();
    assertEquals(598, total, "600 records, 2 rejected");
  }

  @Test
  void groupByOfTheBenchQueryRunsInTheScan() throws SQLException {
    String plan = Sql.scalar(c, "EXPLAIN PLAN FOR "
        + "SELECT status, count(*), avg(unit_price), max(quantity) FROM orders GROUP BY status");
    // aggregated in the scan: no EnumerableAggregate over a row-by-row FileTableScan
    assertTrue(plan.contains("FileGroupScan(table=[[files, orders]]"), plan);
    assertFalse(plan.contains("EnumerableAggregate"), plan);
    assertFalse(plan.contains("FileTableScan"), plan);
  }

  @Test
  void aggregatesWithoutAnExactVectorFormStayInCalcite() throws SQLException {
    for (String q : List.of("SELECT status, max(ratio) FROM g GROUP BY status",
        "SELECT status, min(status) FROM g GROUP BY status",
        "SELECT ratio, count(*) FROM g GROUP BY ratio",
        "SELECT price, count(*) FROM g GROUP BY price")) {
      String plan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
      assertFalse(plan.contains("FileGroupScan"), q + "\n" + plan);
      assertTrue(plan.contains("EnumerableAggregate"), q + "\n" + plan);
    }
  }

  record Result(List<String> types, List<List<String>> rows) {}

  Result run(String q) throws SQLException {
    return runOn(c, q);
  }

  /** The column types and the rows (values with their Java class) of {@code q} on {@code c}. */
  Result runOn(Connection c, String q) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + "(" + md.getPrecision(i) + ","
            + md.getScale(i) + ") nullable=" + md.isNullable(i));
      }
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
        }
        rows.add(row);
      }
      return new Result(types, rows);
    }
  }

  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    return copy;
  }
}
