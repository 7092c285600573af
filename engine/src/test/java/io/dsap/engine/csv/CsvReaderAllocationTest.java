package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.RejectLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regression guard that is not a timing test: parsing allocates (almost) nothing per row. The
 * heap bytes the reading thread allocates are measured for a file of N and of 2N rows; the
 * difference is the cost of N rows, free of fixed costs (read buffer, batch vectors, JIT). Every
 * value is typed from bytes into primitive vectors, text goes into a reused byte arena, and a field
 * with doubled quotes is unescaped into a reused scratch buffer, so a row costs nothing once the
 * buffers have grown: the bound of a few bytes catches one {@code String} per cell (about 50 bytes),
 * and one copy of the record per row with escapes (a third of the rows here, about 40 bytes a row).
 */
class CsvReaderAllocationTest {
  private static final int ROWS = 40_000;
  private static final long MAX_BYTES_PER_ROW = 4;

  @TempDir
  Path dir;

  @Test
  void parsingAllocatesAlmostNothingPerRow() throws IOException {
    Path small = write("small.csv", ROWS);
    Path large = write("large.csv", 2 * ROWS);
    CsvFileSchema schema = CsvSchemaDetector.detect(large, CsvOptions.DETECT);
    for (int[] projection : new int[][] {{0, 1, 2, 3, 4, 5, 6}, {}}) {
      read(large, schema, projection); // warm-up: class loading and compilation allocate too
      read(small, schema, projection);
      long perRow = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 3; attempt++) { // the least of three: a GC or JIT event can land in one
        long a = read(small, schema, projection);
        long b = read(large, schema, projection);
        perRow = Math.min(perRow, (b - a) / ROWS);
      }
      assertTrue(perRow <= MAX_BYTES_PER_ROW, "parsing " + projection.length + " columns allocates " + perRow
          + " bytes per row (limit " + MAX_BYTES_PER_ROW + "): is a String, a boxed value or a copy of the"
          + " record made per row again?");
    }
  }

  private long read(Path file, CsvFileSchema schema, int[] projection) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    long rows = 0;
    try (CsvReader r = new CsvReader(file, "f.csv", schema, projection, CsvReader.DEFAULT_BATCH_SIZE,
        new RejectLog(10))) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        rows += b.rowCount();
      }
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertEquals(Files.exists(file) ? rows : -1, rows);
    return allocated;
  }

  /** Order-like rows: integer, e-mail, date, status, integer, decimal, quoted text (some with doubled quotes). */
  private Path write(String name, int rows) throws IOException {
    StringBuilder s = new StringBuilder("id,email,day,status,qty,price,notes\n");
    String[] status = {"paid", "shipped", "delivered", "cancelled"};
    for (int r = 1; r <= rows; r++) {
      s.append(r).append(",user").append(r % 977).append("@example.com,2024-0").append(1 + r % 9).append('-')
          .append(10 + r % 18).append(',').append(status[r % 4]).append(',').append(r % 50).append(',')
          .append(r % 5000).append('.').append(10 + r % 90).append(',')
          .append(r % 3 == 0 ? "\"a note, with a comma\"" : r % 3 == 1 ? "\"a \"\"quoted\"\" word\"" : "").append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, s, StandardCharsets.UTF_8);
    return f;
  }
}
