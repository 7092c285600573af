package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetWriterSinkTest {
  @TempDir
  Path dir;

  /** One column of every dsap type, decimals in each of Parquet's three encodings. */
  static final List<ColumnSpec> COLUMNS = List.of(
      col("id", ColumnType.INTEGER, 0, 0),
      col("flag", ColumnType.BOOLEAN, 0, 0),
      col("big", ColumnType.BIGINT, 0, 0),
      col("price", ColumnType.DECIMAL, 9, 2),
      col("amount", ColumnType.DECIMAL, 18, 4),
      col("huge", ColumnType.DECIMAL, 30, 5),
      col("ratio", ColumnType.DOUBLE, 0, 0),
      col("day", ColumnType.DATE, 0, 0),
      col("at", ColumnType.TIMESTAMP, 0, 0),
      col("clock", ColumnType.TIME, 0, 0),
      col("name", ColumnType.VARCHAR, 0, 0),
      col("bytes", ColumnType.VARBINARY, 0, 0));

  static ColumnSpec col(String name, ColumnType t, int precision, int scale) {
    return new ColumnSpec(name, t, precision, scale, null, "test");
  }

  /** Rows as Java values (what SQL hands over), row 1 all NULL. */
  static List<Object[]> rows(int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i == 1) {
        Object[] nulls = new Object[COLUMNS.size()];
        nulls[0] = 1;
        rows.add(nulls);
        continue;
      }
      rows.add(new Object[] {i, i % 2 == 0, 10_000_000_000L * i - 7, new BigDecimal(i + ".25").negate(),
          new BigDecimal("12345678901234.5678").add(BigDecimal.valueOf(i)),
          new BigDecimal("-1234567890123456789012345.12345").add(BigDecimal.valueOf(i)),
          i / 3.0, LocalDate.of(2024, 1, 1).plusDays(i), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000).plusHours(i),
          LocalTime.of(23, 59, 59, 999_000_000).minusSeconds(i), "na\u00efve \u2713 " + i,
          new ByteString(new byte[] {(byte) i, 0, (byte) 0xff})});
    }
    return rows;
  }

  /** The values as reading gives them back (DATE as epoch days, TIMESTAMP/TIME as millis). */
  static List<Object> expected(Object[] row) {
    List<Object> out = new ArrayList<>(Arrays.asList(row));
    if (row[7] != null) {
      out.set(7, (int) ((LocalDate) row[7]).toEpochDay());
      out.set(8, ((LocalDateTime) row[8]).toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
      out.set(9, (int) (((LocalTime) row[9]).toNanoOfDay() / 1_000_000));
    }
    return out;
  }

  private TableSource read(Path f) {
    return new ParquetFormat().open(f, f.getFileName().toString(), "", FormatOptions.NONE);
  }

  @Test
  void roundTripKeepsEveryTypeAndValue() throws IOException {
    Path f = dir.resolve("out.parquet");
    List<Object[]> rows = rows(5000);
    try (ParquetWriterSink sink = ParquetWriterSink.create(f, COLUMNS, ParquetWriterSink.Options.DEFAULTS
        .withRowGroupBytes(32 << 10))) {
      rows.forEach(sink::writeRow);
      assertEquals(5000, sink.rowsWritten());
      assertFalse(Files.exists(f), "nothing at the target before the commit");
      sink.commit();
    }
    TableSource t = read(f);
    assertEquals(COLUMNS.stream().map(c -> c.name() + " " + c.typeText()).toList(), Rows.types(t));
    assertTrue((Integer) t.describe().get("row_groups") > 1, t.describe().toString());
    assertEquals("SNAPPY", t.describe().get("compression"));
    List<List<Object>> back = Rows.all(t);
    assertEquals(rows.size(), back.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected(rows.get(i)), back.get(i), "row " + i);
    }
    assertEquals(List.of("out.parquet"), listing(), "only the file: no temporary file left");
  }

  @Test
  void batchesAreWrittenAsTheyAre() {
    Path f = dir.resolve("batches.parquet");
    int[] all = java.util.stream.IntStream.range(0, COLUMNS.size()).toArray();
    RowAppender a = new RowAppender(COLUMNS, all, 100);
    List<Object[]> rows = rows(250);
    try (ParquetWriterSink sink = ParquetWriterSink.create(f, COLUMNS, ParquetWriterSink.Options.DEFAULTS
        .withCompression(ParquetWriterSink.Compression.ZSTD))) {
      for (Object[] r : rows) {
        for (int c = 0; c < r.length; c++) {
          assertEquals(null, a.value(c, r[c]));
        }
        a.commit(-1, -1);
        if (a.full()) {
          sink.write(a.finish());
          a.reset();
        }
      }
      sink.write(a.finish());
      sink.commit();
    }
    List<List<Object>> back = Rows.all(read(f));
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected(rows.get(i)), back.get(i), "row " + i);
    }
    assertEquals("ZSTD", read(f).describe().get("compression"));
  }

  @Test
  void sqlInternalValuesAreAccepted() {
    Path f = dir.resolve("internal.parquet");
    List<ColumnSpec> cols = List.of(COLUMNS.get(7), COLUMNS.get(8), COLUMNS.get(9));
    try (ParquetWriterSink sink = ParquetWriterSink.create(f, cols, ParquetWriterSink.Options.DEFAULTS)) {
      sink.writeRow(new Object[] {19723, 1_704_067_200_123L, 3_723_004}); // Calcite's own representation
      sink.writeRow(new Object[] {java.sql.Date.valueOf("2024-01-01"), java.sql.Timestamp.valueOf("2024-01-01 00:00:00.123"),
          java.sql.Time.valueOf("01:02:03")});
      sink.writeRow(new Object[] {LocalDate.of(2024, 1, 1), Instant.ofEpochMilli(1_704_067_200_123L), LocalTime.of(1, 2, 3)});
      sink.commit();
    }
    assertEquals(List.of(List.of(19723, 1_704_067_200_123L, 3_723_004), List.of(19723, 1_704_067_200_123L, 3_723_000),
        List.of(19723, 1_704_067_200_123L, 3_723_000)), Rows.all(read(f)));
  }

  @Test
  void aFailureMidWriteLeavesNothingBehind() throws IOException {
    Path f = dir.resolve("fail.parquet");
    List<Object[]> rows = rows(20_000);
    RuntimeException boom = assertThrows(IllegalStateException.class, () -> {
      try (ParquetWriterSink sink = ParquetWriterSink.create(f, COLUMNS, ParquetWriterSink.Options.DEFAULTS
          .withRowGroupBytes(16 << 10))) {
        for (int i = 0; i < rows.size(); i++) {
          if (i == 15_000) {
            assertTrue(hiddenTempFileExists(), "rows are being written to the temporary file");
            throw new IllegalStateException("the query failed half way");
          }
          sink.writeRow(rows.get(i));
        }
        sink.commit();
      }
    });
    assertEquals("the query failed half way", boom.getMessage());
    assertEquals(List.of(), listing(), "no target, no temporary file");
  }

  @Test
  void aValueThatDoesNotFitFailsNamingRowAndColumnAndLeavesTheOldFile() throws IOException {
    Path f = dir.resolve("keep.parquet");
    Files.writeString(f, "the previous export");
    DsapException e = assertThrows(DsapException.class, () -> {
      try (ParquetWriterSink sink = ParquetWriterSink.create(f, COLUMNS, ParquetWriterSink.Options.DEFAULTS)) {
        sink.writeRow(rows(1).get(0));
        Object[] bad = rows(3).get(2);
        bad[3] = new BigDecimal("12345678.9"); // DECIMAL(9,2): 10 digits
        sink.writeRow(bad);
        sink.commit();
      }
    });
    assertTrue(e.getMessage().contains("cannot write row 2 to 'keep.parquet'"), e.getMessage());
    assertTrue(e.getMessage().contains("column price (DECIMAL(9,2))"), e.getMessage());
    assertEquals("the previous export", Files.readString(f), "the target is untouched");
    assertEquals(List.of("keep.parquet"), listing());
  }

  @Test
  void aCommitThatCannotRenameLeavesNothingBehind() throws IOException {
    Path f = dir.resolve("taken.parquet");
    Files.createDirectories(f.resolve("child")); // a non-empty folder cannot be replaced by a file
    try (ParquetWriterSink sink = ParquetWriterSink.create(f, COLUMNS, ParquetWriterSink.Options.DEFAULTS)) {
      sink.writeRow(rows(1).get(0));
      assertThrows(DsapException.class, sink::commit);
    }
    assertEquals(List.of("taken.parquet"), listing());
    assertTrue(Files.isDirectory(f.resolve("child")));
  }

  @Test
  void aMissingFolderIsReportedBeforeWriting() {
    DsapException e = assertThrows(DsapException.class,
        () -> ParquetWriterSink.create(dir.resolve("no/such/out.parquet"), COLUMNS, ParquetWriterSink.Options.DEFAULTS));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  private boolean hiddenTempFileExists() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".fail.parquet.")
          && p.getFileName().toString().endsWith(".tmp"));
    }
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
