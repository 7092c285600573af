package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.CsvSchemaDetector;
import io.dsap.engine.csv.CsvTableSource;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-number and date columns with more than 65,536 distinct values whose values span at most
 * 2^20 stay exact (distinct count, quantiles, top values), and so do those spanning less than 2^27
 * with at most 65,536 values repeated; a wider span falls back to the sketches and says so.
 * Checked against a straightforward computation over the same rows.
 */
class WideCountsTest {
  private static final int ROWS = 200_000;

  /** A real CSV in several splits: cents prices, dates over six centuries, ids with one far outlier. */
  @Test
  void priceAndDateColumnsPastTheDistinctLimitAreExactFromARealFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("wide.csv");
    Random rnd = new Random(7);
    List<Long> prices = new ArrayList<>(); // cents; null for an empty field
    List<Long> days = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("id,price,day,note\n");
      for (int i = 0; i < ROWS; i++) {
        Long price = i % 50 == 0 ? null : 50 + (long) rnd.nextInt(500_000 - 50);
        // days from 1710 to 2289 (about 211,000 of them), leap days included
        Long day = i % 37 == 0 ? null : LocalDate.of(1710, 1, 1).toEpochDay() + rnd.nextInt(211_000);
        long id = i == ROWS - 1 ? 5_000_000_000L : 3L * i; // the last row puts the span past 2^20
        prices.add(price);
        days.add(day);
        ids.add(id);
        String note = switch (i % 4) {
          case 0 -> "\"a, quoted \"\"note\"\"\"";
          case 1 -> "\"\"";
          case 2 -> "";
          default -> "\"a plain note number " + i + " with more words in it\""; // also makes the file span several splits
        };
        w.write(id + "," + (price == null ? "" : BigDecimal.valueOf(price, 2).toPlainString()) + ","
            + (day == null ? "" : LocalDate.ofEpochDay(day)) + "," + note + "\n");
      }
    }
    CsvFileSchema schema = CsvSchemaDetector.detect(file, new CsvOptions(",", "\"", "\"", true, null,
        CsvOptions.parseTypes("id:BIGINT,price:DECIMAL(10,2),day:DATE,note:VARCHAR"), null, null, null));
    assertTrue(Files.size(file) > 2 * (4L << 20), "big enough for several splits");
    TableProfile p = Profiler.profile(new CsvTableSource(file, "wide.csv", schema), "wide.csv");

    ColumnProfile price = column(p, "price");
    assertExact(price, prices, k -> BigDecimal.valueOf(k, 2).toPlainString());
    assertTrue(price.distinct() > ValueCountsState.EXACT_LIMIT, "past the old limit: " + price.distinct());
    ColumnProfile day = column(p, "day");
    assertExact(day, days, k -> LocalDate.ofEpochDay(k).toString());
    assertTrue(day.distinct() > ValueCountsState.EXACT_LIMIT, "past the old limit: " + day.distinct());

    ColumnProfile id = column(p, "id");
    assertFalse(id.distinctExact(), "ids span more than 2^20: estimated");
    assertFalse(id.quantilesExact());
    assertEquals(ROWS, id.distinct(), ROWS * id.distinctError());
    assertEquals(List.of(), id.topValues(), "no id repeats: the sketch lists none");
    assertEquals("0", id.min());
    assertEquals("5000000000", id.max());
  }

  /** Splits merged in either order, exact or not, give the same answer as one pass. */
  @Test
  void mergedSplitsAgreeWithOnePassAtEveryBoundary() {
    List<ColumnSpec> specs = List.of(Batches.col("near", ColumnType.BIGINT), Batches.col("far", ColumnType.BIGINT),
        Batches.col("ids", ColumnType.BIGINT));
    Random rnd = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    List<Long> near = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      long n = (long) rnd.nextInt(1 << 20) - 400_000; // negative keys too, span just under 2^20
      near.add(n);
      // ids: each half is dense and past the limit on its own, the union spans past 2^20 (bits);
      // far: the same, but the union spans past 2^27: sketched
      long id = i < 75_000 ? (long) i : 10_000_000L + i;
      ids.add(id);
      rows.add(new Object[] {n, i < 75_000 ? (long) i : 200_000_000L + i, id});
    }
    for (int cut : new int[] {1, 70_000, 149_999}) {
      TableState a = Batches.state(specs, rows, 0, cut);
      a.merge(Batches.state(specs, rows, cut, rows.size()));
      TableState b = Batches.state(specs, rows, cut, rows.size());
      b.merge(Batches.state(specs, rows, 0, cut));
      for (TableState s : List.of(a, b)) {
        TableProfile p = s.finish("t.csv", 0, Map.of());
        assertExact(column(p, "near"), near, String::valueOf);
        assertExact(column(p, "ids"), ids, String::valueOf);
        ColumnProfile far = column(p, "far");
        assertFalse(far.distinctExact(), "cut " + cut);
        assertEquals(150_000, far.distinct(), 150_000 * far.distinctError(), "cut " + cut);
        assertEquals(0.5 * 75_000, far.q25(), 0.02 * 150_000, "cut " + cut);
      }
    }
  }

  /** Every whole-number column may count densely; one whose keys spread past 2^20 is sketched. */
  @Test
  void manyWideColumnsStayExactAndASpreadOneIsSketched() {
    List<ColumnSpec> specs = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      specs.add(Batches.col("c" + c, ColumnType.INTEGER));
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(new Object[] {(long) i, (long) -i, (long) i * 10, 7L * i, (long) i * 11, (long) i * 1500});
    }
    TableProfile p = Batches.profile(specs, rows);
    for (int c = 0; c < 5; c++) {
      assertTrue(column(p, "c" + c).distinctExact(), "c" + c);
      assertEquals(100_000, column(p, "c" + c).distinct());
    }
    assertFalse(column(p, "c5").distinctExact(), "100,000 keys over 150,000,000 values");
  }

  /** Distinct count, nulls, min, max, nearest-rank quantiles and top values as a plain computation gives them. */
  private static void assertExact(ColumnProfile c, List<Long> column, Function<Long, String> render) {
    long[] values = column.stream().filter(v -> v != null).mapToLong(Long::longValue).sorted().toArray();
    Map<Long, Long> counts = new HashMap<>();
    for (long v : values) {
      counts.merge(v, 1L, Long::sum);
    }
    String name = c.name();
    assertTrue(c.distinctExact(), name);
    assertEquals(0.0, c.distinctError(), name);
    assertEquals(counts.size(), c.distinct(), name);
    assertEquals(column.size() - values.length, c.nulls(), name);
    assertEquals(render.apply(values[0]), c.min(), name);
    assertEquals(render.apply(values[values.length - 1]), c.max(), name);
    if (c.q25() != null) { // numbers; dates have no quantiles
      assertTrue(c.quantilesExact(), name);
      double scale = c.type().startsWith("DECIMAL") ? 100 : 1;
      for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
        long want = values[Math.max(0, (int) Math.ceil(q * values.length) - 1)];
        Double got = q == 0.05 ? c.q05() : q == 0.25 ? c.q25() : q == 0.5 ? c.q50() : q == 0.75 ? c.q75() : c.q95();
        assertEquals(want / scale, got, 1e-9, name + " q" + q);
      }
    }
    assertTrue(c.topValuesExact(), name);
    List<Map.Entry<Long, Long>> top = new ArrayList<>(counts.entrySet());
    top.sort(Comparator.<Map.Entry<Long, Long>>comparingLong(e -> -e.getValue()).thenComparingLong(Map.Entry::getKey));
    List<String> want = top.subList(0, c.topValues().size()).stream()
        .map(e -> render.apply(e.getKey()) + "=" + e.getValue()).toList();
    List<String> got = c.topValues().stream().map(v -> v.value() + "=" + v.count()).toList();
    assertEquals(want, got, name + " top values");
    assertTrue(c.topValues().size() >= 10, name);
  }
}
