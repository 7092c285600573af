package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clean() and transform_report() over a real connection: options, spec files, export, validation round trip. */
class CleanTest {
  // amount as people write it; statuses in mixed case with stray spaces; a missing amount and status
  static final String ORDERS = "order_id,amount,status,country\n"
      + "1,\"1,234.50\",Shipped ,fr\n"
      + "2,$12.00,shipped,FR\n"
      + "3,,PENDING,DE\n"
      + "4,\"1.234,50\",pending,de\n"
      + "5,20.00,shipped,FR\n"
      + "6,25.00,,FR\n"
      + "7,30.00,shipped,DE\n"
      + "8,35.00,pending,FR\n"
      + "9,40.00,shipped,DE\n";
  // amount (repaired): 1234.5 12 1234.5 20 25 30 35 40 -> sorted 12 20 25 30 35 40 1234.5 1234.5;
  // mean 2631 / 8 = 328.875; median (nearest rank, 4th) = 30; q1 (2nd) = 20, q3 (6th) = 40, fences -10 and 70;
  // after filling the NULL with 30: 2661 / 9 = 295.667; after capping at 70: 332 / 9 = 36.8889
  static final String SCHEMA = "columns:\n"
      + "  - {name: order_id, type: INTEGER, nullable: false}\n"
      + "  - {name: amount, type: DOUBLE, nullable: false, max: 1000}\n"
      + "  - {name: status, type: VARCHAR, nullable: false, allowed_values: [pending, shipped]}\n"
      + "  - {name: country, type: VARCHAR}\n";

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    Files.writeString(dir.resolve("orders.schema.yaml"), SCHEMA);
    Files.writeString(dir.resolve("cleaning.yaml"), "# the cleaning of orders.csv\n"
        + "missing:\n  amount: median\n  status: mode\n"
        + "case: lower\n"
        + "outliers: {amount: iqr}\noutlier_action: cap\n");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @Test
  void cleanWithNamedArguments() throws Exception {
    try (Connection c = connect()) {
      // case is a reserved word, and fine as an argument name
      List<List<String>> rows = Sql.rows(c, "SELECT * FROM clean('orders.csv', missing => 'amount:median,"
          + " status:mode', case => 'lower', outliers => 'amount:iqr', outlier_action => 'cap') ORDER BY order_id");
      assertEquals(List.of(
          List.of("1", "70.0", "shipped", "fr"),
          List.of("2", "12.0", "shipped", "fr"),
          List.of("3", "30.0", "pending", "de"),
          List.of("4", "70.0", "pending", "de"),
          List.of("5", "20.0", "shipped", "fr"),
          List.of("6", "25.0", "shipped", "fr"),
          List.of("7", "30.0", "shipped", "de"),
          List.of("8", "35.0", "pending", "fr"),
          List.of("9", "40.0", "shipped", "de")), rows); // country is a category too: lower case
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM clean('orders.csv')")) {
        assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(2)); // repaired from text
        assertEquals(4, rs.getMetaData().getColumnCount());
      }
    }
  }

  @Test
  void specFileAndNamedArgumentsGiveTheSameRows() throws Exception {
    try (Connection c = connect()) {
      List<List<String>> fromSpec = Sql.rows(c, "SELECT * FROM clean('orders.csv', spec => 'cleaning.yaml')"
          + " ORDER BY order_id");
      List<List<String>> fromArgs = Sql.rows(c, "SELECT * FROM clean('orders.csv', missing => 'amount:median,"
          + " status:mode', \"case\" => 'lower', outliers => 'amount:iqr', outlier_action => 'cap') ORDER BY order_id");
      assertEquals(fromArgs, fromSpec);
      // a named argument overrides the spec's key
      List<List<String>> flagged = Sql.rows(c, "SELECT order_id, amount, amount_outlier FROM clean('orders.csv',"
          + " spec => 'cleaning.yaml', outlier_action => 'flag') WHERE amount_outlier ORDER BY order_id");
      assertEquals(List.of(List.of("1", "1234.5", "true"), List.of("4", "1234.5", "true")), flagged);
    }
  }

  @Test
  void exportThroughCreateTableAs() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE out.\"clean/orders.parquet\" AS SELECT * FROM clean('orders.csv',"
          + " spec => 'cleaning.yaml')");
      assertTrue(Files.exists(dir.resolve("out/clean/orders.parquet")));
      assertEquals(Sql.rows(c, "SELECT * FROM clean('orders.csv', spec => 'cleaning.yaml') ORDER BY order_id"),
          Sql.rows(c, "SELECT * FROM out.\"clean/orders\" ORDER BY order_id"));
    }
  }

  @Test
  void cleanThenValidateShowsFewerIssues() throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      long before = Long.parseLong(Sql.scalar(c, "SELECT count(*) FROM validate('orders.csv',"
          + " 'orders.schema.yaml')"));
      s.execute("CREATE TABLE out.\"orders_clean.csv\" AS SELECT * FROM clean('orders.csv', spec => 'cleaning.yaml')");
      Files.copy(dir.resolve("out/orders_clean.csv"), dir.resolve("orders_clean.csv"));
      long after = Long.parseLong(Sql.scalar(c, "SELECT count(*) FROM validate('orders_clean.csv',"
          + " 'orders.schema.yaml')"));
      assertTrue(before >= 6, "the raw file breaks the schema: " + before);
      assertEquals(0, after, Sql.rows(c, "SELECT * FROM validate('orders_clean.csv', 'orders.schema.yaml')")
          .toString());
      // transform_report says the same, with the quality scores
      List<List<String>> table = Sql.rows(c, "SELECT step, score_before < score_after, issues_before, issues_after"
          + " FROM transform_report('orders.csv', spec => 'cleaning.yaml', schema => 'orders.schema.yaml')"
          + " WHERE column_name IS NULL AND step IN ('quality', 'validation') ORDER BY step");
      assertEquals(List.of(List.of("quality", "true", "null", "null"),
          List.of("validation", "null", String.valueOf(before), "0")), table);
    }
  }

  @Test
  void reportPerColumnAndStep() throws Exception {
    try (Connection c = connect()) {
      List<List<String>> rows = Sql.rows(c, "SELECT column_name, step, values_changed, nulls_before, nulls_after,"
          + " mean_before, mean_after, min_after, max_after FROM transform_report('orders.csv', spec => 'cleaning.yaml')"
          + " WHERE column_name = 'amount'");
      assertEquals(List.of(
          List.of("amount", "text", "0", "1", "1", "null", "null", "null", "null"),
          List.of("amount", "numbers", "3", "1", "1", "null", "328.875", "12.0", "1234.5"),
          List.of("amount", "missing", "1", "1", "0", "328.875", "295.667", "12.0", "1234.5"),
          List.of("amount", "outliers", "2", "0", "0", "295.667", "36.8889", "12.0", "70.0")), rows);
      String detail = Sql.scalar(c, "SELECT detail FROM transform_report('orders.csv', spec => 'cleaning.yaml')"
          + " WHERE column_name = 'amount' AND step = 'outliers'");
      assertEquals("iqr (k = 1.5): q1 = 20, q3 = 40 (exact); bounds [-10, 70]; action cap", detail);
    }
  }

  @Test
  void badArgumentsFailClearly() throws Exception {
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c,
          "SELECT * FROM clean('orders.csv', missing => 'status:median')"));
      assertTrue(e.getMessage().contains("median needs numeric or date values, but column status is VARCHAR"),
          e.getMessage());
      SQLException spec = assertThrows(SQLException.class, () -> Sql.rows(c,
          "SELECT * FROM clean('orders.csv', spec => 'nope.yaml')"));
      assertTrue(spec.getMessage().contains("nope.yaml"), spec.getMessage());
    }
  }
}
