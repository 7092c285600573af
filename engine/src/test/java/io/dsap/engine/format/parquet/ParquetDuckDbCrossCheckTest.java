package io.dsap.engine.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsap against DuckDB, an independent Parquet implementation: files DuckDB writes are read by
 * dsap with the values DuckDB itself reads, and files dsap writes are read by DuckDB with the
 * values dsap wrote. Values are compared in a neutral form: integers as long, decimals as plain
 * text, DATE as epoch days, TIMESTAMP as epoch millis, TIME as millis of the day, bytes as hex,
 * nested values as JSON.
 */
class ParquetDuckDbCrossCheckTest {
  @TempDir
  Path dir;

  private Connection duck;

  @BeforeEach
  void open() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterEach
  void close() throws SQLException {
    duck.close();
  }

  /** Every type DuckDB writes that dsap maps, 3000 rows in several row groups, with NULLs. */
  private static final String DUCK_ROWS = """
      SELECT i::INTEGER AS id,
        CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS b,
        (i % 256 - 128)::TINYINT AS i8, (i * 7 - 10000)::SMALLINT AS i16,
        (i * 100003 - 5)::INTEGER AS i32, (i::BIGINT * 3000000000007 - 1)::BIGINT AS i64,
        (i % 256)::UTINYINT AS u8, (i * 20)::USMALLINT AS u16, (4294967295 - i)::UINTEGER AS u32,
        (18446744073709551615 - i)::UBIGINT AS u64,
        CASE WHEN i % 11 = 0 THEN NULL ELSE (i / 7.0)::FLOAT END AS f, (i / 7.0)::DOUBLE AS d,
        (i * 1.25 - 1000)::DECIMAL(9,2) AS dec9, (i * 123456789.0123)::DECIMAL(18,4) AS dec18,
        (i::HUGEINT * 1000000000000000000000 + 0.5)::DECIMAL(38,10) AS dec38,
        'text ' || i || ' \u00e9\u2713' AS s, CASE WHEN i % 5 = 0 THEN NULL ELSE repeat('x', i % 10) END AS s_null,
        encode('ab' || i) AS bl,
        DATE '2024-01-01' + (i - 1500)::INTEGER AS dt,
        make_time(i % 24, i % 60, (i % 60) + 0.123456) AS tm,
        make_timestamp(1704067200123456 + i * 3600000001) AS ts,
        make_timestamp(1704067200123456 + i * 3600000001)::TIMESTAMP_MS AS ts_ms,
        make_timestamp(1704067200123456 + i * 3600000001)::TIMESTAMP_NS AS ts_ns,
        make_timestamp(1704067200123456 + i * 3600000001)::TIMESTAMPTZ AS tstz,
        ('00000000-0000-0000-0000-' || lpad(i::VARCHAR, 12, '0'))::UUID AS u,
        (['sad','ok','happy'][i % 3 + 1])::mood AS mood,
        ('{"n":' || i || '}')::JSON AS js,
        CASE WHEN i % 13 = 0 THEN NULL ELSE [i, NULL, i + 1] END AS lst,
        {'a': i, 'b': 'x' || i} AS st,
        MAP {'k' || i: i} AS mp
      FROM range(0, 3000) t(i)
      """;

  /** DuckDB's own reading of the file, in the neutral form. */
  private static final String DUCK_READ = """
      SELECT id, b, i8, i16, i32, i64, u8, u16, u32, CAST(u64 AS VARCHAR), f, d,
        CAST(dec9 AS VARCHAR), CAST(dec18 AS VARCHAR), CAST(dec38 AS VARCHAR), s, s_null, hex(bl),
        dt - DATE '1970-01-01', hour(tm) * 3600000 + minute(tm) * 60000 + microsecond(tm) // 1000,
        epoch_ms(ts), epoch_ms(ts_ms), epoch_ms(ts_ns), epoch_ms(tstz), CAST(u AS VARCHAR), CAST(mood AS VARCHAR),
        CAST(js AS VARCHAR), CAST(to_json(lst) AS VARCHAR), CAST(to_json(st) AS VARCHAR), CAST(to_json(mp) AS VARCHAR)
      FROM read_parquet('%s') ORDER BY id
      """;

  @Test
  void parquetWrittenByDuckDbReadsAsDuckDbReadsIt() throws SQLException {
    Path f = dir.resolve("duck.parquet");
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
      s.execute("COPY (" + DUCK_ROWS + ") TO '" + f + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)");
    }
    TableSource t = new ParquetFormat().open(f, "duck.parquet", "", FormatOptions.NONE);
    assertEquals(List.of("id INTEGER", "b BOOLEAN", "i8 INTEGER", "i16 INTEGER", "i32 INTEGER", "i64 BIGINT",
        "u8 INTEGER", "u16 INTEGER", "u32 BIGINT", "u64 DECIMAL(20,0)", "f DOUBLE", "d DOUBLE", "dec9 DECIMAL(9,2)",
        "dec18 DECIMAL(18,4)", "dec38 DECIMAL(38,10)", "s VARCHAR", "s_null VARCHAR", "bl VARBINARY", "dt DATE",
        "tm TIME", "ts TIMESTAMP", "ts_ms TIMESTAMP", "ts_ns TIMESTAMP", "tstz TIMESTAMP", "u VARCHAR", "mood VARCHAR",
        "js VARCHAR", "lst VARCHAR", "st VARCHAR", "mp VARCHAR"), Rows.types(t));
    assertTrue((Integer) t.describe().get("row_groups") > 1, t.describe().toString());
    List<List<Object>> expected = neutral(query(String.format(DUCK_READ, f)));
    List<List<Object>> actual = neutral(Rows.all(t));
    assertEquals(3000, actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
  }

  @Test
  void parquetWrittenByDsapReadsInDuckDbAsWritten() throws SQLException {
    Path f = dir.resolve("dsap.parquet");
    List<Object[]> rows = ParquetWriterSinkTest.rows(3000);
    try (ParquetWriterSink sink = ParquetWriterSink.create(f, ParquetWriterSinkTest.COLUMNS,
        ParquetWriterSink.Options.DEFAULTS.withRowGroupBytes(32 << 10))) {
      rows.forEach(sink::writeRow);
      sink.commit();
    }
    List<List<Object>> duckRead = query("SELECT id, flag, big, CAST(price AS VARCHAR), CAST(amount AS VARCHAR),"
        + " CAST(huge AS VARCHAR), ratio, day - DATE '1970-01-01', epoch_ms(\"at\"),"
        + " hour(clock) * 3600000 + minute(clock) * 60000 + microsecond(clock) // 1000, name, hex(bytes)"
        + " FROM read_parquet('" + f + "') ORDER BY id");
    List<List<Object>> written = new ArrayList<>();
    for (Object[] r : rows) {
      written.add(ParquetWriterSinkTest.expected(r));
    }
    assertEquals(neutral(written), neutral(duckRead));
    List<List<Object>> types = query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
        + f + "'))");
    assertEquals("[[id, INTEGER], [flag, BOOLEAN], [big, BIGINT], [price, DECIMAL(9,2)], [amount, DECIMAL(18,4)],"
        + " [huge, DECIMAL(30,5)], [ratio, DOUBLE], [day, DATE], [at, TIMESTAMP], [clock, TIME], [name, VARCHAR],"
        + " [bytes, BLOB]]", types.toString());
  }

  @Test
  void legacyInt96TimestampsReadAsDuckDbReadsThem() throws SQLException {
    Path f = dir.resolve("spark.parquet");
    long[] days = {-719162, -1, 0, 19723, 2932896}; // 0001-01-01 .. 9999-12-31
    long[] nanos = {0, 86_399_999_000_000L, 1, 123_456_789L, 43_200_000_000_000L}; // DuckDB's epoch_ms truncates, dsap floors: whole millis before 1970
    ParquetFixtures.write(f, "message spark_schema { required int32 id; optional int96 ts; }", days.length, 1 << 20,
        CompressionCodecName.SNAPPY, (i, g) -> g.append("id", i).append("ts", ParquetFixtures.int96(days[i], nanos[i])));
    TableSource t = new ParquetFormat().open(f, "spark.parquet", "", FormatOptions.NONE);
    List<List<Object>> duckRead = query("SELECT id, epoch_ms(ts) FROM read_parquet('" + f + "') ORDER BY id");
    assertEquals(neutral(duckRead), neutral(Rows.all(t)));
  }

  @Test
  void theAllTypesFixtureReadsAsDuckDbReadsIt() throws SQLException {
    Path f = dir.resolve("all.parquet");
    ParquetFixtures.writeAllTypes(f, 3, 1 << 20);
    // the columns DuckDB reads too, in the neutral form
    List<List<Object>> duckRead = query("SELECT id, b, i32, i8, u16, u32, i64, CAST(u64 AS VARCHAR), f, d, s, e, j,"
        + " hex(raw), CAST(dec_i32 AS VARCHAR), CAST(dec_i64 AS VARCHAR), CAST(dec_bin AS VARCHAR),"
        + " CAST(dec_flba AS VARCHAR), CAST(dec_small_flba AS VARCHAR), day - DATE '1970-01-01',"
        + " hour(t_ms) * 3600000 + minute(t_ms) * 60000 + microsecond(t_ms) // 1000,"
        + " hour(t_us) * 3600000 + minute(t_us) * 60000 + microsecond(t_us) // 1000,"
        + " epoch_ms(ts_ms), epoch_ms(ts_us), epoch_ms(ts96), CAST(u AS VARCHAR)"
        + " FROM read_parquet('" + f + "') ORDER BY id");
    TableSource t = new ParquetFormat().open(f, "all.parquet", "", FormatOptions.NONE);
    List<List<Object>> ours = Rows.read(t, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21,
        22, 24, 25, 27, 28);
    assertEquals(neutral(duckRead), neutral(ours));
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
          Object o = rs.getObject(c);
          row.add(o == null ? null : o instanceof com.fasterxml.jackson.databind.JsonNode j ? j.toString() : o);
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Values in a form both sides share (see the class comment). */
  private static List<List<Object>> neutral(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows) {
      List<Object> n = new ArrayList<>();
      for (Object o : r) {
        n.add(neutral(o));
      }
      out.add(n);
    }
    return out;
  }

  private static Object neutral(Object o) {
    if (o instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (o instanceof Float || o instanceof Double) {
      // dsap widens FLOAT through its decimal text (0.1f reads as 0.1): compare at float precision
      return Float.toString(((Number) o).floatValue());
    }
    if (o instanceof Number n) {
      return n.longValue();
    }
    if (o instanceof ByteString b) {
      return HexFormat.of().withUpperCase().formatHex(b.getBytes());
    }
    return o == null ? null : o instanceof Boolean ? o : o.toString();
  }
}
