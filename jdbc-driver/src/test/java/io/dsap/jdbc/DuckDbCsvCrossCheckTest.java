package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsap and DuckDB read the same generated CSV file to the same answers: row counts, sums,
 * distinct counts, date ranges, and text with quotes, commas and line breaks.
 */
class DuckDbCsvCrossCheckTest {
  @TempDir
  Path dir;

  @Test
  void sameAnswersAsDuckDb() throws Exception {
    Path f = dir.resolve("gen.csv");
    Random rnd = new Random(7);
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("id,qty,price,order_day,label,note\n");
      for (int i = 1; i <= 20_000; i++) {
        String note = switch (rnd.nextInt(5)) {
          case 0 -> "";
          case 1 -> "\"has, a comma\"";
          case 2 -> "\"said \"\"hi\"\"\"";
          case 3 -> "\"two\nlines\"";
          default -> "plain " + rnd.nextInt(100);
        };
        String qty = rnd.nextInt(20) == 0 ? "" : String.valueOf(rnd.nextInt(1000) - 100);
        w.write(i + "," + qty + "," + (rnd.nextInt(100_000) / 100.0 + 0.001 * 0) + ","
            + LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(1500)) + ",L" + rnd.nextInt(50) + "," + note + "\n");
      }
    }
    String[] checks = {
        "count(*)", "sum(id)", "sum(qty)", "count(qty)", "min(order_day)", "max(order_day)", "count(DISTINCT label)",
        "count(DISTINCT note)", "sum(length(note))"};
    try (Connection dsap = DriverManager.getConnection("jdbc:dsap:" + dir);
        Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (String expr : checks) {
        String ours = Sql.scalar(dsap, "SELECT " + expr + " FROM gen");
        String theirs = Sql.scalar(duck, "SELECT " + expr + " FROM read_csv('" + f + "')");
        assertEquals(theirs, ours, expr);
      }
      // decimal sums compared as numbers (the two render scales differently)
      double ourPrice = Double.parseDouble(Sql.scalar(dsap, "SELECT sum(price) FROM gen"));
      double theirPrice = Double.parseDouble(Sql.scalar(duck, "SELECT sum(price) FROM read_csv('" + f + "')"));
      assertEquals(theirPrice, ourPrice, 1e-6);
      List<List<String>> ours = Sql.rows(dsap, "SELECT id, note FROM gen WHERE id IN (1, 2, 3, 4, 5, 19999) ORDER BY id");
      List<List<String>> theirs = Sql.rows(duck, "SELECT id, coalesce(note, 'null') FROM read_csv('" + f
          + "') WHERE id IN (1, 2, 3, 4, 5, 19999) ORDER BY id");
      assertEquals(theirs, ours);
    }
  }
}
