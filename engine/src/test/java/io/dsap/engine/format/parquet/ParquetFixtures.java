package io.dsap.engine.format.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Parquet files for tests, written by parquet-java's own example writer (not by dsap), so the
 * reader is tested against files it did not produce.
 */
public final class ParquetFixtures {
  /** Every primitive and logical type dsap maps. */
  public static final String ALL_TYPES = """
      message all_types {
        required int32 id;
        optional boolean b;
        optional int32 i32;
        optional int32 i8 (INTEGER(8,true));
        optional int32 u16 (INTEGER(16,false));
        optional int32 u32 (INTEGER(32,false));
        optional int64 i64;
        optional int64 u64 (INTEGER(64,false));
        optional float f;
        optional double d;
        optional binary s (STRING);
        optional binary e (ENUM);
        optional binary j (JSON);
        optional binary raw;
        optional fixed_len_byte_array(4) fixed;
        optional int32 dec_i32 (DECIMAL(9,2));
        optional int64 dec_i64 (DECIMAL(18,4));
        optional binary dec_bin (DECIMAL(25,3));
        optional fixed_len_byte_array(16) dec_flba (DECIMAL(38,10));
        optional fixed_len_byte_array(5) dec_small_flba (DECIMAL(10,2));
        optional int32 day (DATE);
        optional int32 t_ms (TIME(MILLIS,true));
        optional int64 t_us (TIME(MICROS,false));
        optional int64 t_ns (TIME(NANOS,false));
        optional int64 ts_ms (TIMESTAMP(MILLIS,true));
        optional int64 ts_us (TIMESTAMP(MICROS,false));
        optional int64 ts_ns (TIMESTAMP(NANOS,true));
        optional int96 ts96;
        optional fixed_len_byte_array(16) u (UUID);
        optional fixed_len_byte_array(2) half (FLOAT16);
        optional fixed_len_byte_array(12) iv (INTERVAL);
      }
      """;

  public static final String NESTED = """
      message nested {
        required int32 id;
        optional group tags (LIST) {
          repeated group list {
            optional binary element (STRING);
          }
        }
        optional group attrs (MAP) {
          repeated group key_value {
            required binary key (STRING);
            optional int32 value;
          }
        }
        optional group point {
          required double x;
          optional double y;
          optional group inner {
            optional int32 day (DATE);
          }
        }
        repeated int32 legacy;
        optional group old_list (LIST) {
          repeated int32 item;
        }
      }
      """;

  private ParquetFixtures() {}

  /** Writes {@code rows} rows of {@code schema}; {@code fill} sets the values of row i. */
  public static void write(Path file, String schema, int rows, long rowGroupBytes, CompressionCodecName codec,
      BiConsumer<Integer, Group> fill) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        .withType(type)
        .withRowGroupSize(rowGroupBytes)
        .withPageSize(4096)
        .withCompressionCodec(codec)
        .build()) {
      for (int i = 0; i < rows; i++) {
        Group g = groups.newGroup();
        fill.accept(i, g);
        w.write(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The all-types file: row 0 holds the documented values, row 1 only nulls, others vary with id. */
  public static void writeAllTypes(Path file, int rows, long rowGroupBytes) {
    write(file, ALL_TYPES, rows, rowGroupBytes, CompressionCodecName.SNAPPY, ParquetFixtures::allTypesRow);
  }

  static void allTypesRow(int id, Group g) {
    g.add("id", id);
    if (id == 1) {
      return; // every optional column NULL
    }
    if (id != 0) {
      g.add("i32", id);
      g.add("i64", id * 1_000_000_007L);
      g.add("s", "row " + id);
      g.add("d", id / 4.0);
      g.add("day", 19723 + id % 1000);
      g.add("dec_i64", id * 10_001L);
      return;
    }
    g.add("b", true);
    g.add("i32", -5);
    g.add("i8", -128);
    g.add("u16", 65535);
    g.add("u32", -1); // 4294967295 unsigned
    g.add("i64", Long.MIN_VALUE);
    g.add("u64", -1L); // 18446744073709551615 unsigned
    g.add("f", 0.1f);
    g.add("d", -2.5);
    g.add("s", "h\u00e9llo \u2713");
    g.add("e", "RED");
    g.add("j", "{\"a\":1}");
    g.add("raw", Binary.fromConstantByteArray(new byte[] {0, 1, 2, (byte) 0xff}));
    g.add("fixed", Binary.fromConstantByteArray(new byte[] {9, 8, 7, 6}));
    g.add("dec_i32", -12345); // -123.45
    g.add("dec_i64", 123456789012345678L); // 12345678901234.5678
    g.add("dec_bin", Binary.fromConstantByteArray(new java.math.BigInteger("1234567890123456789012").toByteArray()));
    g.add("dec_flba", Binary.fromConstantByteArray(BatchWriteSupport.fixed(java.math.BigInteger.valueOf(-1), 16)));
    g.add("dec_small_flba", Binary.fromConstantByteArray(BatchWriteSupport.fixed(java.math.BigInteger.valueOf(12345), 5)));
    g.add("day", 19723); // 2024-01-01
    g.add("t_ms", 3_723_004); // 01:02:03.004
    g.add("t_us", 3_723_004_999L);
    g.add("t_ns", 3_723_004_999_999L);
    g.add("ts_ms", 1_704_067_200_123L); // 2024-01-01 00:00:00.123 UTC
    g.add("ts_us", 1_704_067_200_123_999L);
    g.add("ts_ns", -1L); // 1969-12-31 23:59:59.999999999: floors to ...999 ms
    g.add("ts96", int96(19723, 123_000_000L));
    g.add("u", Binary.fromConstantByteArray(uuidBytes("123e4567-e89b-12d3-a456-426614174000")));
    g.add("half", Binary.fromConstantByteArray(new byte[] {0x00, (byte) 0xC1})); // -2.5
    ByteBuffer iv = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(14).putInt(3).putInt(500);
    g.add("iv", Binary.fromConstantByteArray(iv.array()));
  }

  /** An INT96 timestamp: nanoseconds of the day, then the Julian day, little-endian. */
  public static Binary int96(long epochDay, long nanosOfDay) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanosOfDay).putInt((int) (epochDay + 2_440_588L));
    return Binary.fromConstantByteArray(b.array());
  }

  static byte[] uuidBytes(String text) {
    java.util.UUID u = java.util.UUID.fromString(text);
    return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }

  /** The nested file: row 0 has every shape filled, row 1 has them empty or NULL. */
  public static void writeNested(Path file) {
    write(file, NESTED, 2, 1 << 20, CompressionCodecName.UNCOMPRESSED, (id, g) -> {
      g.add("id", id);
      if (id == 0) {
        Group tags = g.addGroup("tags");
        tags.addGroup("list").append("element", "a");
        tags.addGroup("list"); // a NULL element
        tags.addGroup("list").append("element", "c");
        Group attrs = g.addGroup("attrs");
        attrs.addGroup("key_value").append("key", "k1").append("value", 1);
        attrs.addGroup("key_value").append("key", "k2");
        Group point = g.addGroup("point");
        point.append("x", 1.5);
        point.addGroup("inner").append("day", 19723);
        g.add("legacy", 1);
        g.add("legacy", 2);
        Group old = g.addGroup("old_list");
        old.add("item", 7);
        old.add("item", 8);
      } else {
        g.addGroup("attrs"); // an empty map
      }
    });
  }
}
