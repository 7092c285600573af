package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.types.ColumnType;

/** Exact 64-bit keys for column values that have one (numbers, dates, booleans); text has none. */
final class ValueKeys {
  private ValueKeys() {}

  /** Whether values of {@code type} are keyed by {@link #key} (exactly, one key per value). */
  static boolean hasLongKey(ColumnType type) {
    return type != ColumnType.VARCHAR && type != ColumnType.VARBINARY;
  }

  /** The key of row {@code r}; for LongVector-backed types the stored long itself. */
  static long key(ColumnVector v, int r) {
    if (v instanceof LongVector l) {
      return l.values()[r];
    }
    if (v instanceof DoubleVector d) {
      double x = d.values()[r];
      return Double.doubleToLongBits(x == 0.0 ? 0.0 : x); // -0.0 equals 0.0
    }
    Object o = v.get(r);
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return o.hashCode(); // wide decimals: not used (hasLongKey guards callers)
  }
}
