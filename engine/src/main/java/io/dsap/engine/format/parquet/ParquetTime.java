package io.dsap.engine.format.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;

/**
 * Parquet's time encodings turned into dsap's: epoch millis for TIMESTAMP, millis of the day for
 * TIME. dsap keeps millisecond precision, so micros and nanos are floored (never rounded up into
 * the next second or day).
 */
final class ParquetTime {
  /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
  static final long JULIAN_EPOCH_DAY = 2_440_588L;
  static final long MILLIS_PER_DAY = 86_400_000L;

  private ParquetTime() {}

  static long toMillis(long value, TimeUnit unit) {
    switch (unit) {
      case MILLIS: return value;
      case MICROS: return Math.floorDiv(value, 1_000L);
      default: return Math.floorDiv(value, 1_000_000L);
    }
  }

  /** Nanoseconds since the epoch (for text that keeps full precision). */
  static Instant toInstant(long value, TimeUnit unit) {
    switch (unit) {
      case MILLIS: return Instant.ofEpochMilli(value);
      case MICROS: return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
      default: return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }
  }

  /**
   * An INT96 timestamp (legacy Impala/Spark/Hive): 8 bytes of nanoseconds in the day, then 4
   * bytes of Julian day, both little-endian.
   */
  static long int96ToMillis(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong(buf.position());
    long julianDay = buf.getInt(buf.position() + 8) & 0xffffffffL;
    return (julianDay - JULIAN_EPOCH_DAY) * MILLIS_PER_DAY + Math.floorDiv(nanosOfDay, 1_000_000L);
  }

  static Instant int96ToInstant(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong(buf.position());
    long julianDay = buf.getInt(buf.position() + 8) & 0xffffffffL;
    return Instant.ofEpochSecond((julianDay - JULIAN_EPOCH_DAY) * 86_400L, 0).plusNanos(nanosOfDay);
  }

  /** Text of a timestamp for nested values rendered as JSON: ISO 8601 without zone, full precision. */
  static String text(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString();
  }
}
