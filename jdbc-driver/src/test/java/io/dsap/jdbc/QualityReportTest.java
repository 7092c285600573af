package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quality_report() and dsap.quality_history end to end, against hand-computed scores. */
class QualityReportTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  /**
   * 20 rows: id 1..19 then 19 again (a key candidate, uniqueness 19/20); color red/blue; amount
   * 10/20 with 2 empty (completeness 18/20).
   */
  static Path generated(Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("id,color,amount\n");
    for (int i = 1; i <= 20; i++) {
      csv.append(Math.min(i, 19)).append(',').append(i % 2 == 0 ? "red" : "blue").append(',')
          .append(i == 5 || i == 12 ? "" : (i % 2 == 0 ? "10" : "20")).append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv);
    return dir;
  }

  @Test
  void scoresEqualHandComputedValues(@TempDir Path dir) throws Exception {
    generated(dir);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(c, "SELECT \"scope\", column_name, dimension, score FROM quality_report('t.csv')");
      List<String> flat = new ArrayList<>();
      rows.forEach(r -> flat.add(String.join("|", r)));
      assertEquals(List.of(
          "table|null|completeness|0.9667", // (1 + 1 + 0.9) / 3
          "table|null|validity|1.0",
          "table|null|consistency|1.0",
          "table|null|uniqueness|0.95", // id only: 19 / 20
          "table|null|overall|0.9792", // (0.96667 + 1 + 1 + 0.95) / 4
          "column|id|completeness|1.0",
          "column|id|validity|1.0",
          "column|id|consistency|1.0",
          "column|id|uniqueness|0.95",
          "column|id|overall|0.9875", // (1 + 1 + 1 + 0.95) / 4
          "column|color|completeness|1.0",
          "column|color|validity|1.0",
          "column|color|consistency|1.0",
          "column|color|overall|1.0",
          "column|amount|completeness|0.9",
          "column|amount|validity|1.0",
          "column|amount|consistency|1.0",
          "column|amount|overall|0.9667"), flat); // (0.9 + 1 + 1) / 3

      String weighted = Sql.scalar(c, "SELECT score FROM quality_report('t.csv', weights => 'completeness:2,uniqueness:0')"
          + " WHERE \"scope\" = 'table' AND dimension = 'overall'");
      assertEquals("0.9833", weighted, "(2 * 0.96667 + 1 + 1 + 0 * 0.95) / 4");
    }
  }

  @Test
  void tableScoresAreAppendedToTheHistory(@TempDir Path dir) throws Exception {
    generated(dir);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      Sql.rows(c, "SELECT * FROM quality_report('t.csv')");
      Sql.rows(c, "SELECT * FROM quality_report(path => 't.csv')");
      List<List<String>> h = Sql.rows(c, "SELECT file, file_size, dimension, score FROM dsap.quality_history");
      assertEquals(10, h.size(), "5 table dimensions x 2 runs");
      assertEquals(List.of("t.csv", Long.toString(Files.size(dir.resolve("t.csv"))), "completeness", "0.9667"), h.get(0));
      assertEquals(List.of("t.csv", Long.toString(Files.size(dir.resolve("t.csv"))), "overall", "0.9792"), h.get(9));
      assertEquals(10, Files.readAllLines(dir.resolve(".dsap/registry/quality_history.ndjson")).size());
      assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM dsap.quality_history WHERE dimension = 'overall'"
          + " AND recorded_at = (SELECT max(recorded_at) FROM dsap.quality_history)"));
    }
  }

  @Test
  void workedExampleOfCustomersTable(@TempDir Path dir) throws Exception {
    Files.copy(EXAMPLES.resolve("customers.csv"), dir.resolve("customers.csv"));
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(c, "SELECT dimension, score FROM quality_report('customers.csv')"
          + " WHERE \"scope\" = 'table'");
      // docs/quality-score.md, "Worked example: the table"
      assertEquals(List.of(List.of("completeness", "1.0"), List.of("validity", "0.9922"),
          List.of("consistency", "1.0"), List.of("uniqueness", "1.0"), List.of("overall", "0.998")), rows);
      assertEquals("0.9977", Sql.scalar(c, "SELECT score FROM quality_report('customers.csv',"
          + " weights => 'completeness:0.4,validity:0.3,consistency:0.2,uniqueness:0.1')"
          + " WHERE \"scope\" = 'table' AND dimension = 'overall'"));
      assertEquals("0.9844", Sql.scalar(c, "SELECT score FROM quality_report('customers.csv')"
          + " WHERE column_name = 'email' AND dimension = 'overall'"));
      assertTrue(Files.exists(dir.resolve(".dsap/registry/quality_history.ndjson")));
    }
  }

  /** color must be red (10 of 20 are blue), amount at most 15 (9 of 18 values are 20), and a rule id <= 10 (10 of 20 fail). */
  static final String SCHEMA = "columns:\n"
      + "  - {name: color, allowed_values: [red]}\n"
      + "  - {name: amount, max: 15}\n"
      + "rules:\n"
      + "  - {name: small_id, check: id <= 10}\n";

  @Test
  void aSchemaMakesItsRulesPartOfValidity(@TempDir Path dir) throws Exception {
    generated(dir);
    Files.writeString(dir.resolve("t.schema.yaml"), SCHEMA);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(c, "SELECT \"scope\", column_name, score, detail FROM"
          + " quality_report('t.csv', 't.schema.yaml') WHERE dimension = 'validity'");
      assertEquals(List.of(
          List.of("table", "null", "0.5", "rule:small_id: 10 of 20 rows pass (below the mean of 3 columns)"),
          List.of("column", "id", "1.0", "20 of 20 values valid INTEGER"),
          List.of("column", "color", "0.5", "10 of 20 values valid VARCHAR; schema t.schema.yaml: allowed_values 10 failed"),
          List.of("column", "amount", "0.5", "9 of 18 values valid INTEGER; schema t.schema.yaml: range 9 failed")), rows);
      // overall = (0.96667 + 0.5 + 1 + 0.95) / 4
      assertEquals("0.8542", Sql.scalar(c, "SELECT score FROM quality_report('t.csv', 't.schema.yaml')"
          + " WHERE \"scope\" = 'table' AND dimension = 'overall'"));

      // the same schema registered, by name and by version; weights stay a named argument
      Sql.rows(c, "SELECT * FROM register_schema('t', 't.schema.yaml')");
      assertEquals("0.5", Sql.scalar(c, "SELECT score FROM quality_report('t.csv', 't')"
          + " WHERE column_name = 'color' AND dimension = 'validity'"));
      assertEquals("0.7417", Sql.scalar(c, "SELECT score FROM quality_report('t.csv', 't@1', weights =>"
          + " 'uniqueness:0,validity:2') WHERE \"scope\" = 'table' AND dimension = 'overall'"),
          "(0.96667 + 2 * 0.5 + 1 + 0 * 0.95) / 4");
      assertEquals("0.5", Sql.scalar(c, "SELECT score FROM quality_report(path => 't.csv', schema => 't',"
          + " weights => 'completeness:1') WHERE column_name = 'amount' AND dimension = 'validity'"));
      java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> Sql.rows(c, "SELECT * FROM quality_report('t.csv', 't', 'completeness:2')"));
      assertTrue(e.getMessage().contains("quality_report takes at most 2 positional arguments (path, schema)"),
          e.getMessage());
      java.sql.SQLException missing = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> Sql.rows(c, "SELECT * FROM quality_report('t.csv', 'nope')"));
      assertTrue(missing.getMessage().contains("schema 'nope' is not registered"), missing.getMessage());
    }
  }
}
