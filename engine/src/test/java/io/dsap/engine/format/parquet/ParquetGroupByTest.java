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
}
