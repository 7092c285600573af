package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.col;
import static io.dsap.engine.profile.Batches.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Below the exact limit of distinct values every statistic is exact however many rows there are
 * (quantiles and text shape come from the value counts); past it the estimates say so and stay
 * within their stated error.
 */
class ProfileBoundsTest {
  private static final double[] QS = {0.05, 0.25, 0.5, 0.75, 0.95};

  @Test
  void manyRowsOfFewValuesGetExactQuantilesAndTextShape() {
    List<ColumnSpec> specs = List.of(col("qty", ColumnType.INTEGER), Batches.decimal("price", 2),
        col("x", ColumnType.DOUBLE), col("status", ColumnType.VARCHAR));
    String[] statuses = {"paid", "shipped", " padded", "délivré", "00501", "2024-01-02", "12.5", ""};
    Random rnd = new Random(11);
    int n = 60_000; // well past the 16,384 values the old exact mode could hold
    List<Object[]> rows = new ArrayList<>();
    double[] qty = new double[n];
    double[] price = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      int q = rnd.nextInt(10) < 7 ? 1 + rnd.nextInt(3) : rnd.nextInt(50) - 5;
      int cents = rnd.nextInt(400) * 25;
      double d = rnd.nextInt(30) / 4.0 - 2;
      qty[i] = q;
      price[i] = cents / 100.0;
      x[i] = d;
      rows.add(new Object[] {(long) q, BigDecimal.valueOf(cents, 2), d, statuses[rnd.nextInt(statuses.length)]});
    }
    TableProfile p = Batches.profile(specs, rows);
    for (Object[] c : new Object[][] {{"qty", qty}, {"price", price}, {"x", x}}) {
      ColumnProfile col = column(p, (String) c[0]);
      double[] sorted = ((double[]) c[1]).clone();
      Arrays.sort(sorted);
      assertTrue(col.quantilesExact(), col.name());
      Double[] got = {col.q05(), col.q25(), col.q50(), col.q75(), col.q95()};
      for (int k = 0; k < QS.length; k++) {
        double truth = sorted[Math.max(0, (int) Math.ceil(QS[k] * n) - 1)]; // nearest rank
        assertEquals(truth, got[k], col.name() + " q" + QS[k]);
      }
      long outliers = 0;
      double lo = col.q25() - 1.5 * col.iqr();
      double hi = col.q75() + 1.5 * col.iqr();
      for (double v : sorted) {
        outliers += v < lo || v > hi ? 1 : 0;
      }
      assertEquals(outliers, col.outliers(), col.name() + " outliers");
      assertEquals(n, col.histogram().stream().mapToLong(QuantilesState.Bin::count).sum());
      long firstBin = Arrays.stream(sorted).filter(v -> v < col.histogram().get(0).hi()).count();
      assertEquals(firstBin, col.histogram().get(0).count(), col.name() + " first bin");
    }

    ColumnProfile status = column(p, "status");
    long chars = 0;
    long numeric = 0;
    long dates = 0;
    long zeros = 0;
    for (Object[] r : rows) {
      String s = (String) r[3];
      chars += s.codePointCount(0, s.length());
      numeric += s.equals("00501") || s.equals("12.5") ? 1 : 0;
      zeros += s.equals("00501") ? 1 : 0;
      dates += s.equals("2024-01-02") ? 1 : 0;
    }
    assertEquals(0L, status.minLength());
    assertEquals(10L, status.maxLength()); // "2024-01-02"; "délivré" is 7 characters, not 9 bytes
    assertEquals((double) chars / n, status.avgLength(), 1e-12);
    assertEquals("", status.min());
    assertEquals("shipped", status.max());
    assertEquals(numeric, status.textNumeric());
    assertEquals(zeros, status.textLeadingZeros());
    assertEquals(dates, status.textDates());
  }

  private static final long SPREAD = 1009;

  @Test
  void pastTheLimitTheEstimatesAreMarkedAndWithinTheirError() {
    List<ColumnSpec> specs = List.of(col("id", ColumnType.BIGINT), col("email", ColumnType.VARCHAR),
        col("late", ColumnType.INTEGER));
    int n = 200_000;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // late: one value in the first half, a new value per row in the second: one side of a merge
      // is exact, the other sketched
      String email = i % 10 == 0 ? "support@example.com" : "user" + (i % 150_000) + "@example.com";
      // ids and late values spread wider than the exact counts' widest dense span
      rows.add(new Object[] {(long) i * 7919, email, i < n / 2 ? 7L : (long) i * SPREAD});
    }
    TableState a = Batches.state(specs, rows, 0, n / 2);
    a.merge(Batches.state(specs, rows, n / 2, n));
    TableState b = Batches.state(specs, rows, n / 2, n); // the sketched side first
    b.merge(Batches.state(specs, rows, 0, n / 2));
    for (TableState s : List.of(a, b)) {
      TableProfile p = s.finish("t.csv", 0, java.util.Map.of());
      check(column(p, "id"), n);
      assertEquals(List.of(), column(p, "id").topValues(), "no id is frequent: the sketch lists none");
      ColumnProfile email = column(p, "email");
      check(email, 135_001); // 150,000 user addresses less the 15,000 only on rows that hold support's
      heavyHitter(email, "support@example.com", n / 10);
      ColumnProfile late = column(p, "late");
      check(late, n / 2 + 1);
      heavyHitter(late, "7", n / 2);
      assertFalse(late.quantilesExact());
      assertEquals(7.0, late.q25(), "the first half is all 7");
      assertEquals(0.75 * n * SPREAD, late.q75(), 0.02 * n * SPREAD, "the 75th percentile: the middle of the second half");
      assertEquals(n, late.histogram().stream().mapToLong(QuantilesState.Bin::count).sum());
      assertEquals(0.0, Math.abs(late.mean() - (7.0 * (n / 2) + SPREAD * (n / 2.0) * (n / 2 + n - 1) / 2) / n), 1e-6);
    }
  }

  /** The most frequent value, found by the frequent-items sketch, with bounds around its true count. */
  private static void heavyHitter(ColumnProfile c, String value, long count) {
    ValueCountsState.ValueCount top = c.topValues().get(0);
    assertEquals(value, top.value(), c.name());
    assertTrue(top.lowerBound() <= count && count <= top.upperBound(), c.name() + " " + top);
  }

  /** An estimate that says it is one, within its own error bound of the true count. */
  private static void check(ColumnProfile c, long trueDistinct) {
    assertFalse(c.distinctExact(), c.name());
    assertTrue(c.distinctError() > 0 && c.distinctError() < 0.03, c.name() + " error " + c.distinctError());
    assertEquals(trueDistinct, c.distinct(), trueDistinct * c.distinctError(), c.name() + " within its 95% bound");
    assertFalse(c.topValuesExact(), c.name());
    assertTrue(c.topValues().stream().noneMatch(ValueCountsState.ValueCount::exact),
        c.name() + ": every sketched count says it is approximate");
  }
}
