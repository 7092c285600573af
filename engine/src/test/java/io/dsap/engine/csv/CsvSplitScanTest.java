package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a CSV file as parallel byte-range splits gives exactly what the sequential reader gives:
 * the same rows in the same order, the same rejects with the same lines, offsets and reasons, and
 * the same counts. Generated files put quoted line breaks, doubled quotes, empty lines, CRLF, a
 * BOM, bad values, wrong field counts and broken quoting next to split borders that are only a few
 * bytes apart, so every border case is met many times.
 */
class CsvSplitScanTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void splitsReadExactlyWhatTheSequentialReaderReads(long seed) throws IOException {
    Random rnd = new Random(seed);
    Path file = generate(rnd, seed % 5 == 4);
    CsvFileSchema schema = CsvSchemaDetector.detect(file, options());
    int[] all = {0, 1, 2, 3};
    Scan sequential = readSequentially(file, schema, all);
    assertTrue(sequential.rejects.size() > 0, "the generated file has rejects");
    assertTrue(sequential.rows.size() > 100, "the generated file has rows");
    for (long split : new long[] {13, 61, 64 + rnd.nextInt(200), 1000, 1 << 20}) {
      CsvTableSource source = new CsvTableSource(file, "f.csv", schema, split);
      Scan parallel = read(sink -> source.open(all, sink, ProgressListener.NONE), all);
      assertEquals(sequential.rows, parallel.rows, "rows, split " + split);
      assertEquals(sequential.rejects, parallel.rejects, "rejects, split " + split);
      assertEquals(sequential.stats, parallel.stats, "counts, split " + split);

      // fold: per-split states merged in file order; rejects in order with file lines
      List<Reject> foldRejects = new ArrayList<>();
      List<String> folded = source.fold(all, foldRejects::add, ArrayList::new,
          (rows, b) -> rows.addAll(rows(b, all, false)), (a, b) -> {
            a.addAll(b);
            return a;
          });
      assertEquals(sequential.rows.stream().map(r -> r.substring(r.indexOf('|') + 1)).toList(), folded,
          "fold rows, split " + split);
      assertEquals(sequential.rejects, foldRejects.stream().map(Reject::toString).toList(), "fold rejects, split " + split);
    }
  }

  @Test
  void aProjectionOfNoColumnsCountsTheSameRows() throws IOException {
    Path file = generate(new Random(99), false);
    CsvFileSchema schema = CsvSchemaDetector.detect(file, options());
    Scan sequential = readSequentially(file, schema, new int[0]);
    CsvTableSource source = new CsvTableSource(file, "f.csv", schema, 50);
    Scan parallel = read(sink -> source.open(new int[0], sink, ProgressListener.NONE), new int[0]);
    assertEquals(sequential.stats, parallel.stats);
    assertEquals(sequential.rows, parallel.rows);
  }

  private static CsvOptions options() {
    return new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("id:INTEGER,amount:DECIMAL(10,2),day:DATE,note:VARCHAR"), null, null, null);
  }

  /** Records with typed columns, quoted notes holding line breaks, and faults at random places. */
  private Path generate(Random rnd, boolean unterminatedAtEnd) throws IOException {
    String eol = rnd.nextBoolean() ? "\r\n" : "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rnd.nextInt(3) == 0) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    StringBuilder s = new StringBuilder("id,amount,day,note").append(eol);
    int records = 300 + rnd.nextInt(300);
    for (int r = 0; r < records; r++) {
      int fault = rnd.nextInt(40);
      String id = fault == 0 ? "x" + r : String.valueOf(r);
      String amount = fault == 1 ? "12,5" : fault == 2 ? "" : (rnd.nextInt(100000) / 100.0) + "";
      String day = fault == 3 ? "2024-02-30" : "2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9);
      String note = note(rnd, eol);
      s.append(id).append(',').append(amount.contains(",") ? '"' + amount + '"' : amount).append(',').append(day)
          .append(',').append(note);
      if (fault == 4) {
        s.append(",extra");
      }
      if (fault == 5) {
        s.append("\"oops\"x");
      }
      s.append(eol);
      if (rnd.nextInt(25) == 0) {
        s.append(eol); // an empty line
      }
    }
    if (unterminatedAtEnd) {
      s.append("9999,1.00,2024-01-01,\"never closed").append(eol).append("1,2,3,4").append(eol);
    }
    out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("f" + rnd.nextInt(1_000_000) + ".csv");
    Files.write(file, out.toByteArray());
    return file;
  }

  private static String note(Random rnd, String eol) {
    switch (rnd.nextInt(6)) {
      case 0: return "";
      case 1: return "\"line one" + eol + "line two, with a comma\"";
      case 2: return "\"he said \"\"hi\"\"" + eol + eol + "bye\"";
      case 3: return "\"" + eol + "\"";
      case 4: return "plain text é漢";
      default: return "\"quoted\"";
    }
  }

  private record Scan(List<String> rows, List<String> rejects, ScanStats stats) {}

  private static Scan readSequentially(Path file, CsvFileSchema schema, int[] projection) {
    return read(sink -> new CsvReader(file, "f.csv", schema, projection, 64, sink), projection);
  }

  private static Scan read(Function<RejectSink, BatchReader> opener, int[] projection) {
    List<Reject> rejects = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    try (BatchReader reader = opener.apply(rejects::add)) {
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        rows.addAll(rows(b, projection, true));
      }
      return new Scan(rows, rejects.stream().map(Reject::toString).toList(), reader.stats());
    }
  }

  private static List<String> rows(Batch b, int[] projection, boolean withLine) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < b.rowCount(); r++) {
      StringBuilder s = new StringBuilder();
      if (withLine) {
        s.append(b.line(r)).append('|');
      }
      s.append(b.byteOffset(r));
      for (int c = 0; c < projection.length; c++) {
        s.append('|').append(b.column(c).get(r));
      }
      out.add(s.toString());
    }
    return out;
  }
}
