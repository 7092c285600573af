package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV files into batches: values, provenance, and rejects that lose nothing. */
class CsvReaderTest {
  static final Path ORDERS = Path.of("../examples/orders.csv");

  @TempDir
  Path dir;

  @Test
  void examplesOrdersRejectsExactlyThePlantedBadDates() {
    CsvFileSchema s = CsvSchemaDetector.detect(ORDERS, CsvOptions.DETECT);
    assertEquals(ColumnType.DATE, s.columns().get(2).type(), s.columns().get(2).detection());
    assertTrue(s.columns().get(2).detection().contains("'2024-02-30'"), s.columns().get(2).detection());
    RejectLog rejects = new RejectLog(100);
    ScanStats stats = readAll(ORDERS, s, new int[] {0, 4}, rejects);
    assertEquals(240, stats.recordsRead());
    assertEquals(237, stats.rowsReturned());
    assertEquals(3, stats.rowsRejected());
    List<Reject> r = rejects.rejects();
    assertEquals(List.of(43L, 153L, 235L), r.stream().map(Reject::line).toList());
    assertEquals(List.of("2024-02-30", "2024-13-01", "31/12/2024"), r.stream().map(Reject::value).toList());
    Reject first = r.get(0);
    assertEquals("order_date", first.column());
    assertEquals("orders.csv", first.file());
    assertTrue(first.rawRecord().startsWith("1041,6,2024-02-30,"), first.rawRecord());
    assertTrue(first.reason().startsWith("orders.csv:43: value '2024-02-30' in column order_date (DATE)"
        + " is not a valid date in the format yyyy-MM-dd"), first.reason());
    assertTrue(first.reason().contains("types => 'order_date:VARCHAR'"), first.reason());
    // the byte offset points at the start of the record
    byte[] bytes = readBytes(ORDERS);
    String at = new String(bytes, (int) first.byteOffset(), 5, StandardCharsets.UTF_8);
    assertEquals("1041,", at);
  }

  @Test
  void rowCountsDoNotDependOnTheProjection() {
    CsvFileSchema s = CsvSchemaDetector.detect(ORDERS, CsvOptions.DETECT);
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    ScanStats everything = readAll(ORDERS, s, all, new RejectLog(10));
    ScanStats none = readAll(ORDERS, s, new int[0], new RejectLog(10));
    ScanStats text = readAll(ORDERS, s, new int[] {9}, new RejectLog(10));
    assertEquals(everything, none);
    assertEquals(everything, text);
  }

  @Test
  void injectedFaultsAreRejectedWithTheirReasonAndNothingIsLost() throws IOException {
    Path f = dir.resolve("faults.csv");
    StringBuilder sb = new StringBuilder("id,amount,day,flag\n");
    for (int i = 1; i <= 2000; i++) {
      sb.append(i).append(',').append(i % 100).append(".25,2024-01-").append(String.format("%02d", 1 + i % 28))
          .append(',').append(i % 2 == 0).append('\n');
    }
    sb.append("2001,1.5,2024-01-01\n"); // too few fields
    sb.append("2002,abc,2024-01-01,true\n"); // not a number
    sb.append("2003,1.25,2024-01-01,true,extra\n"); // too many fields
    sb.append("2004,1.25,2024-02-31,true\n"); // no such date
    sb.append("2005,1.125,2024-01-01,true\n"); // more decimals than the declared scale
    sb.append("2006,1.25,2024-01-01,maybe\n"); // not a boolean
    sb.append("\"2007,1.25,2024-01-01,true\n"); // unterminated quote swallows the rest
    Files.writeString(f, sb);
    CsvOptions scale2 = new CsvOptions(null, null, null, null, null, CsvOptions.parseTypes("amount:DECIMAL(18,2)"),
        null, null, null);
    CsvFileSchema s = CsvSchemaDetector.detect(f, scale2);
    assertEquals(List.of(ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.BOOLEAN),
        s.columns().stream().map(c -> c.type()).toList());
    RejectLog rejects = new RejectLog(100);
    ScanStats stats = readAll(f, s, new int[] {0}, rejects);
    assertEquals(2007, stats.recordsRead());
    assertEquals(2000, stats.rowsReturned());
    assertEquals(7, stats.rowsRejected());
    List<String> reasons = rejects.rejects().stream().map(Reject::reason).toList();
    assertTrue(reasons.get(0).contains("expected 4 fields, found 3"), reasons.get(0));
    assertTrue(reasons.get(1).contains("'abc' in column amount (DECIMAL(18,2)) is not a decimal number"), reasons.get(1));
    assertTrue(reasons.get(2).contains("expected 4 fields, found 5"), reasons.get(2));
    assertTrue(reasons.get(3).contains("'2024-02-31' in column day (DATE) is not a valid date"), reasons.get(3));
    assertTrue(reasons.get(4).contains("more than 2 digits after the point; read the column as DOUBLE"), reasons.get(4));
    assertTrue(reasons.get(5).contains("is not true or false"), reasons.get(5));
    assertTrue(reasons.get(6).contains("unterminated quoted field"), reasons.get(6));
    assertEquals(List.of(2002L, 2003L, 2004L, 2005L, 2006L, 2007L, 2008L),
        rejects.rejects().stream().map(Reject::line).toList());
  }

  @Test
  void streamsAFileLargerThanTheReadBufferWithCorrectValues() throws IOException {
    Path f = dir.resolve("big.csv");
    long rows = 300_000;
    long expectedSum = 0;
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("id,value,note\r\n");
      for (long i = 0; i < rows; i++) {
        long v = (i * 7919) % 100_000;
        expectedSum += v;
        w.write(i + "," + v + ",\"note, with \"\"quotes\"\" and\nnewline " + i + "\"\r\n");
      }
    }
    assertTrue(Files.size(f) > 3 * CsvReader.READ_BUFFER, "file larger than the read buffer");
    CsvFileSchema s = CsvSchemaDetector.detect(f, CsvOptions.DETECT);
    assertTrue(s.columns().get(1).type() == ColumnType.INTEGER, s.columns().get(1).detection());
    long sum = 0;
    long n = 0;
    long lastLine = 0;
    try (CsvReader r = new CsvReader(f, "big.csv", s, new int[] {1, 2}, 4096, new RejectLog(10))) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        LongVector v = (LongVector) b.column(0);
        for (int i = 0; i < b.rowCount(); i++) {
          sum += v.values()[i];
          n++;
          lastLine = b.line(i);
        }
        if (n == rows) {
          assertEquals("note, with \"quotes\" and\nnewline " + (rows - 1), b.column(1).get(b.rowCount() - 1));
        }
      }
      assertEquals(new ScanStats(rows, rows, 0), r.stats());
    }
    assertEquals(rows, n);
    assertEquals(expectedSum, sum);
    assertEquals(2 + (rows - 1) * 2, lastLine, "each record spans two lines");
  }

  @Test
  void userOptionsWinOverDetection() throws IOException {
    Path f = dir.resolve("codes.csv");
    Files.writeString(f, "junk line\nzip;amount;day\n00501;1,5;01/02/2024\n10001;2,5;03/04/2024\n");
    CsvOptions o = new CsvOptions(";", null, null, true, 1,
        CsvOptions.parseTypes("day:DATE(MM/dd/yyyy)"), null, null, null);
    CsvFileSchema s = CsvSchemaDetector.detect(f, o);
    assertEquals(";", s.dialect().delimiterText());
    assertEquals(List.of("zip", "amount", "day"), s.columns().stream().map(c -> c.name()).toList());
    assertEquals(ColumnType.VARCHAR, s.columns().get(0).type(), "zero-padded codes stay text");
    assertEquals("MM/dd/yyyy", s.columns().get(2).format().datePattern());
    RejectLog log = new RejectLog(10);
    try (CsvReader r = new CsvReader(f, "codes.csv", s, new int[] {0, 2}, 10, log)) {
      Batch b = r.next();
      assertEquals("00501", b.column(0).get(0));
      assertEquals((int) java.time.LocalDate.of(2024, 1, 2).toEpochDay(), b.column(1).get(0));
      assertEquals(3L, b.line(0));
      assertNull(r.next());
    }
  }

  static ScanStats readAll(Path f, CsvFileSchema s, int[] projection, RejectLog rejects) {
    try (CsvReader r = new CsvReader(f, f.getFileName().toString(), s, projection, 64, rejects)) {
      while (r.next() != null) {
        // drain
      }
      return r.stats();
    }
  }

  static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
