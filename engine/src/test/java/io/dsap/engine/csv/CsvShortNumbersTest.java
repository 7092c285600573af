package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values and rejects of number columns: on a real file of random short and long numbers,
 * signs, blanks, quotes, stray points, commas and letters (the last value at the very end of the
 * file), every row read and every reject is what a plain computation with {@link Long#parseLong}
 * and {@link BigDecimal} says. A guard for any faster number parsing.
 */
class CsvShortNumbersTest {
  @TempDir
  Path dir;

  @Test
  void valuesAndRejectsMatchAPlainParse() throws IOException {
    Random rnd = new Random(2026);
    StringBuilder s = new StringBuilder("n,qty,price,rate\n");
    List<String[]> written = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // mostly good values, so the detected layout keeps the given types
      String[] row = {String.valueOf(i), number(rnd, 0), number(rnd, 2), number(rnd, 4)};
      written.add(row);
      s.append(row[0]);
      for (int c = 1; c < row.length; c++) {
        s.append(',').append(row[c].contains(",") || rnd.nextInt(10) == 0 ? "\"" + row[c] + "\"" : row[c]);
      }
      if (i < 4999) {
        s.append('\n'); // the last record ends the file: its last field has fewer than 8 bytes after it
      }
    }
    Path f = dir.resolve("numbers.csv");
    Files.writeString(f, s, StandardCharsets.UTF_8);
    CsvOptions options = new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("n:INTEGER,qty:INTEGER,price:DECIMAL(18,2),rate:DECIMAL(18,4)"), null, null, null);
    CsvFileSchema schema = CsvSchemaDetector.detect(f, options);

    Map<Long, List<Object>> read = new HashMap<>();
    RejectLog rejects = new RejectLog(10_000);
    try (CsvReader r = new CsvReader(f, "numbers.csv", schema, new int[] {0, 1, 2, 3}, 100, rejects)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int row = 0; row < b.rowCount(); row++) {
          List<Object> values = new ArrayList<>();
          for (int c = 1; c < 4; c++) {
            values.add(b.column(c).get(row));
          }
          read.put(((Number) b.column(0).get(row)).longValue(), values);
        }
      }
    }

    Map<Long, String> expectedRejects = new HashMap<>();
    int rows = 0;
    for (String[] row : written) {
      long n = Long.parseLong(row[0]);
      Object qty = plainInteger(row[1]);
      Object price = plainDecimal(row[2], 2);
      Object rate = plainDecimal(row[3], 4);
      String bad = qty == null ? row[1] : price == null ? row[2] : rate == null ? row[3] : null;
      if (bad != null) {
        expectedRejects.put(n + 2, bad); // line: header first, lines from 1
        continue;
      }
      rows++;
      assertEquals(List.of(qty, price, rate), read.get(n), "row " + n + " " + String.join("|", row));
    }
    assertEquals(rows, read.size());
    Map<Long, String> actualRejects = new HashMap<>();
    for (Reject r : rejects.rejects()) {
      actualRejects.put(r.line(), r.value());
    }
    assertEquals(expectedRejects, actualRejects);
    assertTrue(rows > 3000 && expectedRejects.size() > 500, rows + " rows, " + expectedRejects.size() + " rejects");
  }

  /**
   * Mostly short plain numbers (up to {@code scale} digits after the point); now and then one
   * digit too many after it, many digits, a sign, blanks, a stray point, a comma or a letter.
   */
  private static String number(Random rnd, int scale) {
    String whole = digits(rnd, rnd.nextInt(8) == 0 ? 1 + rnd.nextInt(19) : 1 + rnd.nextInt(5));
    String v = whole;
    if (scale > 0 && rnd.nextInt(4) != 0) {
      v = whole + "." + digits(rnd, rnd.nextInt(rnd.nextInt(10) == 0 ? scale + 2 : scale + 1));
    }
    return switch (rnd.nextInt(40)) {
      case 0 -> "-" + v;
      case 1 -> "+" + v;
      case 2 -> " " + v;
      case 3 -> v + " ";
      case 4 -> v + ".";
      case 5 -> v + "x";
      case 6 -> "." + v;
      case 7 -> v.replace('.', ',');
      case 8 -> "-";
      case 9 -> "0" + v;
      default -> v;
    };
  }

  private static String digits(Random rnd, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + rnd.nextInt(10)));
    }
    return s.toString();
  }

  /** The INTEGER value of {@code text} (blanks around it allowed), or null when it is not one. */
  private static Object plainInteger(String text) {
    try {
      long v = Long.parseLong(text.strip());
      return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The DECIMAL(18, scale) value of {@code text}, or null when it is not one. */
  private static Object plainDecimal(String text, int scale) {
    String t = text.strip();
    if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)")) {
      return null;
    }
    BigDecimal d = new BigDecimal(t.endsWith(".") ? t + "0" : t);
    if (d.scale() > scale || d.setScale(scale).unscaledValue().abs().toString().length() > 18) {
      return null;
    }
    return d.setScale(scale);
  }
}
