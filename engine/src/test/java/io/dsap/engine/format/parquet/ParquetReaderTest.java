package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.ValidationResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReaderTest {
  @TempDir
  Path dir;

  private static TableSource open(Path file) {
    return new ParquetFormat().open(file, file.getFileName().toString(), "", FormatOptions.NONE);
  }

  @Test
  void everyTypeMapsToItsSqlType() {
    Path f = dir.resolve("all.parquet");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    assertEquals(List.of("id INTEGER", "b BOOLEAN", "i32 INTEGER", "i8 INTEGER", "u16 INTEGER", "u32 BIGINT",
        "i64 BIGINT", "u64 DECIMAL(20,0)", "f DOUBLE", "d DOUBLE", "s VARCHAR", "e VARCHAR", "j VARCHAR",
        "raw VARBINARY", "fixed VARBINARY", "dec_i32 DECIMAL(9,2)", "dec_i64 DECIMAL(18,4)", "dec_bin DECIMAL(25,3)",
        "dec_flba DECIMAL(38,10)", "dec_small_flba DECIMAL(10,2)", "day DATE", "t_ms TIME", "t_us TIME", "t_ns TIME",
        "ts_ms TIMESTAMP", "ts_us TIMESTAMP", "ts_ns TIMESTAMP", "ts96 TIMESTAMP", "u VARCHAR", "half DOUBLE",
        "iv VARCHAR"), Rows.types(open(f)));
  }

  @Test
  void valuesOfEveryTypeAreReadExactly() {
    Path f = dir.resolve("all.parquet");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    List<List<Object>> rows = Rows.all(open(f));
    assertEquals(3, rows.size());
    List<Object> r = rows.get(0);
    List<Object> expected = Arrays.asList(0, true, -5, -128, 65535, 4294967295L, Long.MIN_VALUE,
        new BigDecimal("18446744073709551615"), 0.1, -2.5, "h\u00e9llo \u2713", "RED", "{\"a\":1}",
        new ByteString(new byte[] {0, 1, 2, (byte) 0xff}), new ByteString(new byte[] {9, 8, 7, 6}),
        new BigDecimal("-123.45"), new BigDecimal("12345678901234.5678"), new BigDecimal("1234567890123456789.012"),
        new BigDecimal("-1E-10"), new BigDecimal("123.45"),
        19723, // DATE: days since 1970-01-01 (2024-01-01)
        3_723_004, 3_723_004, 3_723_004, // TIME: millis of the day (01:02:03.004); micros and nanos floored
        1_704_067_200_123L, 1_704_067_200_123L, -1L, 1_704_067_200_123L, // TIMESTAMP: epoch millis UTC
        "123e4567-e89b-12d3-a456-426614174000", -2.5, "P14M3DT0.5S");
    for (int c = 0; c < expected.size(); c++) {
      assertEquals(expected.get(c), r.get(c), "column " + open(f).columns().get(c).name());
    }
    assertEquals(new BigDecimal("-1E-10").compareTo((BigDecimal) r.get(18)), 0);
  }

  @Test
  void nullsAreNull() {
    Path f = dir.resolve("all.parquet");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    List<Object> r = Rows.all(open(f)).get(1);
    assertEquals(1, r.get(0));
    for (int c = 1; c < r.size(); c++) {
      assertNull(r.get(c), "column " + c);
    }
  }

  @Test
  void severalRowGroupsAreReadInOrder() {
    Path f = dir.resolve("many.parquet");
    ParquetFixtures.writeAllTypes(f, 30_000, 16 << 10);
    TableSource t = open(f);
    int groups = (Integer) t.describe().get("row_groups");
    assertTrue(groups > 3, "row groups: " + groups);
    assertEquals(30_000L, t.knownRowCount().getAsLong());
    for (String prefetch : new String[] {"true", "false"}) {
      System.setProperty("dsap.parquet.prefetch", prefetch);
      try {
        List<List<Object>> rows = Rows.read(t, 0, 2, 10);
        assertEquals(30_000, rows.size());
        for (int i = 0; i < rows.size(); i++) {
          assertEquals(i, rows.get(i).get(0), "row order with prefetch=" + prefetch);
        }
        assertEquals(29_999, rows.get(29_999).get(1));
        assertEquals("row 29999", rows.get(29_999).get(2));
      } finally {
        System.clearProperty("dsap.parquet.prefetch");
      }
    }
  }

  @Test
  void rowsKnowTheirRowNumber() {
    Path f = dir.resolve("many.parquet");
    ParquetFixtures.writeAllTypes(f, 20_000, 16 << 10);
    try (BatchReader r = open(f).open(new int[] {0}, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int i = 0; i < b.rowCount(); i++) {
          assertEquals(((Integer) b.column(0).get(i)) + 1L, b.line(i));
        }
      }
      assertEquals(20_000, r.stats().rowsReturned());
      assertEquals(0, r.stats().rowsRejected());
    }
  }

  @Test
  void validationPointsAtTheRowNumberAcrossRowGroupsAndBatches() {
    // rows 0, 9_000 and 19_999 fail the rule: first batch, a middle row group, the last row
    Path f = dir.resolve("many.parquet");
    ParquetFixtures.writeAllTypes(f, 20_000, 16 << 10);
    assertTrue(ParquetFiles.readFooter(f, "many.parquet").getBlocks().size() > 3, "the file has several row groups");
    try (ValidationResult r = DataValidator.of(dir).validate("many.parquet", null,
        "id <> 0 AND id <> 9000 AND id <> 19999")) {
      List<Issue> issues = r.issues().filter(i -> i.check().startsWith("rule:")).toList();
      assertEquals(List.of(1L, 9_001L, 20_000L), issues.stream().map(Issue::line).toList());
      assertTrue(issues.get(1).message().startsWith("line 9001: "), issues.get(1).message());
    }
  }

  @Test
  void projectionReadsOnlyTheProjectedColumnChunks() {
    Path f = dir.resolve("many.parquet");
    ParquetFixtures.writeAllTypes(f, 30_000, 64 << 10);
    TableSource t = open(f);
    long all = bytesRead(t, java.util.stream.IntStream.range(0, t.columns().size()).toArray());
    long idOnly = bytesRead(t, 0);
    long none = bytesRead(t);
    assertTrue(idOnly * 3 < all, "reading id alone read " + idOnly + " bytes, all columns " + all);
    assertEquals(0, none, "count(*) reads no data: the footer has the row counts");
    assertEquals(List.of(List.of("row 5", 5)), Rows.read(t, 10, 2).subList(5, 6));
  }

  private static long bytesRead(TableSource t, int... projection) {
    System.setProperty("dsap.parquet.prefetch", "false");
    try (BatchReader r = t.open(projection, RejectSink.DISCARD, ProgressListener.NONE)) {
      long rows = 0;
      for (Batch b = r.next(); b != null; b = r.next()) {
        rows += b.rowCount();
      }
      assertEquals(t.knownRowCount().getAsLong(), rows);
      return ((ParquetBatchReader) r).bytesRead();
    } finally {
      System.clearProperty("dsap.parquet.prefetch");
    }
  }

  @Test
  void nestedFieldsAreJsonText() {
    Path f = dir.resolve("nested.parquet");
    ParquetFixtures.writeNested(f);
    TableSource t = open(f);
    assertEquals(List.of("id INTEGER", "tags VARCHAR", "attrs VARCHAR", "point VARCHAR", "legacy VARCHAR",
        "old_list VARCHAR"), Rows.types(t));
    assertEquals(List.of("nested_as_json"), t.flags());
    List<List<Object>> rows = Rows.all(t);
    assertEquals(Arrays.asList(0, "[\"a\",null,\"c\"]", "{\"k1\":1,\"k2\":null}",
        "{\"x\":1.5,\"y\":null,\"inner\":{\"day\":\"2024-01-01\"}}", "[1,2]", "[7,8]"), rows.get(0));
    assertEquals(Arrays.asList(1, null, "{}", null, "[]", null), rows.get(1));
    // a nested column next to flat ones, projected alone and out of order
    assertEquals(List.of(List.of("[7,8]", 0)), Rows.read(t, 5, 0).subList(0, 1));
  }

  @Test
  void binaryAsStringReadsUnannotatedBinaryAsText() throws IOException {
    Path f = dir.resolve("legacy.parquet");
    ParquetFixtures.write(f, "message m { optional binary name; }", 1, 1 << 20,
        org.apache.parquet.hadoop.metadata.CompressionCodecName.GZIP, (i, g) -> g.add("name", "Zo\u00eb"));
    ParquetFormat format = new ParquetFormat();
    TableSource bytes = format.open(f, "legacy.parquet", "", FormatOptions.NONE);
    TableSource text = format.open(f, "legacy.parquet", "", FormatOptions.of(Map.of("binary_as_string", true)));
    assertEquals(List.of("name VARBINARY"), Rows.types(bytes));
    assertEquals(List.of("name VARCHAR"), Rows.types(text));
    assertEquals("Zo\u00eb", Rows.all(text).get(0).get(0));
    assertEquals("SELECT * FROM read_parquet(path => 'legacy.parquet', binary_as_string => true)",
        text.readStatement("legacy.parquet"));
  }

  @Test
  void describeShowsRowGroupsCodecWriterAndSchema() {
    Path f = dir.resolve("all.parquet");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    Map<String, Object> d = open(f).describe();
    assertEquals(1, d.get("row_groups"));
    assertEquals("SNAPPY", d.get("compression"));
    assertTrue(d.get("created_by").toString().startsWith("parquet-mr"), d.toString());
    assertTrue(d.get("schema").toString().startsWith("message all_types { required int32 id;"), d.toString());
    assertEquals("SELECT * FROM read_parquet(path => 'all.parquet')", open(f).readStatement("all.parquet"));
  }

  @Test
  void detectedByMagicBytesWhateverTheName() throws IOException {
    Path f = dir.resolve("data.bin");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    assertEquals("parquet", new FormatRegistry(List.of(new io.dsap.engine.csv.CsvFormat(), new ParquetFormat()))
        .detect(f).name());
  }

  @Test
  void aTruncatedFileFailsSayingTheFooterIsMissing() throws IOException {
    Path whole = dir.resolve("whole.parquet");
    ParquetFixtures.writeAllTypes(whole, 1000, 1 << 20);
    byte[] b = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.parquet");
    Files.write(cut, Arrays.copyOf(b, b.length / 2));
    DsapException e = assertThrows(DsapException.class, () -> open(cut));
    assertEquals(ErrorCode.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().contains("'cut.parquet'"), e.getMessage());
    assertTrue(e.getMessage().contains("the footer is missing"), e.getMessage());
    assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    assertTrue(e.getMessage().contains("Copy or export the file again"), e.getMessage());
    assertArrayEquals(Arrays.copyOf(b, b.length / 2), Files.readAllBytes(cut), "reading never writes");
    try (var listing = Files.list(dir)) {
      assertEquals(2, listing.count(), "nothing left behind");
    }
  }

  @Test
  void aFileThatIsNotParquetSaysSo() throws IOException {
    Path f = dir.resolve("fake.parquet");
    Files.writeString(f, "id,name\n1,a\n2,b\n");
    DsapException e = assertThrows(DsapException.class, () -> open(f));
    assertTrue(e.getMessage().contains("does not start with the Parquet magic bytes PAR1"), e.getMessage());
  }

  @Test
  void damagedDataPagesFailWithRowGroupAndColumn() throws IOException {
    Path f = dir.resolve("damaged.parquet");
    ParquetFixtures.write(f, "message m { required binary s (STRING); }", 5000, 1 << 20,
        org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY, (i, g) -> g.add("s", "value " + i));
    byte[] b = Files.readAllBytes(f);
    for (int i = 100; i < 400; i++) {
      b[i] = (byte) 0x5a; // inside the first data page, footer intact
    }
    Files.write(f, b);
    TableSource t = open(f);
    DsapException e = assertThrows(DsapException.class, () -> Rows.all(t));
    assertEquals(ErrorCode.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().contains("'damaged.parquet': row group 1 of 1"), e.getMessage());
  }
}
