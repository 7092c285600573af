package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.calcite.FileFilterScanRule;
import io.dsap.engine.calcite.FileGroupScanRule;
import io.dsap.engine.format.parquet.ParquetWriterSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Parquet file of many row groups: {@code count(*)} comes from the footer, and aggregates folded
 * over the row groups in parallel equal Calcite's own aggregate over the row-by-row scan.
 */
class ParquetRowGroupsTest {
  @TempDir
  Path dir;

  Connection c;

  static final List<ColumnSpec> COLUMNS = List.of(
      new ColumnSpec("id", ColumnType.BIGINT, 0, 0, null, "test"),
      new ColumnSpec("status", ColumnType.VARCHAR, 0, 0, null, "test"),
      new ColumnSpec("qty", ColumnType.INTEGER, 0, 0, null, "test"),
      new ColumnSpec("price", ColumnType.DECIMAL, 12, 2, null, "test"),
      new ColumnSpec("dt", ColumnType.DATE, 0, 0, null, "test"));

  @BeforeEach
  void open() throws Exception {
    String[] statuses = {"paid", "shipped", "delivered", "cancelled", null};
    try (ParquetWriterSink sink = ParquetWriterSink.create(dir.resolve("t.parquet"), COLUMNS,
        ParquetWriterSink.Options.DEFAULTS.withRowGroupBytes(64 << 10))) {
      for (int i = 0; i < 60_000; i++) {
        sink.writeRow(new Object[] {(long) i, statuses[i % 5], i % 11 == 0 ? null : i % 50 - 10,
            i % 13 == 0 ? null : BigDecimal.valueOf(i % 100_000, 2), LocalDate.of(2024, 1, 1).plusDays(i % 400)});
      }
      sink.commit();
    }
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    System.clearProperty(FileGroupScanRule.PROPERTY);
    System.clearProperty(FileFilterScanRule.PROPERTY);
    c.close();
  }

  @Test
  void theFileHasManyRowGroupsAndCountReadsTheFooter() throws SQLException {
    String details = Sql.scalar(c, "SELECT details FROM file_info('t.parquet')");
    int groups = Integer.parseInt(details.replaceAll(".*row_groups=(\\d+).*", "$1"));
    assertTrue(groups > 3, details);
    assertEquals("60000", Sql.scalar(c, "SELECT count(*) FROM t"));
    assertTrue(Sql.scalar(c, "EXPLAIN PLAN FOR SELECT count(*) FROM t").contains("FileCountScan"));
  }

  @Test
  void aggregatesOverRowGroupsEqualCalcites() throws SQLException {
    for (String q : List.of(
        "SELECT status, count(*), sum(qty), min(qty), max(price), avg(price), min(dt) FROM t GROUP BY status",
        "SELECT qty, count(*), sum(price) FROM t WHERE price > 100 AND status <> 'paid' GROUP BY qty",
        "SELECT count(*) FROM t WHERE MOD(id, 7) = 3 OR qty IS NULL")) {
      System.setProperty(FileGroupScanRule.PROPERTY, "false");
      System.setProperty(FileFilterScanRule.PROPERTY, "false");
      String plainPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
      assertFalse(plainPlan.contains("FileGroupScan") || plainPlan.contains("filter=["), plainPlan);
      List<List<String>> plain = GroupByPushdownTest.sorted(Sql.rows(c, q));
      System.clearProperty(FileGroupScanRule.PROPERTY);
      System.clearProperty(FileFilterScanRule.PROPERTY);
      String pushedPlan = Sql.scalar(c, "EXPLAIN PLAN FOR " + q);
      assertTrue(pushedPlan.contains("FileGroupScan") || pushedPlan.contains("FileCountScan"), q + "\n" + pushedPlan);
      assertEquals(plain, GroupByPushdownTest.sorted(Sql.rows(c, q)), q);
      assertTrue(plain.size() >= 1 && !plain.get(0).contains("0"), q + ": " + plain);
    }
  }
}
