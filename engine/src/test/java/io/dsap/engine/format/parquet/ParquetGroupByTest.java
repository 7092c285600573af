package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.aggregate.GroupBy.Agg;
import io.dsap.engine.aggregate.GroupBy.Kind;
import io.dsap.engine.aggregate.GroupBy.Out;
import io.dsap.engine.aggregate.GroupState;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GROUP BY on a dictionary-encoded Parquet text column: the groups equal DuckDB's on the same
 * file and those of the ColumnReader path, and the key's bytes are hashed once per dictionary value
 * and row group, not once per row.
 */
class ParquetGroupByTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("dsap.parquet.pages");
  }

  private static final int ROWS = 60_000;

  /** GROUP BY status: count(*), count(price), sum(price) (for avg), max(qty), min(qty), sum(qty). */
  private static final GroupBy PLAN = new GroupBy(new int[] {0, 1, 2}, new int[] {0},
      new ColumnType[] {ColumnType.VARCHAR}, List.of(
          new Agg(Kind.COUNT_STAR, -1, false, Out.LONG, 0),
          new Agg(Kind.COUNT, 1, true, Out.LONG, 0),
          new Agg(Kind.SUM, 1, true, Out.DOUBLE, 0),
          new Agg(Kind.MAX, 2, false, Out.LONG, 0),
          new Agg(Kind.MIN, 2, false, Out.LONG, 0),
          new Agg(Kind.SUM, 2, false, Out.LONG, 0)));

  private Path write(Connection duck) throws SQLException {
    Path file = dir.resolve("orders.parquet");
    try (Statement st = duck.createStatement()) {
      st.execute("""
          COPY (SELECT CASE WHEN i %% 97 = 0 THEN NULL
                   ELSE ['paid','shipped','zürich ✓','','pending','returned'][(i * 7) %% 6 + 1] END AS status,
                 CASE WHEN i %% 13 = 0 THEN NULL ELSE (i %% 1000) / 8.0 END::DOUBLE AS price,
                 CASE WHEN i %% 11 = 0 THEN NULL ELSE (i %% 50)::BIGINT END AS qty
                FROM range(0, %d) t(i))
          TO '%s' (FORMAT PARQUET, ROW_GROUP_SIZE 10000)""".formatted(ROWS, file));
    }
    return file;
  }

  private static GroupState group(Path file) {
    TableSource source = new ParquetFormat().open(file, "orders.parquet", "", FormatOptions.NONE);
    return source.fold(PLAN.projection(), RejectSink.DISCARD, () -> PLAN.newState(true), GroupState::add,
        GroupState::merge);
  }

  private static Map<String, List<Object>> byKey(List<Object[]> rows) {
    Map<String, List<Object>> out = new java.util.TreeMap<>();
    for (Object[] r : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 1; i < r.length; i++) {
        values.add(r[i] instanceof Double d ? Math.round(d * 1e6) / 1e6 : r[i]);
      }
      out.put(String.valueOf(r[0]), values);
    }
    return out;
  }

  @Test
  void dictionaryKeyGroupsEqualDuckDbAndTheColumnReaderPath() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      Path file = write(duck);
      GroupState pages = group(file);
      System.setProperty("dsap.parquet.pages", "false");
      GroupState readers = group(file);

      List<Object[]> expected = new ArrayList<>();
      try (Statement st = duck.createStatement();
          ResultSet rs = st.executeQuery("SELECT status, count(*), count(price), sum(price), max(qty), min(qty),"
              + " sum(qty) FROM '" + file + "' GROUP BY status")) {
        while (rs.next()) {
          expected.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getLong(5),
              rs.getLong(6), rs.getLong(7)});
        }
      }
      assertEquals(7, expected.size(), "six statuses and NULL");
      assertEquals(byKey(expected), byKey(pages.rows()));
      assertEquals(byKey(readers.rows()), byKey(pages.rows()));
      assertEquals(ROWS, pages.rowsRead());

      // the regression guard: bytes hashed per dictionary value and row group, not per row
      assertEquals(ROWS, readers.keysHashed(), "copied text is hashed row by row");
      int rowGroups = ParquetFiles.readFooter(file, "orders.parquet").getBlocks().size();
      assertTrue(rowGroups >= 6, "row groups: " + rowGroups);
      assertTrue(pages.keysHashed() <= 6L * rowGroups, "dictionary ids are grouped without hashing each row's bytes: "
          + pages.keysHashed() + " keys hashed for " + ROWS + " rows");
    }
  }

  /** count(*), count, sum and min/max of a double, a BIGINT and a DECIMAL(9,2), grouped by column 0. */
  private static final GroupBy WIDE = new GroupBy(new int[] {0, 1, 2, 3}, new int[] {0},
      new ColumnType[] {ColumnType.VARCHAR}, List.of(
          new Agg(Kind.COUNT_STAR, -1, false, Out.LONG, 0),
          new Agg(Kind.COUNT, 1, true, Out.LONG, 0),
          new Agg(Kind.SUM, 1, true, Out.DOUBLE, 0),
          new Agg(Kind.MAX, 2, false, Out.LONG, 0),
          new Agg(Kind.MIN, 2, false, Out.LONG, 0),
          new Agg(Kind.SUM, 2, false, Out.LONG, 0),
          new Agg(Kind.SUM, 3, false, Out.DECIMAL, 2),
          new Agg(Kind.MIN, 3, false, Out.DECIMAL, 2)));

  private static final String WIDE_SQL = "SELECT k, count(*), count(price), sum(price), max(qty), min(qty), sum(qty),"
      + " sum(amount), min(amount) FROM '%s' GROUP BY k";

  /** The value just read, or null when it was SQL NULL. */
  private static Object orNull(ResultSet rs, Object value) throws SQLException {
    return rs.wasNull() ? null : value;
  }

  /** DuckDB's GROUP BY of {@link #WIDE_SQL} next to dsap's fold of {@link #WIDE} over the same file. */
  private static void assertWideEqualsDuckDb(Connection duck, Path file, int expectedGroups) throws SQLException {
    List<Object[]> expected = new ArrayList<>();
    try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(WIDE_SQL.formatted(file))) {
      while (rs.next()) {
        expected.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), orNull(rs, rs.getDouble(4)),
            orNull(rs, rs.getLong(5)), orNull(rs, rs.getLong(6)), orNull(rs, rs.getLong(7)), rs.getBigDecimal(8),
            rs.getBigDecimal(9)});
      }
    }
    assertEquals(expectedGroups, expected.size());
    TableSource source = new ParquetFormat().open(file, file.getFileName().toString(), "", FormatOptions.NONE);
    GroupState state = source.fold(WIDE.projection(), RejectSink.DISCARD, () -> WIDE.newState(true), GroupState::add,
        GroupState::merge);
    Map<String, List<Object>> want = byKey(expected);
    Map<String, List<Object>> got = byKey(state.rows());
    for (Map.Entry<String, List<Object>> e : want.entrySet()) {
      assertEquals(e.getValue(), got.get(e.getKey()), "group " + e.getKey());
    }
    assertEquals(want.keySet(), got.keySet());
  }

  /**
   * Batches without a NULL and a handful of groups take the dense path (rows per group counted once,
   * double sums in partial sums, MIN/MAX from start values): every aggregate equals DuckDB's.
   */
  @Test
  void fewGroupsWithoutNullsEqualDuckDb() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      Path file = dir.resolve("dense.parquet");
      st.execute("""
          COPY (SELECT ['paid','shipped','zürich ✓','','pending'][(i * 7) %% 5 + 1] AS k,
                 (i %% 1000) / 8.0 - 40 AS price, (i %% 53)::BIGINT - 20 AS qty,
                 ((i %% 777) * 1.25 - 300)::DECIMAL(9,2) AS amount
                FROM range(0, %d) t(i))
          TO '%s' (FORMAT PARQUET, ROW_GROUP_SIZE 10000)""".formatted(ROWS, file));
      assertWideEqualsDuckDb(duck, file, 5);
    }
  }

  /**
   * Groups that grow past the dense limit mid-scan (the first batches dense, the later ones not),
   * with NULLs in keys and values, and groups whose values are all NULL (min/max/sum NULL).
   */
  @Test
  void groupsGrowingPastTheDenseLimitEqualDuckDb() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      Path file = dir.resolve("growing.parquet");
      st.execute("""
          COPY (SELECT CASE WHEN i %% 101 = 0 THEN NULL ELSE 'k' || (i // 40) END AS k,
                 CASE WHEN i // 40 = 7 OR i %% 13 = 0 THEN NULL ELSE (i %% 1000) / 8.0 END AS price,
                 CASE WHEN i // 40 = 7 OR i %% 11 = 0 THEN NULL ELSE (i %% 50)::BIGINT END AS qty,
                 CASE WHEN i // 40 = 7 THEN NULL ELSE ((i %% 777) * 1.25)::DECIMAL(9,2) END AS amount
                FROM range(0, %d) t(i))
          TO '%s' (FORMAT PARQUET, ROW_GROUP_SIZE 30000)""".formatted(ROWS, file));
      assertWideEqualsDuckDb(duck, file, ROWS / 40 + 1);
    }
  }
  /**
   * A key without NULLs whose groups grow by 50 a row group up to 300: the first row groups take
   * the dense path without a NULL key (ids looked up in one pass), the later ones pass the dense
   * limit; NULL values in the aggregated columns only.
   */
  @Test
  void keyWithoutNullsGrowingPastTheDenseLimitEqualsDuckDb() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      Path file = dir.resolve("counted.parquet");
      st.execute("""
          COPY (SELECT 'k' || (i // 200) AS k,
                 CASE WHEN i %% 13 = 0 THEN NULL ELSE (i %% 1000) / 8.0 END AS price,
                 CASE WHEN i %% 11 = 0 THEN NULL ELSE (i %% 50)::BIGINT END AS qty,
                 ((i %% 777) * 1.25)::DECIMAL(9,2) AS amount
                FROM range(0, %d) t(i))
          TO '%s' (FORMAT PARQUET, ROW_GROUP_SIZE 10000)""".formatted(ROWS, file));
      assertWideEqualsDuckDb(duck, file, ROWS / 200);
    }
  }
}
