package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Deequ property: the metrics of A ∪ B equal the metrics of merge(state(A), state(B)) —
 * exactly for exact metrics, to rounding for moments. Random tables, random split points.
 */
class StateMergeTest {
  static final List<ColumnSpec> SPECS = List.of(col("id", ColumnType.BIGINT), col("x", ColumnType.DOUBLE),
      Batches.decimal("price", 2), col("cat", ColumnType.VARCHAR), col("day", ColumnType.DATE),
      col("flag", ColumnType.BOOLEAN));

  static List<Object[]> table(Random rnd, int n) {
    List<Object[]> rows = new ArrayList<>();
    String[] cats = {"a", "b", "B", "c ", "dd", null};
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(n), rnd.nextGaussian() * 10,
          rnd.nextInt(5) == 0 ? null : new java.math.BigDecimal(rnd.nextInt(100_000)).movePointLeft(2),
          cats[rnd.nextInt(cats.length)], (long) (19_000 + rnd.nextInt(50)), rnd.nextBoolean()});
    }
    if (n > 10) {
      rows.add(rows.get(3).clone()); // at least one duplicate row
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void metricOfUnionEqualsMetricOfMergedStates(int seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = table(rnd, 50 + rnd.nextInt(5000));
    int cut = rnd.nextInt(rows.size());
    TableProfile whole = Batches.state(SPECS, rows, 0, rows.size()).finish("t.csv", 0, Map.of());
    TableState a = Batches.state(SPECS, rows, 0, cut);
    a.merge(Batches.state(SPECS, rows, cut, rows.size()));
    TableProfile merged = a.finish("t.csv", 0, Map.of());

    assertEquals(whole.rows(), merged.rows());
    assertEquals(whole.duplicateRows(), merged.duplicateRows(), "duplicate rows");
    for (int c = 0; c < SPECS.size(); c++) {
      ColumnProfile w = whole.columns().get(c);
      ColumnProfile m = merged.columns().get(c);
      String at = "seed " + seed + " cut " + cut + " column " + w.name();
      assertEquals(w.count(), m.count(), at);
      assertEquals(w.nulls(), m.nulls(), at);
      assertEquals(w.distinct(), m.distinct(), at);
      assertEquals(w.distinctExact(), m.distinctExact(), at);
      assertEquals(w.min(), m.min(), at);
      assertEquals(w.max(), m.max(), at);
      assertEquals(w.zeros(), m.zeros(), at);
      assertEquals(w.negatives(), m.negatives(), at);
      assertEquals(w.minLength(), m.minLength(), at);
      assertEquals(w.maxLength(), m.maxLength(), at);
      assertEquals(w.topValues(), m.topValues(), at);
      close(w.mean(), m.mean(), at + " mean");
      close(w.variance(), m.variance(), at + " variance");
      close(w.skewness(), m.skewness(), at + " skewness");
      close(w.kurtosis(), m.kurtosis(), at + " kurtosis");
      assertEquals(names(w), names(m), at); // details may differ where sketch estimates do
      if (w.quantilesExact() && m.quantilesExact()) {
        assertEquals(w.q50(), m.q50(), at);
        assertEquals(w.histogram(), m.histogram(), at);
      } else if (w.q50() != null) {
        // KLL: ranks within 2% of each other (normalized rank error ~1.3% at K=200)
        double spread = w.q95() - w.q05();
        assertEquals(w.q50(), m.q50(), 0.1 * spread, at + " q50");
      }
    }
  }

  private static List<String> names(ColumnProfile p) {
    return p.alerts().stream().map(ColumnProfile.Alert::name).toList();
  }

  private static void close(Double a, Double b, String at) {
    if (a == null || b == null) {
      assertEquals(a, b, at);
    } else {
      assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), at);
    }
  }
}
