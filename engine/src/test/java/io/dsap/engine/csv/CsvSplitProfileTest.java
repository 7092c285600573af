package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.profile.ColumnProfile;
import io.dsap.engine.profile.Profiler;
import io.dsap.engine.profile.TableProfile;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile()} over parallel splits (one state per split, merged in file order) gives the
 * profile of one sequential pass: the same counts, distincts, extremes, quantiles, top values,
 * duplicates and rejects; floating-point moments agree to 9 significant digits (merging sums in
 * another order rounds differently in the last bits).
 */
class CsvSplitProfileTest {
  @TempDir
  Path dir;

  @Test
  void profileOfSplitsEqualsProfileOfOnePass() throws IOException {
    Random rnd = new Random(7);
    StringBuilder s = new StringBuilder("id,qty,price,status,day,note\n");
    for (int r = 0; r < 12_000; r++) { // below the exact-quantile limit: approximate sketches differ by merge order
      String qty = rnd.nextInt(20) == 0 ? "" : String.valueOf(rnd.nextInt(50) - 5);
      String price = rnd.nextInt(500) == 0 ? "n/a" : String.valueOf(rnd.nextInt(100_000) / 100.0);
      String status = List.of("paid", "shipped", "delivered", "cancelled").get(rnd.nextInt(4));
      String note = rnd.nextInt(10) == 0 ? "\"two\nlines, " + r + "\"" : rnd.nextInt(3) == 0 ? "" : "n" + rnd.nextInt(200);
      String line = (r % 1000 == 999 ? r - 1 : r) + "," + qty + "," + price + "," + status + ",2024-0"
          + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(9) + "," + note;
      s.append(line).append('\n');
      if (r % 997 == 0) {
        s.append(line).append('\n'); // a duplicate row
      }
    }
    Path file = dir.resolve("p.csv");
    Files.writeString(file, s, StandardCharsets.UTF_8);
    CsvFileSchema schema = CsvSchemaDetector.detect(file, CsvOptions.DETECT);

    TableProfile one = Profiler.profile(new CsvReaderSource(file, schema), "p.csv");
    TableProfile split = Profiler.profile(new CsvTableSource(file, "p.csv", schema, 8_000), "p.csv");
    assertTrue(one.rejected() > 0, "the file has rejects");
    assertTrue(one.duplicateRows() > 0, "the file has duplicate rows");
    assertEquals(one.rows(), split.rows());
    assertEquals(one.rejected(), split.rejected());
    assertEquals(one.duplicateRows(), split.duplicateRows());
    for (int c = 0; c < one.columns().size(); c++) {
      assertEquals(comparable(one.columns().get(c)), comparable(split.columns().get(c)), one.columns().get(c).name());
    }
  }

  /** The profile's fields, doubles to 9 significant digits. */
  private static List<String> comparable(ColumnProfile p) {
    List<String> out = new ArrayList<>();
    for (RecordComponent rc : ColumnProfile.class.getRecordComponents()) {
      try {
        Object v = rc.getAccessor().invoke(p);
        out.add(rc.getName() + "=" + (v instanceof Double d ? String.format("%.9g", d) : String.valueOf(v)));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** The sequential reader as a source, whatever the file size. */
  private record CsvReaderSource(Path file, CsvFileSchema schema) implements io.dsap.engine.format.TableSource {
    @Override
    public List<io.dsap.engine.types.ColumnSpec> columns() {
      return schema.columns();
    }

    @Override
    public String format() {
      return "csv";
    }

    @Override
    public java.util.Map<String, Object> describe() {
      return java.util.Map.of();
    }

    @Override
    public String readStatement(String path) {
      return "";
    }

    @Override
    public io.dsap.engine.format.BatchReader open(int[] projection, io.dsap.engine.rejects.RejectSink rejects,
        io.dsap.engine.format.ProgressListener progress) {
      return new CsvReader(file, "p.csv", schema, projection, CsvReader.DEFAULT_BATCH_SIZE, rejects, progress);
    }
  }
}
