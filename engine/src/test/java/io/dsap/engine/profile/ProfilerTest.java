package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.col;
import static io.dsap.engine.profile.Batches.column;
import static io.dsap.engine.profile.Batches.hasAlert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Profiles of generated columns whose true statistics are known. */
class ProfilerTest {
  @Test
  void exactQuantilesAreNearestRankValuesOfTheColumn() {
    List<ColumnSpec> specs = List.of(col("v", ColumnType.INTEGER));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      rows.add(new Object[] {(long) i});
    }
    ColumnProfile v = column(Batches.profile(specs, rows), "v");
    assertTrue(v.quantilesExact());
    assertEquals(5.0, v.q05());
    assertEquals(25.0, v.q25());
    assertEquals(50.0, v.q50());
    assertEquals(95.0, v.q95());
    assertEquals(50.0, v.iqr());
    assertEquals(50.5, v.mean(), 1e-12);
    assertEquals(841.6666666666666, v.variance(), 1e-9); // sample variance of 1..100
    assertEquals(0.0, v.skewness(), 1e-12);
    assertEquals(-1.2002400240024003, v.kurtosis(), 1e-9); // excess kurtosis of a uniform 1..100
    assertEquals(10, v.histogram().size());
    assertEquals(100, v.histogram().stream().mapToLong(QuantilesState.Bin::count).sum());
    assertTrue(hasAlert(v, "unique"));
  }

  @Test
  void distinctIsExactUpToTheLimitThenAnHllEstimateWithItsBound() {
    List<ColumnSpec> specs = List.of(col("small", ColumnType.VARCHAR), col("big", ColumnType.VARCHAR),
        col("bigint", ColumnType.BIGINT));
    List<Object[]> rows = new ArrayList<>();
    int n = ValueCountsState.EXACT_LIMIT * 2;
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {"v" + (i % ValueCountsState.EXACT_LIMIT), "id-" + i, (long) i * 7919}); // wider than a dense span
    }
    TableProfile p = Batches.profile(specs, rows);
    ColumnProfile small = column(p, "small");
    assertTrue(small.distinctExact());
    assertEquals(ValueCountsState.EXACT_LIMIT, small.distinct());
    assertEquals(0.0, small.distinctError());
    for (String name : List.of("big", "bigint")) {
      ColumnProfile big = column(p, name);
      assertFalse(big.distinctExact(), name);
      assertTrue(big.distinctError() > 0 && big.distinctError() < 0.03, name + " error " + big.distinctError());
      assertEquals(n, big.distinct(), n * big.distinctError(), name + " within its own 95% bound");
      assertFalse(hasAlert(big, "unique"), "unique is only claimed when exact");
    }
    assertTrue(hasAlert(column(p, "big"), "high_cardinality"));
    ColumnProfile bigint = column(p, "bigint"); // 0, 7919, ...: the median is about 7919 * n / 2
    assertFalse(bigint.quantilesExact(), "past " + QuantilesState.EXACT_MAX + " values KLL answers");
    assertEquals(7919.0 * n / 2, bigint.q50(), 0.02 * 7919 * n, "within 2% of rank");
  }

  @Test
  void alertsFireOnGeneratedColumnsWithKnownFaults() {
    List<ColumnSpec> specs = List.of(col("constant", ColumnType.VARCHAR), col("status", ColumnType.VARCHAR),
        col("amount", ColumnType.DOUBLE), col("discount", ColumnType.DOUBLE), col("numtext", ColumnType.VARCHAR),
        col("datetext", ColumnType.VARCHAR), col("zip", ColumnType.VARCHAR), col("maybe", ColumnType.INTEGER));
    String[] status = {"paid", "Paid", "shipped", "shiped", "pending"};
    Random rnd = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double amount = i < 990 ? 10 + rnd.nextDouble() : 10_000; // 10 far outliers: skewed
      rows.add(new Object[] {"x", status[i % status.length], amount, i % 4 == 0 ? 0.0 : 0.1,
          String.valueOf(i * 3), "2024-01-" + (10 + i % 20), String.format("%05d", i % 300),
          i % 10 == 0 ? null : (long) i});
    }
    rows.add(rows.get(5).clone());
    TableProfile p = Batches.profile(specs, rows);
    assertEquals(1, p.duplicateRows());
    assertTrue(hasAlert(column(p, "constant"), "constant"));
    ColumnProfile st = column(p, "status");
    assertTrue(hasAlert(st, "dirty_category"), st.alerts().toString());
    String dirty = st.alerts().stream().filter(a -> a.name().equals("dirty_category")).findFirst().orElseThrow()
        .detail();
    assertTrue(dirty.contains("'paid' ~ 'Paid'") && dirty.contains("'shiped' ~ 'shipped'"), dirty);
    assertFalse(dirty.contains("pending"), dirty);
    ColumnProfile amount = column(p, "amount");
    assertTrue(hasAlert(amount, "skewed") && hasAlert(amount, "outliers"), amount.alerts().toString());
    assertEquals(10, amount.outliers()); // the 10 planted; the rest lie within [10, 11)
    ColumnProfile discount = column(p, "discount");
    assertTrue(hasAlert(discount, "zeros"));
    assertEquals(250, discount.zeros()); // i % 4 == 0; the duplicated row 5 holds 0.1
    assertTrue(hasAlert(column(p, "numtext"), "numeric_stored_as_text"));
    assertTrue(hasAlert(column(p, "datetext"), "date_stored_as_text"));
    assertFalse(hasAlert(column(p, "zip"), "numeric_stored_as_text"), "leading zeros: a code, not a number");
    ColumnProfile maybe = column(p, "maybe");
    assertEquals(100, maybe.nulls());
    assertTrue(hasAlert(maybe, "missing"));
    assertTrue(hasAlert(column(p, "status"), "duplicates"));
  }

  @Test
  void imbalanceWhenOneCategoryDominates() {
    List<ColumnSpec> specs = List.of(col("c", ColumnType.VARCHAR));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {i < 970 ? "a" : i < 985 ? "b" : "c"});
    }
    ColumnProfile c = column(Batches.profile(specs, rows), "c");
    assertTrue(hasAlert(c, "imbalance"), c.alerts().toString());
    assertEquals(List.of(new ValueCountsState.ValueCount("a", 970), new ValueCountsState.ValueCount("b", 15),
        new ValueCountsState.ValueCount("c", 15)), c.topValues());
  }
}
