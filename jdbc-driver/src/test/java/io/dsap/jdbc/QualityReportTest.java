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
      assertEquals(10, Files.readAllLines(dir.resolve(".dsap/quality_history.ndjson")).size());
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
      assertTrue(Files.exists(dir.resolve(".dsap/quality_history.ndjson")));
    }
  }
}
