package io.dsap.engine.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known answers for every strategy, computed by hand in the comments. */
class DataTransformerTest {
  // amount (non-null): 10, 30, 20, 1000, 40 -> sorted 10 20 30 40 1000; mean 220; median (nearest rank) 30;
  // q1 = 20, q3 = 40; sample stddev = sqrt(761000 / 4) = 436.177...
  static final String ORDERS = "id,amount,status,city\n"
      + "1,10,shipped,Paris\n"
      + "2,,Shipped ,\n"
      + "3,30,SHIPPED,Lyon\n"
      + "4,20,pending,Paris\n"
      + "5,1000,pending,\n"
      + "6,,pending,Lyon\n"
      + "7,40,shipped,Paris\n";

  @TempDir
  Path dir;
  DataTransformer t;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), ORDERS);
    t = DataTransformer.of(dir);
  }

  private List<Object[]> rows(String path, Map<String, ?> options) {
    try (TransformResult r = t.transform(path, TransformSpec.of(options))) {
      List<Object[]> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return out;
    }
  }

  private List<Object> column(String path, Map<String, ?> options, int c) {
    List<Object> out = new ArrayList<>();
    rows(path, options).forEach(r -> out.add(r[c]));
    return out;
  }

  private static List<Object> list(Object... v) {
    return java.util.Arrays.asList(v);
  }

  @Test
  void medianMeanModeConstantFills() {
    assertEquals(list(10, 30, 30, 20, 1000, 30, 40), column("orders.csv", Map.of("missing", "amount:median"), 1));
    assertEquals(list(10, 220, 30, 20, 1000, 220, 40), column("orders.csv", Map.of("missing", "amount:mean"), 1));
    assertEquals(list("Paris", "Paris", "Lyon", "Paris", "Paris", "Lyon", "Paris"),
        column("orders.csv", Map.of("missing", "city:mode"), 3));
    assertEquals(list("Paris", "unknown", "Lyon", "Paris", "unknown", "Lyon", "Paris"),
        column("orders.csv", Map.of("missing", "city:constant=unknown"), 3));
    assertEquals(list(10, -1, 30, 20, 1000, -1, 40),
        column("orders.csv", Map.of("missing", "amount:constant", "fill_value", "-1"), 1));
  }

  @Test
  void forwardAndBackwardFillAndDrop() {
    assertEquals(list(10, 10, 30, 20, 1000, 1000, 40), column("orders.csv", Map.of("missing", "amount:ffill"), 1));
    assertEquals(list(10, 30, 30, 20, 1000, 40, 40), column("orders.csv", Map.of("missing", "amount:bfill"), 1));
    assertEquals(list(1, 3, 4, 5, 7), column("orders.csv", Map.of("missing", "amount:drop"), 0));
    // both columns backward filled: rows wait until each NULL is resolved, order kept
    List<Object[]> both = rows("orders.csv", Map.of("missing", "bfill"));
    assertEquals(list(1, 2, 3, 4, 5, 6, 7), both.stream().map(r -> r[0]).toList());
    assertEquals(list("Paris", "Lyon", "Lyon", "Paris", "Lyon", "Lyon", "Paris"), both.stream().map(r -> r[3]).toList());
  }

  @Test
  void autoChoosesByTypeAndDistributionAndSaysSo() {
    try (TransformResult r = t.transform("orders.csv", TransformSpec.of(Map.of("missing", "auto")))) {
      List<Object[]> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      // amount is skewed (1000 among 10..40): median; city is text: mode
      assertEquals(30, out.get(1)[1]);
      assertEquals("Paris", out.get(1)[3]);
      TransformationReport rep = r.report();
      TransformationReport.Entry amount = entry(rep, "amount", "missing");
      assertTrue(amount.detail().startsWith("auto (numeric, skewness 1.49754): median"), amount.detail());
      assertTrue(amount.detail().contains("median = 30 (exact)"), amount.detail());
      assertEquals(2, amount.valuesChanged());
      assertEquals(2L, amount.nullsBefore());
      assertEquals(0L, amount.nullsAfter());
      assertEquals(220.0, amount.meanBefore(), 1e-9);
      assertEquals((1100 + 60) / 7.0, amount.meanAfter(), 1e-9);
      assertTrue(entry(rep, "city", "missing").detail().startsWith("auto (VARCHAR): mode = 'Paris' (3 of 5 values)"));
    }
  }

  static TransformationReport.Entry entry(TransformationReport r, String column, String step) {
    return r.steps().stream().filter(e -> java.util.Objects.equals(e.column(), column) && e.step().equals(step))
        .findFirst().orElseThrow(() -> new AssertionError(column + "/" + step + " not in " + r.steps()));
  }

  @Test
  void iqrCapsAtTheFence() {
    // fences 20 - 1.5*20 = -10 and 40 + 1.5*20 = 70
    assertEquals(list(10, null, 30, 20, 70, null, 40), column("orders.csv", Map.of("outliers", "amount:iqr"), 1));
    // k = 0.5: fences 10 and 50
    assertEquals(list(10, null, 30, 20, 50, null, 40),
        column("orders.csv", Map.of("outliers", "amount:iqr", "outlier_threshold", 0.5), 1));
  }

  @Test
  void zscoreCapsRoundingInward() {
    // upper bound 220 + 1.5 * 436.177 = 874.27 -> 874 in an INTEGER column
    assertEquals(list(10, null, 30, 20, 874, null, 40),
        column("orders.csv", Map.of("outliers", "amount:zscore", "outlier_threshold", 1.5), 1));
    // threshold 3 (default): nothing is beyond 220 + 3 * 436.18
    assertEquals(list(10, null, 30, 20, 1000, null, 40), column("orders.csv", Map.of("outliers", "amount:zscore"), 1));
  }

  @Test
  void madFlagsNullsAndRemoves() {
    // median 30, |x - 30| = 20 0 10 970 10 -> MAD 10; bounds 30 +- 3.5 * 10 / 0.6745 = [-21.9, 81.9]
    List<Object[]> flagged = rows("orders.csv", Map.of("outliers", "amount:mad", "outlier_action", "flag"));
    assertEquals(list(false, null, false, false, true, null, false), flagged.stream().map(r -> r[4]).toList());
    assertEquals(list(10, null, 30, 20, null, null, 40),
        column("orders.csv", Map.of("outliers", "amount:mad", "outlier_action", "null"), 1));
    assertEquals(list(1, 2, 3, 4, 6, 7),
        column("orders.csv", Map.of("outliers", "amount:mad", "outlier_action", "remove"), 0));
    try (TransformResult r = t.transform("orders.csv", TransformSpec.of(Map.of("outliers", "amount:mad",
        "outlier_action", "flag")))) {
      assertEquals("amount_outlier", r.columns().get(4).name());
      assertEquals(ColumnType.BOOLEAN, r.columns().get(4).type());
    }
  }

  @Test
  void scaling() {
    List<Object> std = column("orders.csv", Map.of("scale", "amount:standard"), 1);
    double sd = Math.sqrt(761000 / 4.0);
    assertEquals((10 - 220) / sd, (Double) std.get(0), 1e-12);
    assertEquals((1000 - 220) / sd, (Double) std.get(4), 1e-12);
    assertNull(std.get(1));
    assertEquals(list(0.0, null, 20 / 990.0, 10 / 990.0, 1.0, null, 30 / 990.0),
        column("orders.csv", Map.of("scale", "amount:minmax"), 1));
    // robust: (x - 30) / (40 - 20)
    assertEquals(list(-1.0, null, 0.0, -0.5, 48.5, null, 0.5), column("orders.csv", Map.of("scale", "amount:robust"), 1));
    // min-max after capping at 70 uses the cap as the maximum
    assertEquals(list(0.0, null, 20 / 60.0, 10 / 60.0, 1.0, null, 0.5),
        column("orders.csv", Map.of("outliers", "amount:iqr", "scale", "amount:minmax"), 1));
  }

  @Test
  void binning() {
    // equal width over 10..1000: edges 257.5, 505, 752.5
    assertEquals(list(1, null, 1, 1, 4, null, 1), column("orders.csv", Map.of("bin", "amount:equal_width"), 1));
    // quantile edges q.25 = 20, q.5 = 30, q.75 = 40 (a value at an edge goes up)
    assertEquals(list(1, null, 3, 2, 4, null, 4), column("orders.csv", Map.of("bin", "amount:quantile"), 1));
    assertEquals(list(1, null, 1, 1, 2, null, 1),
        column("orders.csv", Map.of("bin", "amount:equal_width", "bins", 2), 1));
  }

  @Test
  void encodingAndCase() {
    try (TransformResult r = t.transform("orders.csv", TransformSpec.of(Map.of("case", "lower", "encode",
        "status:one_hot")))) {
      assertEquals(List.of("id", "amount", "status", "city", "status_pending", "status_shipped"),
          r.columns().stream().map(ColumnSpec::name).toList());
      List<Object[]> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      assertEquals(list("shipped", "shipped", "shipped", "pending", "pending", "pending", "shipped"),
          out.stream().map(x -> x[2]).toList());
      assertArrayEquals(new Object[] {false, true}, java.util.Arrays.copyOfRange(out.get(1), 4, 6));
      assertArrayEquals(new Object[] {true, false}, java.util.Arrays.copyOfRange(out.get(3), 4, 6));
    }
    assertEquals(list(1, 1, 1, 0, 0, 0, 1), column("orders.csv", Map.of("case", "lower", "encode", "status:ordinal"), 2));
    assertEquals(list(2, 2, 2, 0, 0, 0, 2), column("orders.csv", Map.of("case", "lower", "encode", "status:ordinal",
        "ordinal_order", "status: pending|packed|shipped"), 2));
    assertEquals(list("Shipped", "Shipped", "Shipped", "Pending", "Pending", "Pending", "Shipped"),
        column("orders.csv", Map.of("case", "title"), 2));
  }

  @Test
  void typeRepairOfNumbersDatesAndText() throws Exception {
    Files.writeString(dir.resolve("messy.csv"), "price,day,name\n"
        + "\"1,234.50\",03/04/2024,\"  hello   world \"\n"
        + "$12,13/04/2024,caf\u0065\u0301\n"
        + "12%,2024-04-15,x\n"
        + "\"1.234,50\",,y\n"
        + "n/a,14/04/2024,z\n");
    try (TransformResult r = t.transform("messy.csv", TransformSpec.DEFAULT)) {
      assertEquals(ColumnType.DOUBLE, r.columns().get(0).type());
      assertEquals(ColumnType.DATE, r.columns().get(1).type());
      List<Object[]> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      assertEquals(list(1234.5, 12.0, 0.12, 1234.5, null), out.stream().map(x -> x[0]).toList());
      // dd/MM/yyyy parses most values, so 03/04/2024 is 3 April
      assertEquals(list(19816, 19826, 19828, null, 19827), out.stream().map(x -> x[1]).toList());
      assertEquals(list("hello world", "caf\u00e9", "x", "y", "z"), out.stream().map(x -> x[2]).toList());
      TransformationReport rep = r.report();
      assertEquals(5, entry(rep, "price", "numbers").valuesChanged()); // 4 rewritten, 'n/a' became NULL
      assertEquals(3, entry(rep, "day", "dates").valuesChanged());
      assertEquals(2, entry(rep, "name", "text").valuesChanged());
    }
  }

  @Test
  void derivedColumnsThroughCalcite() {
    try (TransformResult r = t.transform("orders.csv", TransformSpec.of(Map.of("missing", "amount:median",
        "derive", "double_amount = amount * 2; big = amount > 25; label = upper(city)")))) {
      assertEquals(List.of(ColumnType.INTEGER, ColumnType.BOOLEAN, ColumnType.VARCHAR),
          r.columns().subList(4, 7).stream().map(ColumnSpec::type).toList());
      Object[] second = null;
      for (int i = 0; i < 2; i++) {
        second = r.next();
      }
      assertArrayEquals(new Object[] {60, true, null}, java.util.Arrays.copyOfRange(second, 4, 7));
    }
    DsapException e = assertThrows(DsapException.class, () -> t.plan("orders.csv",
        TransformSpec.of(Map.of("derive", "x = amount * nope"))));
    assertTrue(e.getMessage().contains("derived column 'x' at character 10"), e.getMessage());
    assertTrue(e.getMessage().contains("Column 'nope' not found"), e.getMessage());
  }

  @Test
  void yamlSpecAndNamedArgumentsAreTheSameSpec() {
    String yaml = "missing:\n  amount: median\n  city: constant=unknown\n"
        + "outliers: {amount: iqr}\noutlier_action: cap\n"
        + "case: lower\nencode: {status: one_hot}\nscale: {amount: minmax}\n"
        + "derive:\n  double_amount: amount * 2\n";
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("missing", "amount:median, city:constant=unknown");
    args.put("outliers", "amount:iqr");
    args.put("outlier_action", "cap");
    args.put("case", "lower");
    args.put("encode", "status:one_hot");
    args.put("scale", "amount:minmax");
    args.put("derive", "double_amount = amount * 2");
    TransformSpec fromYaml = TransformSpec.fromYaml(yaml);
    TransformSpec fromArgs = TransformSpec.of(args);
    assertEquals(fromYaml, fromArgs);
    List<Object[]> a = rows("orders.csv", args);
    List<Object[]> b;
    try (TransformResult r = t.transform("orders.csv", fromYaml)) {
      b = new ArrayList<>();
      r.forEachRemaining(b::add);
    }
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i));
    }
  }

  @Test
  void badOptionsSayWhatIsWrong() {
    DsapException unknown = assertThrows(DsapException.class, () -> TransformSpec.of(Map.of("mising", "median")));
    assertTrue(unknown.getMessage().contains("unknown cleaning option 'mising'"), unknown.getMessage());
    DsapException text = assertThrows(DsapException.class, () -> t.plan("orders.csv",
        TransformSpec.of(Map.of("missing", "city:median"))));
    assertTrue(text.getMessage().contains("median needs numeric or date values, but column city is VARCHAR"),
        text.getMessage());
    DsapException col = assertThrows(DsapException.class, () -> t.plan("orders.csv",
        TransformSpec.of(Map.of("outliers", "amout:iqr"))));
    assertTrue(col.getMessage().contains("there is no column 'amout'"), col.getMessage());
    DsapException cap = assertThrows(DsapException.class, () -> t.plan("orders.csv",
        TransformSpec.of(Map.of("outliers", "amount:isolation_forest", "outlier_action", "cap"))));
    assertTrue(cap.getMessage().contains("has no bounds to cap"), cap.getMessage());
  }

  @Test
  void globalChoicesSkipKeysAndTextColumns() {
    // id is a key (all distinct integers): a global scale leaves it alone; city is text: skipped
    List<Object[]> out = rows("orders.csv", Map.of("scale", "robust"));
    assertEquals(list(1, 2, 3, 4, 5, 6, 7), out.stream().map(r -> r[0]).toList());
    assertEquals(-1.0, out.get(0)[1]);
  }
}
