package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.profile.ColumnProfile;
import io.dsap.engine.profile.Profiler;
import io.dsap.engine.profile.TableProfile;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile()} reads text lent from the read buffer ({@link CsvReader#lendText}) and gives
 * the profile of copied text, field for field: the buffer is refilled (and its bytes moved) many
 * times under small read buffers, so a state that kept a reference into it instead of a copy
 * (min, max, top values, the texts kept past the exact limit) would show other bytes. The file
 * mixes escapes, empty fields (NULL), empty quoted fields (empty strings), the null string,
 * non-ASCII text, quoted line breaks, rejected rows and duplicate rows, and has more distinct
 * emails than the exact counts hold.
 */
class CsvLentTextProfileTest {
  @TempDir
  Path dir;

  @Test
  void lentTextGivesTheProfileOfCopiedTextWhateverTheReadBuffer() throws IOException {
    Path f = write(dir.resolve("t.csv"), 90_000, 200_000);
    for (String nullString : new String[] {null, "NA"}) {
      CsvFileSchema schema = CsvSchemaDetector.detect(f, new CsvOptions(null, null, null, null, null,
          CsvOptions.parseTypes("qty:INTEGER"), null, nullString, null));
      for (int buffer : new int[] {256, 4096, 1 << 16, CsvReader.READ_BUFFER}) {
        String where = "null string " + nullString + ", buffer " + buffer;
        Sequential copied = new Sequential(f, schema, buffer, false);
        Sequential lent = new Sequential(f, schema, buffer, true);
        TableProfile a = Profiler.profile(copied, "t.csv");
        TableProfile b = Profiler.profile(lent, "t.csv");
        assertTrue(lent.lentBatches > 0 && copied.lentBatches == 0, where + ": the lent reader lends");
        assertTrue(a.rejected() > 0 && a.duplicateRows() > 0, where + ": the file has rejects and duplicates");
        assertTrue(a.columns().stream().anyMatch(c -> !c.distinctExact()), where + ": past the exact counts");
        assertSameProfile(a, b, where);
      }
    }
  }

  @Test
  void lentTextOverManySplitsGivesTheProfileOfCopiedText() throws IOException {
    Path f = write(dir.resolve("s.csv"), 60_000, 20_000); // exact counts: the same whatever the split timing
    CsvFileSchema schema = CsvSchemaDetector.detect(f, new CsvOptions(null, null, null, null, null,
        CsvOptions.parseTypes("qty:INTEGER"), null, null, null));
    CsvTableSource splits = new CsvTableSource(f, "s.csv", schema, 64_000);
    TableProfile lent = Profiler.profile(splits, "s.csv"); // the product's path: borrowed text per split
    TableProfile copied = Profiler.profile(new CopyingText(splits), "s.csv");
    TableProfile oneCopiedPass = Profiler.profile(new Sequential(f, schema, CsvReader.READ_BUFFER, false), "s.csv");
    assertTrue(Files.size(f) > 30 * 64_000, "many splits");
    assertTrue(lent.rejected() > 0, "rejects");
    assertSameProfile(copied, lent, "splits");
    assertEquals(oneCopiedPass.columns().get(1), lent.columns().get(1), "emails, split or not");
    assertEquals(oneCopiedPass.columns().get(4), lent.columns().get(4), "notes, split or not");
  }

  private static void assertSameProfile(TableProfile a, TableProfile b, String where) {
    assertEquals(a.rows(), b.rows(), where);
    assertEquals(a.rejected(), b.rejected(), where);
    assertEquals(a.duplicateRows(), b.duplicateRows(), where);
    assertEquals(a.columns().size(), b.columns().size(), where);
    for (int c = 0; c < a.columns().size(); c++) {
      assertEquals(fields(a.columns().get(c)), fields(b.columns().get(c)), where + ", column " + c);
    }
  }

  private static List<String> fields(ColumnProfile p) {
    List<String> out = new ArrayList<>();
    for (RecordComponent rc : ColumnProfile.class.getRecordComponents()) {
      try {
        out.add(rc.getName() + "=" + rc.getAccessor().invoke(p));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** Writes {@code rows} records with {@code emails} distinct emails at most. */
  private static Path write(Path f, int rows, int emails) throws IOException {
    Random rnd = new Random(11);
    String[] notes = {"", "\"\"", "NA", "Ring twice", "\"Size \"\"M\"\", colour blue\"", "\"Wrapped as \"\"gift\"\"\"",
        "Café crème", "\"Zürich, \"\"Bahnhof\"\"\"", "\"two\nlines\"", "\"\"\"\"", "Ünïcödé ✓", "plain note"};
    String[] status = {"pending", "shipped", "delivered", "cancelled", "returned"};
    StringBuilder s = new StringBuilder("id,email,status,qty,note,city\n");
    for (int r = 1; r <= rows; r++) {
      String email = (rnd.nextInt(50) == 0 ? "josé" : "user") + rnd.nextInt(emails) + "@example.com";
      String qty = r % 4001 == 0 ? "many" : String.valueOf(rnd.nextInt(50)); // a reject now and then
      String city = rnd.nextInt(7) == 0 ? "\"São Paulo\"" : rnd.nextInt(5) == 0 ? "" : "City" + rnd.nextInt(300);
      String line = r + "," + email + "," + status[rnd.nextInt(status.length)] + "," + qty + ","
          + notes[rnd.nextInt(notes.length)] + "," + city;
      s.append(line).append('\n');
      if (r % 1013 == 0) {
        s.append(line).append('\n'); // a duplicate row
      }
    }
    Files.writeString(f, s, StandardCharsets.UTF_8);
    return f;
  }

  /** The sequential reader with a read buffer of a given size, lending its text or not. */
  private static final class Sequential implements TableSource {
    private final Path file;
    private final CsvFileSchema schema;
    private final int buffer;
    private final boolean lend;
    int lentBatches;

    Sequential(Path file, CsvFileSchema schema, int buffer, boolean lend) {
      this.file = file;
      this.schema = schema;
      this.buffer = buffer;
      this.lend = lend;
    }

    @Override
    public List<ColumnSpec> columns() {
      return schema.columns();
    }

    @Override
    public String format() {
      return "csv";
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }

    @Override
    public String readStatement(String path) {
      return "";
    }

    @Override
    public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
      return reader(projection, rejects);
    }

    private CsvReader reader(int[] projection, RejectSink rejects) {
      return new CsvReader(file, "t.csv", schema, projection, CsvReader.DEFAULT_BATCH_SIZE, rejects,
          ProgressListener.NONE, -1, Long.MAX_VALUE, new byte[buffer], false);
    }

    @Override
    public <S> S foldBorrowingText(int[] projection, RejectSink rejects, Supplier<S> newState,
        BiConsumer<S, Batch> add, BinaryOperator<S> merge) {
      S state = newState.get();
      try (CsvReader r = reader(projection, rejects)) {
        if (lend) {
          r.lendText();
        }
        for (Batch b = r.next(); b != null; b = r.next()) {
          if (b.column(1) instanceof StringVector v && v.lent()) {
            assertSame(r.readBuffer(), v.data());
            lentBatches++;
          }
          add.accept(state, b);
        }
      }
      return state;
    }
  }

  /** A source whose borrowing fold copies its text all the same. */
  private record CopyingText(TableSource source) implements TableSource {
    @Override
    public List<ColumnSpec> columns() {
      return source.columns();
    }

    @Override
    public String format() {
      return source.format();
    }

    @Override
    public Map<String, Object> describe() {
      return source.describe();
    }

    @Override
    public String readStatement(String path) {
      return source.readStatement(path);
    }

    @Override
    public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
      return source.open(projection, rejects, progress);
    }

    @Override
    public <S> S foldBorrowingText(int[] projection, RejectSink rejects, Supplier<S> newState,
        BiConsumer<S, Batch> add, BinaryOperator<S> merge) {
      return source.fold(projection, rejects, newState, add, merge);
    }
  }
}
