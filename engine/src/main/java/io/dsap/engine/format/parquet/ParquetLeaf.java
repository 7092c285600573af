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

  /** Reads the reader's current (non-null) value into row {@code row} of {@code out}. */
  abstract void decode(ColumnReader in, ColumnVector out, int row);

  /**
   * Writes a value of a nested column as JSON. {@code raw} is what parquet's Group API holds for
   * the physical type: Integer, Long, Float, Double, Boolean or Binary.
   */
  abstract void json(Object raw, JsonGenerator out) throws IOException;
}
