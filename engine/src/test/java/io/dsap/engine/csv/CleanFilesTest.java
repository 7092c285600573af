package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clean-file memo: a file is trusted only after a complete scan without rejects, only while
 * it is unchanged and read with the same schema; the rows and rejects of every scan are those of
 * a scan that checks every field. Each test runs over the parallel split scan (split size 64 KB)
 * and the sequential reader (split size 0: the small file is read in one pass).
 */
class CleanFilesTest {
  private static final int ROWS = 30_000; // several batches and several splits
  private static final CsvOptions TYPED = options("id:INTEGER,qty:INTEGER,price:DECIMAL(18,2),note:VARCHAR");

  @TempDir
  Path dir;

  @BeforeEach
  @AfterEach
  void forget() {
    CleanFiles.clear();
    System.clearProperty("dsap.csv.clean_memo");
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void aCompleteCleanScanMarksTheFileAndLaterScansReturnTheSameRows(long split) throws IOException {
    Path f = write("clean.csv", -1, "7");
    CsvTableSource source = source(f, TYPED, split);
    assertFalse(clean(source));
    Scan first = count(source);
    assertEquals(new Scan(ROWS, List.of()), first);
    assertTrue(clean(source), "a complete scan without rejects marks the file");
    assertEquals(first, count(source));
    assertEquals(ROWS, rows(source, new int[] {2, 0}).size());
    System.setProperty("dsap.csv.clean_memo", "off");
    assertEquals(first, count(source));
    assertFalse(clean(source), "off: nothing is trusted");
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void aScanWithRejectsMarksNothingAndRejectsAreTheSameWithTheMemoOnAndOff(long split) throws IOException {
    Path f = write("dirty.csv", ROWS / 2, "lots");
    CsvTableSource source = source(f, TYPED, split);
    Scan on = count(source);
    assertEquals(ROWS - 1, on.rows());
    assertEquals(1, on.rejects().size());
    assertEquals(ROWS / 2 + 2, on.rejects().get(0).line());
    assertEquals("qty", on.rejects().get(0).column());
    assertFalse(clean(source));
    assertEquals(on, count(source), "the second scan rejects the row again");
    System.setProperty("dsap.csv.clean_memo", "off");
    assertEquals(on, count(source));
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void aScanStoppedEarlyMarksNothing(long split) throws IOException {
    Path f = write("limited.csv", -1, "7");
    CsvTableSource source = source(f, TYPED, split);
    // LIMIT: one batch read, then the reader is closed
    try (BatchReader r = source.open(new int[] {0}, rejects -> { }, ProgressListener.NONE)) {
      assertNotNull(r.next());
    }
    assertFalse(clean(source), "closed before its end");
    // a fold that fails part way (a cancel, too many groups)
    java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
    assertThrows(IllegalStateException.class, () -> source.fold(new int[0], rejects -> { }, () -> new long[1],
        (n, b) -> {
          if (seen.addAndGet(b.rowCount()) > ROWS / 3) {
            throw new IllegalStateException("stop");
          }
        }, (a, b) -> a));
    assertFalse(clean(source), "a failed fold");
    count(source);
    assertTrue(clean(source));
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void aRewrittenFileIsCheckedAgain(long split) throws IOException {
    Path f = write("rewritten.csv", -1, "7");
    count(source(f, TYPED, split));
    FileTime before = Files.getLastModifiedTime(f);
    // a bad value in a column the count does not read; same size, and the same time as before
    write("rewritten.csv", 100, "x");
    Files.setLastModifiedTime(f, FileTime.fromMillis(before.toMillis() + 2000));
    Scan after = count(source(f, TYPED, split));
    assertEquals(ROWS - 1, after.rows());
    assertEquals(List.of(102L), after.rejects().stream().map(Reject::line).toList());
    assertEquals("x", after.rejects().get(0).value());
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void anUnchangedStampIsTrustedSoTheMemoIsReallyUsed(long split) throws IOException {
    // what the memo skips: a file changed behind its stamp (same size, time put back) is not checked
    Path f = write("tampered.csv", -1, "7");
    CsvTableSource source = source(f, TYPED, split);
    count(source);
    FileTime before = Files.getLastModifiedTime(f);
    write("tampered.csv", 100, "x");
    Files.setLastModifiedTime(f, before);
    assertEquals(new Scan(ROWS, List.of()), count(source), "the memo skipped the unread columns");
    assertEquals(ROWS - 1, rows(source, new int[] {1}).size(), "a read column is still parsed");
  }

  @ParameterizedTest(name = "split size {0}")
  @ValueSource(longs = {0, 1 << 16})
  void anotherSchemaOrOptionIsCheckedAgain(long split) throws IOException {
    Path f = write("typed.csv", 100, "x");
    // read as text, every value conforms: clean
    CsvTableSource text = source(f, options("id:INTEGER,qty:VARCHAR,price:DECIMAL(18,2),note:VARCHAR"), split);
    assertEquals(new Scan(ROWS, List.of()), count(text));
    assertTrue(clean(text));
    // read as numbers, the same file rejects its bad row
    Scan typed = count(source(f, TYPED, split));
    assertEquals(ROWS - 1, typed.rows());
    assertEquals("x", typed.rejects().get(0).value());
    // another option that decides rejects: "x" as the NULL string
    CsvOptions nullX = new CsvOptions(",", "\"", "\"", true, null, CsvOptions.parseTypes(
        "id:INTEGER,qty:INTEGER,price:DECIMAL(18,2),note:VARCHAR"), null, "x", null);
    assertEquals(new Scan(ROWS, List.of()), count(source(f, nullX, split)));
  }

  @ParameterizedTest(name = "dialect {0}")
  @ValueSource(strings = {"doubled quotes, LF", "doubled quotes, CRLF", "backslash escapes", "no quotes", "comments"})
  void aCleanFileReadsTheSameRowsWhenOnlyItsReadFieldsAreLookedAt(String dialect) throws IOException {
    // quoted line breaks, delimiters and quotes in fields, quotes inside unquoted text, empty lines,
    // short rows padded with NULLs: what the tokenizer skips after the last field read must end
    // every record exactly where the full tokenizer does
    boolean crlf = dialect.contains("CRLF");
    boolean backslash = dialect.startsWith("backslash");
    boolean noQuotes = dialect.startsWith("no quotes");
    boolean comments = dialect.equals("comments");
    String eol = crlf ? "\r\n" : "\n";
    java.util.Random rnd = new java.util.Random(dialect.hashCode());
    StringBuilder s = new StringBuilder("id,code,note,price,tail" + eol);
    for (int i = 0; i < 20_000; i++) {
      String note = switch (noQuotes ? 9 : rnd.nextInt(8)) {
        case 0 -> "\"two" + eol + "lines, and a comma\"";
        case 1 -> backslash ? "\"say \\\"hi\\\", ok\"" : "\"say \"\"hi\"\", ok\"";
        case 2 -> "5\" screen";
        case 3 -> "\"\"";
        case 4 -> "\"" + eol + eol + "\"";
        default -> rnd.nextBoolean() ? "plain" : "";
      };
      String tail = rnd.nextInt(5) == 0 ? "\"x" + eol + "y\"" : "t" + i;
      if (noQuotes) {
        tail = "t" + i;
      }
      s.append(i).append(',').append(rnd.nextInt(4) == 0 ? "" : "c" + (i % 7)).append(',').append(note);
      if (rnd.nextInt(10) == 0) {
        s.append(',').append(i % 100).append(".5"); // a short row
      } else {
        s.append(',').append(i % 100).append(".5,").append(tail);
      }
      s.append(eol);
      if (rnd.nextInt(30) == 0) {
        s.append(eol);
      }
      if (comments && rnd.nextInt(20) == 0) {
        s.append("# a comment, with \"a quote").append(eol);
      }
    }
    Path f = dir.resolve("quoted.csv");
    Files.writeString(f, s, StandardCharsets.UTF_8);
    CsvFileSchema detected = CsvSchemaDetector.detect(f, new CsvOptions(",", noQuotes ? "" : "\"",
        backslash ? "\\" : noQuotes ? "" : "\"", true, null,
        CsvOptions.parseTypes("id:INTEGER,code:VARCHAR,note:VARCHAR,price:DECIMAL(18,2),tail:VARCHAR"), null, null, null));
    CsvDialect d = comments ? detected.dialect().withComment('#') : detected.dialect();
    CsvFileSchema schema = new CsvFileSchema(d, detected.columns(), null, detected.layout(),
        detected.sampledRecords(), detected.wholeFileSampled(), detected.flags(), true);
    for (int[] projection : new int[][] {{}, {0}, {1}, {2}, {3, 0}, {4}, {2, 4}, {0, 1, 2, 3, 4}}) {
      List<String> full = lines(f, schema, projection, false);
      assertEquals(20_000, full.size(), "the generated file is clean");
      assertEquals(full, lines(f, schema, projection, true), "projection " + java.util.Arrays.toString(projection));
    }
    // and split by split, once the file is known to be clean
    CsvTableSource source = new CsvTableSource(f, "quoted.csv", schema, 4096);
    count(source);
    assertTrue(CleanFiles.isClean(CleanFiles.stamp(f), schema));
    int[] some = {2, 0};
    List<String> split = new ArrayList<>();
    try (BatchReader r = source.open(some, rejects -> { }, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        split.addAll(lines(b, some.length));
      }
    }
    assertEquals(lines(f, schema, some, false), split);
  }

  /** Line, byte offset and the projected values of every row, read with or without the clean shortcut. */
  private static List<String> lines(Path f, CsvFileSchema schema, int[] projection, boolean clean) {
    List<String> out = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (CsvReader r = new CsvReader(f, "quoted.csv", schema, projection, 100, rejects::add, ProgressListener.NONE,
        -1, Long.MAX_VALUE, new byte[1 << 12], clean)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        out.addAll(lines(b, projection.length));
      }
    }
    assertEquals(List.of(), rejects);
    return out;
  }

  private static List<String> lines(Batch b, int columns) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < b.rowCount(); i++) {
      StringBuilder s = new StringBuilder().append(b.line(i)).append('|').append(b.byteOffset(i));
      for (int c = 0; c < columns; c++) {
        s.append('|').append(b.column(c).get(i));
      }
      out.add(s.toString());
    }
    return out;
  }

  private record Scan(long rows, List<Reject> rejects) {}

  private static CsvOptions options(String types) {
    return new CsvOptions(",", "\"", "\"", true, null, CsvOptions.parseTypes(types), null, null, null);
  }

  private static CsvTableSource source(Path f, CsvOptions options, long split) {
    CsvFileSchema schema = CsvSchemaDetector.detect(f, options);
    return split == 0 ? new CsvTableSource(f, f.getFileName().toString(), schema)
        : new CsvTableSource(f, f.getFileName().toString(), schema, split);
  }

  private boolean clean(CsvTableSource source) {
    return CleanFiles.isClean(CleanFiles.stamp(dir.resolve(name)), source.schema());
  }

  private String name; // the file last written

  /** count(*): no column read. */
  private static Scan count(CsvTableSource source) {
    List<Reject> rejects = new ArrayList<>();
    long[] n = source.fold(new int[0], rejects::add, () -> new long[1], (s, b) -> s[0] += b.rowCount(), (a, b) -> {
      a[0] += b[0];
      return a;
    });
    return new Scan(n[0], rejects);
  }

  private static List<String> rows(CsvTableSource source, int[] projection) {
    List<String> rows = new ArrayList<>();
    try (BatchReader r = source.open(projection, rejects -> { }, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int i = 0; i < b.rowCount(); i++) {
          rows.add(String.valueOf(b.column(0).get(i)));
        }
      }
    }
    return rows;
  }

  /** {@code ROWS} rows; row {@code badRow} (0-based, or -1) has {@code qty} = {@code bad}, the others 7. */
  private Path write(String name, int badRow, String bad) throws IOException {
    StringBuilder s = new StringBuilder("id,qty,price,note\n");
    for (int i = 0; i < ROWS; i++) {
      s.append(i).append(',').append(i == badRow ? bad : "7").append(',').append(i % 1000).append(".25,")
          .append(i % 3 == 0 ? "\"a, \"\"b\"\"\"" : "plain").append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, s, StandardCharsets.UTF_8);
    this.name = name;
    return f;
  }
}
