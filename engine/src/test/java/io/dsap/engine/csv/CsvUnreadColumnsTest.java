package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns a query does not read are checked by a quick check and only parsed when it cannot tell;
 * the rows rejected, their reasons and their raw text must be exactly those of a scan that reads
 * every column, on values at the edges of the quick check.
 */
class CsvUnreadColumnsTest {
  @TempDir
  Path dir;

  @Test
  void rejectsAreTheSameWhateverTheProjection() throws IOException {
    String[] ints = {"1", "-0", "+7", "007", " 12", "12 ", "999999999", "2147483647", "2147483648", "1e3", "x"};
    String[] prices = {"452.88", "0.17", "5.", ".5", " 3.10", "1.234", "-1.5", "1,5", "12345678901234567.8"};
    String[] days = {"2024-02-29", "2023-02-29", "2024-02-30", "2000-02-29", "1900-02-29", "2024-1-5", "2024-01-05 ",
        "2024/01/05", "2024-13-01"};
    String[] stamps = {"2024-02-29 23:59:59", "2024-02-29T10:00:00.5", "2024-02-29T10:00:00Z", "2024-02-29 24:00:00",
        "2024-02-29"};
    StringBuilder s = new StringBuilder("id,qty,price,day,at,note\n");
    int n = 0;
    for (int i = 0; i < 3000; i++) {
      // mostly good rows, so detection keeps the types; every edge value on some of them
      boolean edge = i % 7 == 0;
      s.append(i).append(',')
          .append(edge ? ints[n % ints.length] : String.valueOf(i % 50)).append(',')
          .append(edge ? quoted(prices[n % prices.length]) : (i % 900) + ".25").append(',')
          .append(edge ? days[(n / prices.length) % days.length] : "2024-03-1" + (i % 10)).append(',')
          .append(edge ? stamps[n % stamps.length] : "2024-03-01 10:00:0" + (i % 10)).append(',')
          .append(i % 3 == 0 ? "\"said \"\"hi\"\", left\"" : "plain").append('\n');
      if (edge) {
        n++;
      }
    }
    Path f = dir.resolve("edges.csv");
    Files.writeString(f, s, StandardCharsets.UTF_8);
    CsvOptions options = new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("id:INTEGER,qty:INTEGER,price:DECIMAL(18,2),day:DATE,at:TIMESTAMP,note:VARCHAR"),
        null, null, null);
    CsvFileSchema schema = CsvSchemaDetector.detect(f, options);

    RejectLog all = new RejectLog(10_000);
    ScanStats everything = CsvReaderTest.readAll(f, schema, new int[] {0, 1, 2, 3, 4, 5}, all);
    RejectLog none = new RejectLog(10_000);
    ScanStats counted = CsvReaderTest.readAll(f, schema, new int[0], none);
    RejectLog some = new RejectLog(10_000);
    ScanStats partly = CsvReaderTest.readAll(f, schema, new int[] {5, 0}, some);

    assertEquals(everything, counted);
    assertEquals(everything, partly);
    assertEquals(all.rejects(), none.rejects());
    assertEquals(all.rejects(), some.rejects());
    // what is bad: overflow, exponent, comma, too many decimals, impossible days, hour 24
    assertTrue(everything.rowsRejected() > 100, everything.toString());
    assertTrue(everything.rowsReturned() > 2500, everything.toString());
    List<String> values = all.rejects().stream().map(Reject::value).distinct().sorted().toList();
    assertEquals(List.of("1,5", "1.234", "12345678901234567.8", "1900-02-29", "1e3", "2023-02-29", "2024-02-29 24:00:00",
        "2024-02-30", "2024-13-01", "2024/01/05", "2147483648", "x"), values);
    // a rejected record with doubled quotes is quoted raw, as it is in the file
    Reject quoted = all.rejects().stream().filter(r -> r.rawRecord().contains("\"\"hi\"\"")).findFirst().orElseThrow();
    assertTrue(quoted.rawRecord().endsWith(",\"said \"\"hi\"\", left\""), quoted.rawRecord());
  }

  private static String quoted(String value) {
    return value.contains(",") ? '"' + value + '"' : value;
  }
}
