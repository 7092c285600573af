package io.dsap.engine.format.parquet;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import org.apache.parquet.column.ColumnReader;

/**
 * One Parquet primitive type (physical type plus logical annotation) as dsap reads it: the SQL
 * type it becomes, how a value goes from a {@link ColumnReader} into a vector (the fast path for
 * flat columns), and how it is written inside the JSON text of a nested column.
 */
abstract class ParquetLeaf {
  final ColumnType type;
  final int precision;
  final int scale;

  ParquetLeaf(ColumnType type, int precision, int scale) {
    this.type = type;
    this.precision = precision;
    this.scale = scale;
  }

  ParquetLeaf(ColumnType type) {
    this(type, 0, 0);
  }

  ColumnSpec spec(String name, String detection) {
    return new ColumnSpec(name, type, precision, scale, null, detection);
  }

  /** The physical values {@link PageDecoder} reads for a leaf without a {@link ColumnReader}. */
  enum Pages {
    /** INT32 into a {@code LongVector}, through {@link #adjust}. */
    INT32,
    /** INT64 into a {@code LongVector}, through {@link #adjust}. */
    INT64,
    /** DOUBLE into a {@code DoubleVector}. */
    DOUBLE,
    /** BINARY as UTF-8 text into a {@code StringVector}. */
    STRING
  }

  /** How {@link PageDecoder} decodes this leaf, or null when only a {@link ColumnReader} can. */
  Pages pages() {
    return null;
  }

  /** The vector value of a stored INT32 or INT64 (for leaves whose {@link #pages()} is one of them). */
  long adjust(long stored) {
    return stored;
  }

  /** Whether {@link #adjust} changes values (when not, the page decoder skips it). */
  boolean adjusts() {
    return false;
  }

  /** Reads the reader's current (non-null) value into row {@code row} of {@code out}. */
  abstract void decode(ColumnReader in, ColumnVector out, int row);

  /**
   * Writes a value of a nested column as JSON. {@code raw} is what parquet's Group API holds for
   * the physical type: Integer, Long, Float, Double, Boolean or Binary.
   */
  abstract void json(Object raw, JsonGenerator out) throws IOException;
}
