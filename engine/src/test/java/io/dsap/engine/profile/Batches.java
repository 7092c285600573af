package io.dsap.engine.profile;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.List;

/** Test helper: feeds rows of Java values to a {@link TableState} in batches, as a reader would. */
final class Batches {
  static final int SIZE = 1000;

  private Batches() {}

  static ColumnSpec col(String name, ColumnType type) {
    return new ColumnSpec(name, type, 0, null, "test");
  }

  static ColumnSpec decimal(String name, int scale) {
    return new ColumnSpec(name, ColumnType.DECIMAL, scale, null, "test");
  }

  /** Rows {@code [from, to)} of {@code rows} added to a new state. */
  static TableState state(List<ColumnSpec> specs, List<Object[]> rows, int from, int to) {
    TableState s = new TableState(specs);
    add(s, specs, rows.subList(from, to));
    return s;
  }

  static TableProfile profile(List<ColumnSpec> specs, List<Object[]> rows) {
    return state(specs, rows, 0, rows.size()).finish("t.csv", 0, java.util.Map.of());
  }

  static void add(TableState state, List<ColumnSpec> specs, List<Object[]> rows) {
    ColumnVector[] vs = new ColumnVector[specs.size()];
    for (int c = 0; c < vs.length; c++) {
      vs[c] = ColumnVector.of(specs.get(c), SIZE);
    }
    Batch b = new Batch(vs, SIZE);
    for (int start = 0; start < rows.size(); start += SIZE) {
      b.reset();
      int n = Math.min(SIZE, rows.size() - start);
      for (int r = 0; r < n; r++) {
        Object[] row = rows.get(start + r);
        for (int c = 0; c < vs.length; c++) {
          set(vs[c], r, row[c]);
        }
      }
      b.setRowCount(n);
      state.add(b);
    }
  }

  private static void set(ColumnVector v, int r, Object o) {
    if (o == null) {
      v.setNull(r);
    } else if (v instanceof StringVector s) {
      s.set(r, o.toString());
    } else if (v instanceof DoubleVector d) {
      d.set(r, ((Number) o).doubleValue());
    } else if (v instanceof BooleanVector b) {
      b.set(r, (Boolean) o);
    } else if (v.type() == ColumnType.DECIMAL) {
      ((LongVector) v).set(r, new java.math.BigDecimal(o.toString()).unscaledValue().longValueExact());
    } else {
      ((LongVector) v).set(r, ((Number) o).longValue());
    }
  }

  static ColumnProfile column(TableProfile p, String name) {
    return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  static boolean hasAlert(ColumnProfile c, String name) {
    return c.alerts().stream().anyMatch(a -> a.name().equals(name));
  }
}
