package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.CsvSchemaDetector;
import io.dsap.engine.csv.CsvTableSource;
import io.dsap.engine.profile.QuantilesState.Bin;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Id-like columns, many distinct whole numbers spread over far more than 2^20 values with few of
 * them repeated, are profiled exactly (distinct count, quantiles, histogram, outliers, top values)
 * while they span less than 2^27 values and at most 65,536 of them repeat, whatever the splits
 * and the merge order; past either bound they are sketched and say so. Checked against a plain
 * computation over the same rows.
 */
class WideIdCountsTest {

  /** A real CSV read in several splits: ids in file order (as an orders file has them) and shuffled unique cents. */
  @Test
  void idsAndUniqueAmountsFromARealFileAreExact(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ids.csv");
    int rows = 250_000;
    Random rnd = new Random(11);
    List<Long> ids = new ArrayList<>();
    List<Long> cents = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      cents.add(1_000_000_000L + 37L * i); // unique amounts over about 9 M cents
    }
    Collections.shuffle(cents, rnd);
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("id,amount,note\n");
      for (int i = 0; i < rows; i++) {
        long id = 5_000_000L + 13L * i + (i % 1000 == 0 ? 1 : 0); // 3.25 M values wide, none repeated
        ids.add(id);
        Long amount = i % 97 == 0 ? null : cents.get(i);
        cents.set(i, amount);
        w.write(id + "," + (amount == null ? "" : BigDecimal.valueOf(amount, 2).toPlainString())
            + ",\"some words so that the file spans several splits " + i + "\"\n");
      }
    }
    assertTrue(Files.size(file) > 2 * (4L << 20), "big enough for several splits");
    CsvFileSchema schema = CsvSchemaDetector.detect(file, new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("id:BIGINT,amount:DECIMAL(14,2),note:VARCHAR"), null, null, null));
    TableProfile p = Profiler.profile(new CsvTableSource(file, "ids.csv", schema), "ids.csv");

    ColumnProfile id = column(p, "id");
    assertMatchesPlainComputation(id, ids, 1);
    assertTrue(id.alerts().stream().anyMatch(a -> a.name().equals("unique")), "every id distinct, exactly: " + id.alerts());
    assertEquals(List.of("5000001=1", "5000013=1", "5000026=1"), top(id).subList(0, 3), "ties in value order");
    assertMatchesPlainComputation(column(p, "amount"), cents, 100);
  }

  /** Split states merged in any order agree with one pass and with the plain computation. */
  @Test
  void anySplitAndMergeOrderGivesTheSameExactAnswer() {
    List<ColumnSpec> specs = List.of(Batches.col("id", ColumnType.BIGINT));
    Random rnd = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) {
      Long v = i % 50 == 0 ? null : -2_000_000L + rnd.nextInt(20_000_000); // about 119,000 distinct over 20 M values
      if (i % 400 == 1) {
        v = 77L; // one value repeated 300 times: the top value
      }
      rows.add(new Object[] {v});
      ids.add(v);
    }
    TableProfile onePass = Batches.profile(specs, rows);
    assertMatchesPlainComputation(column(onePass, "id"), ids, 1);
    assertEquals("77", column(onePass, "id").topValues().get(0).value());
    for (int trial = 0; trial < 4; trial++) {
      int parts = 2 + trial * 2;
      List<TableState> states = new ArrayList<>();
      int from = 0;
      for (int k = 0; k < parts; k++) {
        int to = k == parts - 1 ? rows.size() : from + rnd.nextInt(rows.size() / parts * 2 - 1) / 2 + 1;
        states.add(Batches.state(specs, rows, from, Math.min(to, rows.size())));
        from = Math.min(to, rows.size());
      }
      Collections.shuffle(states, rnd);
      while (states.size() > 1) { // pairs merged in random order, as a tree
        TableState a = states.remove(rnd.nextInt(states.size()));
        TableState b = states.remove(rnd.nextInt(states.size()));
        a.merge(b);
        states.add(a);
      }
      ColumnProfile merged = column(states.get(0).finish("t.csv", 0, Map.of()), "id");
      assertEquals(counted(column(onePass, "id")), counted(merged), "trial " + trial);
    }
  }

  /** The boundary: keys 2^27 steps apart give way to sketches, and so do more than 65,536 repeated values. */
  @Test
  void sketchesTakeOverPastTheSpanOrTheRepeats() {
    long lo = 123_456_789L;
    int distinct = 70_000; // past the distinct limit
    for (long span : new long[] {BitCounts.MAX_SPAN - 1, BitCounts.MAX_SPAN}) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < distinct - 1; i++) {
        rows.add(new Object[] {lo + (long) i * 1_000});
      }
      rows.add(new Object[] {lo + span}); // keys from lo to lo + span
      Collections.shuffle(rows, new Random(3));
      boolean wantExact = span < BitCounts.MAX_SPAN;
      for (int cut : new int[] {0, 35_000}) {
        TableState a = Batches.state(List.of(Batches.col("id", ColumnType.BIGINT)), rows, 0, cut);
        a.merge(Batches.state(List.of(Batches.col("id", ColumnType.BIGINT)), rows, cut, rows.size()));
        ColumnProfile c = column(a.finish("t.csv", 0, Map.of()), "id");
        assertEquals(wantExact, c.distinctExact(), "span " + span + ", cut " + cut);
        assertEquals(wantExact, c.quantilesExact(), "span " + span);
        assertEquals(wantExact, c.topValuesExact(), "span " + span);
        if (wantExact) {
          assertEquals(distinct, c.distinct());
        } else {
          assertEquals(distinct, c.distinct(), distinct * c.distinctError());
        }
      }
    }
    int limit = ValueCountsState.EXACT_LIMIT;
    for (int repeated : new int[] {limit, limit + 1}) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < 100_000; i++) { // 100,000 keys over 5 M values, the first ones seen twice
        rows.add(new Object[] {50L * i});
        if (i < repeated) {
          rows.add(new Object[] {50L * i});
        }
      }
      Collections.shuffle(rows, new Random(4));
      for (int cut : new int[] {0, 60_000}) {
        TableState a = Batches.state(List.of(Batches.col("id", ColumnType.BIGINT)), rows, cut, rows.size());
        a.merge(Batches.state(List.of(Batches.col("id", ColumnType.BIGINT)), rows, 0, cut));
        ColumnProfile c = column(a.finish("t.csv", 0, Map.of()), "id");
        assertEquals(repeated <= limit, c.distinctExact(), repeated + " repeated, cut " + cut);
        if (repeated <= limit) {
          assertEquals(100_000, c.distinct());
          assertEquals(List.of("0=2", "50=2", "100=2"), top(c).subList(0, 3));
        }
      }
    }
  }

  /** Memory follows the span, not the row count: 16 MB of bits at most, plus the repeated keys. */
  @Test
  void memoryStaysBoundedWhateverTheRowCount() {
    LongCountMap ids = new LongCountMap(ValueCountsState.EXACT_LIMIT, 0, true);
    long[] batch = new long[4096];
    for (long next = 1; next <= 20_000_000L; ) { // 20 M unique ids
      int n = 0;
      while (n < batch.length && next <= 20_000_000L) {
        batch[n++] = next++;
      }
      assertEquals(n, ids.addAll(batch, 0, n));
    }
    assertFalse(ids.full());
    assertEquals(20_000_000, ids.size());
    assertTrue(ids.bytes() < 6L << 20, "20 M ids over 20 M values: 2.5 MB of bits (twice that while growing), held "
        + ids.bytes());

    LongCountMap widest = new LongCountMap(ValueCountsState.EXACT_LIMIT, 0, true);
    Random rnd = new Random(8);
    for (int i = 0; i < 3_000_000; i++) {
      widest.add(i < ValueCountsState.EXACT_LIMIT ? i * 2L : rnd.nextInt(BitCounts.MAX_SPAN), 1, null, 0, 0);
    }
    widest.add(BitCounts.MAX_SPAN - 1, 1, null, 0, 0);
    assertFalse(widest.full(), "about 33,000 keys repeated");
    assertTrue(widest.bytes() <= (16L << 20) + (8L << 20), "16 MB of bits and the repeats at most: " + widest.bytes());
  }

  /** Quantiles from the bits answer as the exact quantiles over a list of the same values do. */
  @Test
  void rankedQuantilesAgreeWithListedOnes() {
    Random rnd = new Random(21);
    for (int t = 0; t < 30; t++) {
      BitCounts bits = new BitCounts(0, 0);
      Map<Long, Long> truth = new HashMap<>();
      long lo = rnd.nextInt(1_000_000) - 500_000;
      int span = 1 + rnd.nextInt(t < 10 ? 100 : 5_000_000);
      int n = 1 + rnd.nextInt(20_000);
      for (int i = 0; i < n; i++) {
        long k = lo + (rnd.nextInt(4) == 0 ? rnd.nextInt(Math.min(span, 20)) : rnd.nextInt(span)); // some heavy keys
        assertTrue(bits.add(k, 1));
        truth.merge(k, 1L, Long::sum);
      }
      double[] values = new double[truth.size()];
      long[] counts = new long[truth.size()];
      int i = 0;
      for (Map.Entry<Long, Long> e : truth.entrySet()) {
        values[i] = e.getKey() / 100.0; // as a DECIMAL(…, 2) column's keys
        counts[i++] = e.getValue();
      }
      Quantiles listed = new CountedQuantiles(values, counts, values.length);
      Quantiles ranked = CountedQuantiles.ofRanks(bits.ranks(), k -> k / 100.0);
      String at = "trial " + t;
      assertEquals(listed.count(), ranked.count(), at);
      assertEquals(listed.min(), ranked.min(), at);
      assertEquals(listed.max(), ranked.max(), at);
      for (double q = 0; q <= 1.0001; q += 0.01) {
        assertEquals(listed.quantile(q), ranked.quantile(q), at + " q " + q);
      }
      for (int r = 0; r < 50; r++) {
        double x = (lo + rnd.nextInt(span + 2) - 1) / 100.0 + (r % 2 == 0 ? 0 : 0.001);
        assertEquals(listed.rank(x, true), ranked.rank(x, true), at + " rank " + x);
        assertEquals(listed.rank(x, false), ranked.rank(x, false), at + " rank " + x);
      }
      assertEquals(List.of(listed.histogram()), List.of(ranked.histogram()), at);
      assertEquals(listed.outliers(), ranked.outliers(), at);
    }
  }

  /** Distinct count, nulls, min, max, nearest-rank quantiles, histogram and top values as a plain computation gives them. */
  private static void assertMatchesPlainComputation(ColumnProfile c, List<Long> column, double scale) {
    long[] values = column.stream().filter(v -> v != null).mapToLong(Long::longValue).sorted().toArray();
    Map<Long, Long> counts = new HashMap<>();
    for (long v : values) {
      counts.merge(v, 1L, Long::sum);
    }
    String name = c.name();
    assertTrue(c.distinctExact(), name);
    assertTrue(c.distinct() > ValueCountsState.EXACT_LIMIT, name + " past the distinct limit");
    assertTrue(values[values.length - 1] - values[0] > LongCountMap.WIDE_MAX, name + " wider than 2^20");
    assertEquals(counts.size(), c.distinct(), name);
    assertEquals(column.size() - values.length, c.nulls(), name);
    assertTrue(c.quantilesExact(), name);
    Double[] got = {c.q05(), c.q25(), c.q50(), c.q75(), c.q95()};
    double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
    for (int i = 0; i < qs.length; i++) {
      long want = values[Math.max(0, (int) Math.ceil(qs[i] * values.length) - 1)];
      assertEquals(want / scale, got[i], 1e-9, name + " q" + qs[i]);
    }
    // histogram: ten equal-width bins from min to max, [lo, hi), the last one closed
    double min = values[0] / scale;
    double max = values[values.length - 1] / scale;
    long[] bins = new long[10];
    for (long v : values) {
      double x = v / scale;
      int b = 0;
      while (b < 9 && x >= min + (max - min) / 10 * (b + 1)) {
        b++;
      }
      bins[b]++;
    }
    assertEquals(List.of(bins[0], bins[1], bins[2], bins[3], bins[4], bins[5], bins[6], bins[7], bins[8], bins[9]),
        c.histogram().stream().map(Bin::count).toList(), name + " histogram");
    assertTrue(c.topValuesExact(), name);
    List<Map.Entry<Long, Long>> top = new ArrayList<>(counts.entrySet());
    top.sort(Comparator.<Map.Entry<Long, Long>>comparingLong(e -> -e.getValue()).thenComparingLong(Map.Entry::getKey));
    List<String> want = top.subList(0, c.topValues().size()).stream()
        .map(e -> (scale == 1 ? String.valueOf(e.getKey()) : BigDecimal.valueOf(e.getKey(), 2).toPlainString())
            + "=" + e.getValue()).toList();
    assertEquals(want, top(c), name + " top values");
    assertEquals(ColumnProfiles.TOP, c.topValues().size(), name);
  }

  /** What comes from the value counts (moments may differ in their last bits with the merge order). */
  private static List<Object> counted(ColumnProfile c) {
    return List.of(c.distinct(), c.distinctExact(), c.min(), c.max(), c.nulls(), List.of(c.q05(), c.q25(), c.q50(), c.q75(),
        c.q95(), c.iqr()), c.quantilesExact(), c.histogram(), c.outliers(), c.topValues(), c.topValuesExact(), c.alerts());
  }

  private static List<String> top(ColumnProfile c) {
    return c.topValues().stream().map(v -> v.value() + "=" + v.count()).toList();
  }
}
