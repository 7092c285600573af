package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.format.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page decoder ({@link PageDecoder}) against parquet-column's {@code ColumnReader}: the same
 * file read both ways gives the same batches, value by value and null by null, for files written by
 * parquet-java (dictionary on and off, page v1 and v2, many pages per chunk, dictionaries that
 * overflow to PLAIN, DELTA encodings) and by DuckDB.
 */
class PageDecoderTest {
  @TempDir
  Path dir;

  /** Every leaf the page decoder reads, optional and required, low and high cardinality. */
  static final String SCHEMA = """
      message t {
        required int32 id;
        optional int32 i32;
        optional int32 day (DATE);
        optional int32 u32 (INTEGER(32,false));
        optional int32 dec9 (DECIMAL(9,2));
        optional int64 i64;
        optional int64 i64_many;
        optional int64 ts_ms (TIMESTAMP(MILLIS,true));
        optional int64 ts_us (TIMESTAMP(MICROS,false));
        optional int64 dec18 (DECIMAL(18,4));
        optional double d;
        required double d_req;
        optional binary s (STRING);
        optional binary s_many (STRING);
        required binary s_req (STRING);
        optional binary s_null (STRING);
        optional boolean b;
      }
      """;

  static final int ROWS = 20_000;

  private static void row(int i, Group g) {
    g.add("id", i);
    if (i % 7 != 0) {
      g.add("i32", i % 50 - 25);
    }
    if (i % 5 != 1) {
      g.add("day", 19_000 + i % 40);
    }
    if (i % 3 != 0) {
      g.add("u32", -1 - i % 9); // above 2^31 unsigned
    }
    if (i % 4 != 2) {
      g.add("dec9", i % 1000 - 500);
    }
    if (i % 6 != 5) {
      g.add("i64", (i % 30) * 1_000_000_007L);
    }
    if (i % 11 != 3) {
      g.add("i64_many", i / 3 * 1_000_000_007L - 77); // repeats: a dictionary first, PLAIN once it is full
    }
    if (i % 9 != 4) {
      g.add("ts_ms", 1_704_067_200_123L + i * 1000L % 7_000);
    }
    if (i % 8 != 7) {
      g.add("ts_us", -1_000_001L + i * 13L);
    }
    if (i % 10 != 0) {
      g.add("dec18", i * 10_001L);
    }
    if (i % 13 != 1) {
      g.add("d", i % 2 == 0 ? i / 8.0 : -i * 0.1);
    }
    g.add("d_req", (i % 16) / 4.0);
    if (i % 12 != 11) {
      g.add("s", new String[] {"paid", "shipped", "zürich ✓", "", "pending"}[i % 5]);
    }
    if (i % 17 != 2) {
      g.add("s_many", "value " + i / 3 + " ✓");
    }
    g.add("s_req", "k" + i % 3);
    if (i % 2 == 0) {
      g.add("b", i % 4 == 0);
    }
  }

  private Path writeParquetJava(String name, boolean dictionary, WriterVersion version, CompressionCodecName codec)
      throws IOException {
    Path file = dir.resolve(name);
    MessageType type = MessageTypeParser.parseMessageType(SCHEMA);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withRowGroupSize(256 * 1024)
        .withPageSize(2048)
        .withDictionaryPageSize(4096) // high-cardinality columns overflow to PLAIN mid-chunk
        .withDictionaryEncoding(dictionary)
        .withWriterVersion(version)
        .withCompressionCodec(codec)
        .build()) {
      for (int i = 0; i < ROWS; i++) {
        Group g = groups.newGroup();
        row(i, g);
        w.write(g);
      }
    }
    return file;
  }

  /** A file read both ways; returns its footer for checks on how it was written. */
  private ParquetMetadata assertSameBothWays(Path file, int batchSize) {
    ParquetMetadata footer = ParquetFiles.readFooter(file, file.getFileName().toString());
    List<ParquetColumn> columns = ParquetColumn.of(footer.getFileMetaData().getSchema(), false);
    int[] all = IntStream.range(0, columns.size()).toArray();
    Decoded pages = decode(file, footer, columns, all, batchSize, true);
    Decoded readers = decode(file, footer, columns, all, batchSize, false);
    assertEquals(0, readers.pageDecodedChunks);
    long flat = columns.stream().filter(c -> c.flat() && !c.field().asPrimitiveType().getPrimitiveTypeName().name()
        .equals("BOOLEAN")).count();
    assertEquals(flat * footer.getBlocks().size(), pages.pageDecodedChunks,
        "every column but the BOOLEAN one is decoded page by page");
    assertEquals(readers.rows.size(), pages.rows.size());
    for (int r = 0; r < readers.rows.size(); r++) {
      assertEquals(readers.rows.get(r), pages.rows.get(r), file.getFileName() + " row " + r);
    }
    // a projection of one column in the middle gives the same values too
    int mid = columns.size() / 2;
    assertEquals(decode(file, footer, columns, new int[] {mid}, batchSize, false).rows,
        decode(file, footer, columns, new int[] {mid}, batchSize, true).rows);
    return footer;
  }

  /** Batches decoded one way, rendered row by row (text values also through data()/start()/end()). */
  private record Decoded(List<String> rows, int pageDecodedChunks, int batches, int dictionaryBatches,
      int directChunks) {}

  /** How a decoder reads its chunks. */
  private enum Way { DIRECT_PAGES, PARQUET_HADOOP_PAGES, COLUMN_READERS }

  private static Decoded decode(Path file, ParquetMetadata footer, List<ParquetColumn> columns, int[] projection,
      int batchSize, boolean pages) {
    return decode(file, footer, columns, projection, batchSize, pages ? Way.DIRECT_PAGES : Way.COLUMN_READERS);
  }

  private static Decoded decode(Path file, ParquetMetadata footer, List<ParquetColumn> columns, int[] projection,
      int batchSize, Way way) {
    List<String> rows = new ArrayList<>();
    int dictionaryBatches = 0;
    int batches = 0;
    RowGroupDecoder d = new RowGroupDecoder(file, file.getFileName().toString(), footer, columns, projection, false,
        ProgressListener.NONE);
    if (way == Way.COLUMN_READERS) {
      d.columnReadersOnly();
    } else if (way == Way.PARQUET_HADOOP_PAGES) {
      d.parquetHadoopPages();
    }
    try (d) {
      Batch b = d.newBatch(batchSize);
      while (d.fill(b)) {
        batches++;
        for (int c = 0; c < b.columnCount(); c++) {
          if (b.column(c) instanceof StringVector s && s.dictionary() != null) {
            dictionaryBatches++;
          }
        }
        for (int r = 0; r < b.rowCount(); r++) {
          StringBuilder sb = new StringBuilder().append(b.line(r)).append(':');
          for (int c = 0; c < b.columnCount(); c++) {
            ColumnVector v = b.column(c);
            Object value = v.get(r);
            sb.append(value == null ? "NULL" : value.getClass().getSimpleName() + "=" + value);
            if (v instanceof StringVector s && !s.isNull(r)) {
              sb.append('/').append(new String(s.data(), s.start(r), s.end(r) - s.start(r), StandardCharsets.UTF_8));
            }
            sb.append('|');
          }
          rows.add(sb.toString());
        }
      }
      return new Decoded(rows, d.pageDecodedChunks(), batches, dictionaryBatches, d.directChunksRead());
    }
  }

  private static Set<Encoding> encodings(ParquetMetadata footer, String column) {
    Set<Encoding> out = EnumSet.noneOf(Encoding.class);
    for (BlockMetaData b : footer.getBlocks()) {
      for (ColumnChunkMetaData c : b.getColumns()) {
        if (c.getPath().toDotString().equals(column)) {
          out.addAll(c.getEncodings());
        }
      }
    }
    return out;
  }

  private static long maxChunkBytes(ParquetMetadata footer, String column) {
    long max = 0;
    for (BlockMetaData b : footer.getBlocks()) {
      for (ColumnChunkMetaData c : b.getColumns()) {
        if (c.getPath().toDotString().equals(column)) {
          max = Math.max(max, c.getTotalUncompressedSize());
        }
      }
    }
    return max;
  }

  @Test
  void dictionaryPagesV1WithOverflowToPlain() throws IOException {
    Path file = writeParquetJava("dict_v1.parquet", true, WriterVersion.PARQUET_1_0, CompressionCodecName.SNAPPY);
    ParquetMetadata footer = assertSameBothWays(file, 1000);
    assertTrue(footer.getBlocks().size() > 1, "several row groups");
    assertTrue(encodings(footer, "s").contains(Encoding.PLAIN_DICTIONARY), encodings(footer, "s").toString());
    Set<Encoding> many = encodings(footer, "s_many");
    assertTrue(many.contains(Encoding.PLAIN_DICTIONARY) && many.contains(Encoding.PLAIN),
        "the dictionary of s_many overflowed to PLAIN: " + many);
    assertTrue(encodings(footer, "i64_many").contains(Encoding.PLAIN), encodings(footer, "i64_many").toString());
    assertTrue(maxChunkBytes(footer, "s_many") > 4 * 2048, "several pages per chunk");
    // batch sizes that cut pages at other places
    assertSameBothWays(file, 8192);
    assertSameBothWays(file, 37);
  }

  @Test
  void dictionaryPagesV2() throws IOException {
    Path file = writeParquetJava("dict_v2.parquet", true, WriterVersion.PARQUET_2_0,
        CompressionCodecName.UNCOMPRESSED);
    ParquetMetadata footer = assertSameBothWays(file, 1000);
    assertTrue(encodings(footer, "s").contains(Encoding.RLE_DICTIONARY), encodings(footer, "s").toString());
    // parquet-java's v2 writer falls back to DELTA encodings: read by parquet-column's values readers
    assertTrue(encodings(footer, "s_many").contains(Encoding.DELTA_BYTE_ARRAY), encodings(footer, "s_many").toString());
    assertSameBothWays(file, 555);
  }

  @Test
  void plainPagesV1() throws IOException {
    Path file = writeParquetJava("plain_v1.parquet", false, WriterVersion.PARQUET_1_0, CompressionCodecName.GZIP);
    ParquetMetadata footer = assertSameBothWays(file, 1000);
    assertFalse(encodings(footer, "s").contains(Encoding.PLAIN_DICTIONARY), encodings(footer, "s").toString());
    assertTrue(encodings(footer, "d").contains(Encoding.PLAIN), encodings(footer, "d").toString());
  }

  @Test
  void deltaPagesV2() throws IOException {
    Path file = writeParquetJava("delta_v2.parquet", false, WriterVersion.PARQUET_2_0, CompressionCodecName.SNAPPY);
    ParquetMetadata footer = assertSameBothWays(file, 1000);
    assertTrue(encodings(footer, "i64").contains(Encoding.DELTA_BINARY_PACKED), encodings(footer, "i64").toString());
    assertTrue(encodings(footer, "s").contains(Encoding.DELTA_BYTE_ARRAY), encodings(footer, "s").toString());
  }

  @Test
  void dictionaryTextStaysAsIds() throws IOException {
    Path file = writeParquetJava("ids.parquet", true, WriterVersion.PARQUET_1_0, CompressionCodecName.SNAPPY);
    ParquetMetadata footer = ParquetFiles.readFooter(file, "ids.parquet");
    List<ParquetColumn> columns = ParquetColumn.of(footer.getFileMetaData().getSchema(), false);
    int s = IntStream.range(0, columns.size()).filter(i -> columns.get(i).field().getName().equals("s")).findFirst()
        .orElseThrow();
    Decoded pages = decode(file, footer, columns, new int[] {s}, 1000, true);
    Decoded readers = decode(file, footer, columns, new int[] {s}, 1000, false);
    assertEquals(readers.rows, pages.rows);
    assertTrue(pages.batches >= ROWS / 1000, "batches: " + pages.batches);
    assertEquals(pages.batches, pages.dictionaryBatches, "every batch of s points into its chunk's dictionary");
    assertEquals(0, readers.dictionaryBatches);
  }

  /** DuckDB's files: dictionary and PLAIN pages, v1 and v2 pages, NULLs, several row groups. */
  @Test
  void duckDbFiles() throws SQLException {
    String rows = """
        SELECT i::INTEGER AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 40)::INTEGER END AS small_int,
          (i::BIGINT * 1000003)::BIGINT AS big, CASE WHEN i % 9 = 0 THEN NULL ELSE i / 3.0 END::DOUBLE AS d,
          CASE WHEN i % 11 = 0 THEN NULL ELSE ['paid','shipped','zürich ✓','','pending'][i % 5 + 1] END AS status,
          'email' || (i * 7919 % 50000) || '@example.org' AS email,
          DATE '2024-01-01' + (i % 500)::INTEGER AS dt,
          make_timestamp(1704067200123456 + i * 3600000001) AS ts,
          (i * 1.25 - 1000)::DECIMAL(9,2) AS dec9, (i * 12345.0123)::DECIMAL(18,4) AS dec18
        FROM range(0, 50000) t(i)
        """;
    int files = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      for (String options : List.of("", ", PARQUET_VERSION V2", ", COMPRESSION UNCOMPRESSED")) {
        Path file = dir.resolve("duck" + files++ + ".parquet");
        st.execute("COPY (" + rows + ") TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 12000" + options + ")");
        ParquetMetadata footer = assertSameBothWays(file, 8192);
        assertTrue(footer.getBlocks().size() > 1, "several row groups");
        assertTrue(encodings(footer, "status").stream().anyMatch(Encoding::usesDictionary),
            encodings(footer, "status").toString());
        assertSameBothWays(file, 1000);
      }
    }
  }

  @Test
  void pageDecodingCanBeTurnedOff() {
    System.setProperty("dsap.parquet.pages", "false");
    try {
      assertFalse(RowGroupDecoder.pageDecodingEnabled());
    } finally {
      System.clearProperty("dsap.parquet.pages");
    }
    assertTrue(RowGroupDecoder.pageDecodingEnabled());
    assertNotNull(ParquetLeaves.of(MessageTypeParser.parseMessageType(SCHEMA).getType("d").asPrimitiveType(), false)
        .pages());
    assertNull(ParquetLeaves.of(MessageTypeParser.parseMessageType(SCHEMA).getType("b").asPrimitiveType(), false)
        .pages(), "BOOLEAN goes through the ColumnReader");
  }

  /**
   * The page-decoded columns (all but the BOOLEAN one) read three ways: chunks straight from the
   * file, the same pages through parquet-hadoop's reader, and the ColumnReader. Returns the direct
   * decoding.
   */
  private static Decoded assertDirectSameAsOtherWays(Path file, int batchSize) {
    ParquetMetadata footer = ParquetFiles.readFooter(file, file.getFileName().toString());
    List<ParquetColumn> columns = ParquetColumn.of(footer.getFileMetaData().getSchema(), false);
    int[] paged = IntStream.range(0, columns.size())
        .filter(i -> ParquetLeaves.of(columns.get(i).field().asPrimitiveType(), false).pages() != null).toArray();
    Decoded direct = decode(file, footer, columns, paged, batchSize, Way.DIRECT_PAGES);
    Decoded hadoop = decode(file, footer, columns, paged, batchSize, Way.PARQUET_HADOOP_PAGES);
    Decoded readers = decode(file, footer, columns, paged, batchSize, Way.COLUMN_READERS);
    assertEquals(0, hadoop.directChunks);
    assertEquals(readers.rows.size(), direct.rows.size());
    for (int r = 0; r < readers.rows.size(); r++) {
      assertEquals(readers.rows.get(r), direct.rows.get(r), file.getFileName() + " row " + r);
    }
    assertEquals(readers.rows, hadoop.rows);
    return direct;
  }

  private static int chunks(Path file, int columns) {
    return columns * ParquetFiles.readFooter(file, file.getFileName().toString()).getBlocks().size();
  }

  /** Snappy, gzip and uncompressed chunks, v1 and v2 pages, dictionaries that overflow to PLAIN, DELTA pages. */
  @Test
  void chunksReadStraightFromTheFileDecodeAsParquetHadoopsPages() throws IOException {
    int paged = 16; // every column of SCHEMA but the BOOLEAN one
    for (Path file : List.of(
        writeParquetJava("direct_dict_v1.parquet", true, WriterVersion.PARQUET_1_0, CompressionCodecName.SNAPPY),
        writeParquetJava("direct_dict_v2.parquet", true, WriterVersion.PARQUET_2_0, CompressionCodecName.UNCOMPRESSED),
        writeParquetJava("direct_plain_v1.parquet", false, WriterVersion.PARQUET_1_0, CompressionCodecName.GZIP),
        writeParquetJava("direct_delta_v2.parquet", false, WriterVersion.PARQUET_2_0, CompressionCodecName.SNAPPY),
        writeParquetJava("direct_dict_v2_gzip.parquet", true, WriterVersion.PARQUET_2_0, CompressionCodecName.GZIP))) {
      Decoded direct = assertDirectSameAsOtherWays(file, 1000);
      assertEquals(chunks(file, paged), direct.directChunks, file + ": every chunk read straight from the file");
      assertDirectSameAsOtherWays(file, 37);
    }
  }

  /** A codec the direct reader does not handle (ZSTD) falls back to parquet-hadoop for the whole scan. */
  @Test
  void otherCodecsGoThroughParquetHadoop() throws IOException {
    Path file = writeParquetJava("zstd.parquet", true, WriterVersion.PARQUET_1_0, CompressionCodecName.ZSTD);
    Decoded direct = assertDirectSameAsOtherWays(file, 1000);
    assertEquals(0, direct.directChunks);
    assertTrue(direct.pageDecodedChunks > 0);
  }

  /** DuckDB's files (snappy, v2 pages, uncompressed), NULLs, all-NULL columns, several row groups. */
  @Test
  void duckDbChunksReadStraightFromTheFile() throws SQLException {
    String rows = """
        SELECT i::INTEGER AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 40)::INTEGER END AS small_int,
          (i::BIGINT * 1000003)::BIGINT AS big, CASE WHEN i % 9 = 0 THEN NULL ELSE i / 3.0 END::DOUBLE AS d,
          CASE WHEN i % 11 = 0 THEN NULL ELSE ['paid','shipped','zürich ✓','','pending'][i % 5 + 1] END AS status,
          'email' || (i * 7919 % 50000) || '@example.org' AS email, NULL::VARCHAR AS nothing,
          CASE WHEN i > 30000 THEN NULL ELSE i END::BIGINT AS late_nulls
        FROM range(0, 50000) t(i)
        """;
    int files = 0;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      for (String options : List.of("", ", PARQUET_VERSION V2", ", COMPRESSION UNCOMPRESSED", ", COMPRESSION GZIP")) {
        Path file = dir.resolve("duck_direct" + files++ + ".parquet");
        st.execute("COPY (" + rows + ") TO '" + file + "' (FORMAT PARQUET, ROW_GROUP_SIZE 12000" + options + ")");
        Decoded direct = assertDirectSameAsOtherWays(file, 8192);
        assertEquals(chunks(file, 8), direct.directChunks, options);
        assertDirectSameAsOtherWays(file, 999);
      }
    }
  }

  @Test
  void directChunksCanBeTurnedOff() {
    System.setProperty("dsap.parquet.direct", "false");
    try {
      assertFalse(RowGroupDecoder.directChunksEnabled());
    } finally {
      System.clearProperty("dsap.parquet.direct");
    }
    assertTrue(RowGroupDecoder.directChunksEnabled());
  }
}
