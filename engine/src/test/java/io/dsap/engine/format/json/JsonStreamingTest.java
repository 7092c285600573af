package io.dsap.engine.format.json;

import static io.dsap.engine.format.json.JsonFiles.column;
import static io.dsap.engine.format.json.JsonFiles.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.source.ReadMetrics;
import io.dsap.engine.types.ColumnType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large files: streamed in bounded memory, sampled across the file, counted exactly. */
class JsonStreamingTest {
  static final int LINES = 200_000;

  @TempDir
  Path dir;

  /**
   * 200k NDJSON lines; {@code code} is a number until line 150,000 and text after it, which only
   * a sample spread through the file can see.
   */
  private Path events() throws IOException {
    Path f = dir.resolve("events.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      for (int i = 1; i <= LINES; i++) {
        w.write("{\"id\": " + i + ", \"user\": {\"id\": " + (i % 97) + ", \"country\": \"" + (i % 2 == 0 ? "DE" : "FR")
            + "\"}, \"amount\": " + (i % 1000) + "." + (i % 10) + "5, \"code\": "
            + (i <= 150_000 ? String.valueOf(i % 50) : "\"X" + i + "\"") + "}\n");
      }
    }
    return f;
  }

  @Test
  void twoHundredThousandLinesStreamWithExactSums() throws IOException {
    Path f = events();
    long sampledBefore = ReadMetrics.bytesSampled();
    TableSource t = open(f);
    long sampled = ReadMetrics.bytesSampled() - sampledBefore;
    assertTrue(sampled < Files.size(f) / 2, "detection reads a sample, not the file: " + sampled);
    assertEquals(ColumnType.INTEGER, column(t, "id").type(), column(t, "id").detection());
    assertEquals(ColumnType.DECIMAL, column(t, "amount").type());
    assertEquals(ColumnType.VARCHAR, column(t, "code").type(),
        "a chunk from late in the file shows the strings: " + column(t, "code").detection());

    int id = t.columns().indexOf(column(t, "id"));
    int amount = t.columns().indexOf(column(t, "amount"));
    long idSum = 0;
    long amountCents = 0;
    ScanStats stats;
    RejectLog rejects = new RejectLog(10);
    try (BatchReader r = t.open(new int[] {id, amount}, rejects, ProgressListener.NONE)) {
      Batch b;
      while ((b = r.next()) != null) {
        LongVector ids = (LongVector) b.column(0);
        LongVector amounts = (LongVector) b.column(1);
        for (int row = 0; row < b.rowCount(); row++) {
          idSum += ((Number) ids.get(row)).longValue();
          amountCents += ((java.math.BigDecimal) amounts.get(row)).movePointRight(2).longValueExact();
        }
      }
      stats = r.stats();
    }
    assertEquals(new ScanStats(LINES, LINES, 0), stats, rejects.rejects().toString());
    assertEquals((long) LINES * (LINES + 1) / 2, idSum);
    long expected = 0;
    for (int i = 1; i <= LINES; i++) {
      expected += (i % 1000) * 100L + (i % 10) * 10L + 5;
    }
    assertEquals(expected, amountCents);
  }

  @Test
  void aLargeArrayIsStreamedWithLinesAndOffsets() throws IOException {
    Path f = dir.resolve("big.json");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("[\n");
      for (int i = 1; i <= 50_000; i++) {
        w.write("  {\"n\": " + i + "}" + (i < 50_000 ? "," : "") + "\n");
      }
      w.write("]\n");
    }
    TableSource t = open(f);
    long rows = 0;
    long lastLine = 0;
    try (BatchReader r = t.open(new int[] {0}, new RejectLog(1),
        ProgressListener.NONE)) {
      Batch b;
      while ((b = r.next()) != null) {
        rows += b.rowCount();
        lastLine = b.line(b.rowCount() - 1);
      }
    }
    assertEquals(50_000, rows);
    assertEquals(50_001, lastLine);
  }
}
