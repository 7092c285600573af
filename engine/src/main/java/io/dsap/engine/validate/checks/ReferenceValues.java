package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.Values;
import java.util.HashSet;
import java.util.Set;

/**
 * The distinct values of a referenced column, read once: as 64-bit keys when both sides are
 * whole numbers or dates of the same kind, else as text. Memory: one entry per distinct value.
 */
public final class ReferenceValues {
  private final boolean longKeys;
  private final LongLineMap keys = new LongLineMap();
  private final Set<String> texts = new HashSet<>();

  private ReferenceValues(boolean longKeys) {
    this.longKeys = longKeys;
  }

  /** Whether a column of {@code from} can be matched to {@code to} by 64-bit keys. */
  static boolean longComparable(ColumnSpec from, ColumnSpec to) {
    boolean wholeFrom = from.type() == io.dsap.engine.types.ColumnType.INTEGER
        || from.type() == io.dsap.engine.types.ColumnType.BIGINT;
    boolean wholeTo = to.type() == io.dsap.engine.types.ColumnType.INTEGER
        || to.type() == io.dsap.engine.types.ColumnType.BIGINT;
    return wholeFrom && wholeTo || from.type() == to.type() && (from.type() == io.dsap.engine.types.ColumnType.DATE
        || from.type() == io.dsap.engine.types.ColumnType.TIMESTAMP);
  }

  /** Reads column {@code refColumn} of {@code source} to match values of {@code from}. */
  public static ReferenceValues read(TableSource source, int refColumn, ColumnSpec from) {
    ColumnSpec to = source.columns().get(refColumn);
    ReferenceValues values = new ReferenceValues(longComparable(from, to));
    try (BatchReader r = source.open(new int[] {refColumn}, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        ColumnVector v = b.column(0);
        for (int i = 0; i < b.rowCount(); i++) {
          if (v.isNull(i)) {
            continue;
          }
          if (values.longKeys) {
            values.keys.putIfAbsent(ValueKeys.key(v, i), 1);
          } else {
            values.texts.add(Values.display(to, v.get(i)));
          }
        }
      }
    }
    return values;
  }

  boolean longKeys() {
    return longKeys;
  }

  boolean contains(long key) {
    return keys.contains(key);
  }

  boolean contains(String text) {
    return texts.contains(text);
  }

  int size() {
    return longKeys ? keys.size() : texts.size();
  }
}
