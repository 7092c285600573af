package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE out."file" AS SELECT writes files atomically under the output root, and nowhere else. */
class ExportTest {
  @TempDir
  Path dir;

  private Connection connect() throws Exception {
    Files.copy(Path.of("../examples/orders.csv"), dir.resolve("orders.csv"));
    return DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @Test
  void csvAndJsonRoundTripWithTheSameRowsAndTypes() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE out.\"clean/orders.csv\" AS SELECT order_id, order_date, unit_price, notes"
          + " FROM orders WHERE status = 'delivered'");
      s.execute("CREATE TABLE out.\"clean/order_lines.ndjson\" AS SELECT order_id, order_date, unit_price, notes"
          + " FROM orders WHERE status = 'delivered'");
      s.execute("CREATE TABLE out.\"summary.json\" AS SELECT status, count(*) AS n FROM orders GROUP BY status");
      Path out = dir.resolve("out");
      assertTrue(Files.exists(out.resolve("clean/orders.csv")));
      // the written CSV reads back with the same values and types
      List<List<String>> original = Sql.rows(c, "SELECT order_id, order_date, unit_price, notes FROM orders"
          + " WHERE status = 'delivered' ORDER BY order_id");
      // the out schema lists the written files as tables, named like those of the files schema
      List<List<String>> back = Sql.rows(c, "SELECT * FROM out.\"clean/orders\" ORDER BY order_id");
      assertEquals(original, back);
      try (var rs = s.executeQuery("SELECT * FROM out.\"clean/orders\" LIMIT 0")) {
        assertEquals(java.sql.Types.DATE, rs.getMetaData().getColumnType(2));
        assertEquals(java.sql.Types.DECIMAL, rs.getMetaData().getColumnType(3));
      }
      // NDJSON: one object per line, numbers as numbers, dates as ISO text
      List<String> lines = Files.readAllLines(out.resolve("clean/order_lines.ndjson"));
      assertEquals(98, lines.size());
      JsonNode first = new ObjectMapper().readTree(lines.get(0));
      assertTrue(first.get("order_id").isNumber());
      assertTrue(first.get("unit_price").isNumber());
      assertEquals(10, first.get("order_date").asText().length());
      JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
      assertEquals(6, summary.size());
      assertEquals(237, sum(summary));
    }
  }

  @Test
  void parquetAndNdjsonReadBackThroughDsap() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      String q = "SELECT order_id, customer_id, order_date, unit_price, discount, status, notes FROM orders";
      s.execute("CREATE TABLE out.\"all/orders_copy.parquet\" AS " + q);
      s.execute("CREATE TABLE out.\"all/orders_lines.ndjson\" AS " + q);
      List<List<String>> original = Sql.rows(c, q + " ORDER BY order_id");
      assertEquals(original, Sql.rows(c, "SELECT * FROM out.\"all/orders_copy\" ORDER BY order_id"));
      assertEquals(original, Sql.rows(c, "SELECT * FROM out.\"all/orders_lines\" ORDER BY order_id"));
      try (var rs = s.executeQuery("SELECT * FROM out.\"all/orders_copy\" LIMIT 0")) {
        assertEquals(java.sql.Types.INTEGER, rs.getMetaData().getColumnType(1));
        assertEquals(java.sql.Types.DATE, rs.getMetaData().getColumnType(3));
        assertEquals(java.sql.Types.DECIMAL, rs.getMetaData().getColumnType(4));
      }
      try (Stream<Path> files = Files.list(dir.resolve("out/all"))) {
        assertEquals(List.of("orders_copy.parquet", "orders_lines.ndjson"),
            files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files are left");
      }
    }
  }

  @Test
  void aFailingQueryLeavesNoFileBehind() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(
          "CREATE TABLE out.\"broken.csv\" AS SELECT order_id, 100 / (order_id - 1151) AS boom FROM orders"));
      assertThrows(SQLException.class, () -> s.execute(
          "CREATE TABLE out.\"broken.parquet\" AS SELECT order_id, 100 / (order_id - 1151) AS boom FROM orders"));
      assertTrue(DriverTest.message(e).contains("no file was written"), DriverTest.message(e));
      Path out = dir.resolve("out");
      try (Stream<Path> files = Files.exists(out) ? Files.list(out) : Stream.empty()) {
        assertEquals(List.of(), files.toList(), "neither the file nor a temporary file is left");
      }
    }
  }

  @Test
  void targetsOutsideTheOutputRootAreRefused() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String target : List.of("../escape.csv", "/tmp/abs.csv", "a/../../escape.csv")) {
        SQLException e = assertThrows(SQLException.class,
            () -> s.execute("CREATE TABLE out.\"" + target + "\" AS SELECT 1 AS x FROM orders"));
        assertTrue(DriverTest.message(e).contains("Exports go under the output root"), DriverTest.message(e));
      }
      assertFalse(Files.exists(dir.resolve("escape.csv")));
      assertFalse(Files.exists(dir.getParent().resolve("escape.csv")));
      SQLException e = assertThrows(SQLException.class,
          () -> s.execute("CREATE TABLE orders2 AS SELECT * FROM orders"));
      assertTrue(DriverTest.message(e).contains("out.\"clean/orders.parquet\""), DriverTest.message(e));
      e = assertThrows(SQLException.class,
          () -> s.execute("CREATE TABLE out.\"x.xlsx\" AS SELECT * FROM orders"));
      assertTrue(DriverTest.message(e).contains("does not name a format dsap writes"), DriverTest.message(e));
    }
  }

  private static long sum(JsonNode array) {
    long n = 0;
    for (JsonNode o : array) {
      n += o.get("N") != null ? o.get("N").asLong() : o.get("n").asLong();
    }
    return n;
  }
}
