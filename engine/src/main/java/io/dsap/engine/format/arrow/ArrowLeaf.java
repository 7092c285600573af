package io.dsap.engine.format.arrow;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import org.apache.arrow.vector.ValueVector;

/**
 * One Arrow value type as dsap reads it: the SQL type it becomes, how a value goes from an Arrow
 * vector into a dsap vector, and how it is written inside the JSON text of a nested column.
 */
abstract class ArrowLeaf {
  final ColumnType type;
  final int precision;
  final int scale;

  ArrowLeaf(ColumnType type, int precision, int scale) {
    this.type = type;
    this.precision = precision;
    this.scale = scale;
  }

  ArrowLeaf(ColumnType type) {
    this(type, 0, 0);
  }

  ColumnSpec spec(String name, String detection) {
    return new ColumnSpec(name, type, precision, scale, null, detection);
  }

  /** Copies the (non-null) value at {@code i} of {@code in} into row {@code row} of {@code out}. */
  abstract void copy(ValueVector in, int i, ColumnVector out, int row);

  /** Writes the (non-null) value at {@code i} of {@code in} as JSON. */
  abstract void json(ValueVector in, int i, JsonGenerator out) throws IOException;
}
