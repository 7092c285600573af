package io.dsap.engine.detect;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.profile.Hashing;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct values of a table's key-like columns (INTEGER and BIGINT by value, VARCHAR by a
 * 64-bit hash of its UTF-8 bytes), counted exactly up to a cap per column, for key and
 * relationship detection. Other types (dates, decimals, booleans ...) are not keys here.
 */
final class ColumnValues {
  /** Columns whose values can be compared: integers with integers, text with text. */
  enum Family { INTEGER, TEXT }

  final String table;
  final String name;
  final int ordinal;
  final Family family;
  long rows;
  long nulls;
  /** null once the column was given up (keys only: not a key). */
  LongSet values;
  /** More distinct values than the cap: unknown whether a key, not compared. */
  boolean overflowed;

  private ColumnValues(String table, String name, int ordinal, Family family, int cap) {
    this.table = table;
    this.name = name;
    this.ordinal = ordinal;
    this.family = family;
    this.values = new LongSet(cap);
  }

  static Family family(ColumnType type) {
    return switch (type) {
      case INTEGER, BIGINT -> Family.INTEGER;
      case VARCHAR -> Family.TEXT;
      default -> null;
    };
  }

  long distinct() {
    return values == null ? -1 : values.size();
  }

  /** Every row has a value and no value repeats (and there are at least 2 rows). */
  boolean isKey() {
    return values != null && !overflowed && nulls == 0 && rows >= 2 && values.size() == rows;
  }

  /**
   * Reads the key-like columns of {@code source}. With {@code keysOnly}, a column is given up at
   * its first NULL or repeated value, and reading stops when no column is left.
   */
  static List<ColumnValues> scan(String table, TableSource source, int cap, boolean keysOnly) {
    List<ColumnSpec> specs = source.columns();
    List<ColumnValues> cols = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Family f = family(specs.get(i).type());
      if (f != null) {
        cols.add(new ColumnValues(table, specs.get(i).name(), i, f, cap));
      }
    }
    if (cols.isEmpty()) {
      return cols;
    }
    int[] projection = cols.stream().mapToInt(c -> c.ordinal).toArray();
    long rows = 0;
    try (BatchReader reader = source.open(projection, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        int live = 0;
        for (int c = 0; c < cols.size(); c++) {
          ColumnValues col = cols.get(c);
          if (col.values != null && !col.overflowed) {
            col.add(b.column(c), b.rowCount(), keysOnly);
          }
          if (col.values != null && !col.overflowed) {
            live++;
          }
        }
        rows += b.rowCount();
        if (keysOnly && live == 0) {
          break;
        }
      }
    }
    for (ColumnValues c : cols) {
      c.rows = rows;
    }
    return cols;
  }

  private void add(ColumnVector v, int count, boolean keysOnly) {
    for (int r = 0; r < count; r++) {
      if (v.isNull(r)) {
        nulls++;
        if (keysOnly) {
          values = null;
          return;
        }
        continue;
      }
      boolean added = values.add(key(v, r));
      if (values.overflowed()) {
        overflowed = true;
        return;
      }
      if (!added && keysOnly) {
        values = null;
        return;
      }
    }
  }

  private long key(ColumnVector v, int r) {
    if (v instanceof LongVector l) {
      return l.values()[r];
    }
    if (v instanceof StringVector s) {
      return Hashing.bytes(s.data(), s.start(r), s.end(r));
    }
    Object o = v.get(r);
    if (family == Family.INTEGER && o instanceof Number n) {
      return n.longValue();
    }
    byte[] b = String.valueOf(o).getBytes(StandardCharsets.UTF_8);
    return Hashing.bytes(b, 0, b.length);
  }
}
