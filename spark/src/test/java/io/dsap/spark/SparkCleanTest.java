package io.dsap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.transform.DataTransformer;
import io.dsap.engine.transform.TransformResult;
import io.dsap.engine.transform.TransformSpec;
import io.dsap.engine.transform.TransformationReport;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.DataFiles;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark in local[2] cleans a file with a spec exactly as the local engine does: same rows, same values, same report. */
class SparkCleanTest {
  static SparkSession spark;
  @TempDir static Path dir;
  static Path csv;
  static List<ColumnSpec> detected;

  static final String SPEC = """
      missing: "quantity:median, city:mode, score:mean, amount:drop"
      outliers: "price:iqr, score:zscore"
      outlier_action: cap
      case: lower
      derive: "total = quantity * price"
      scale: "score:standard"
      bin: "age:quantile"
      encode: "city:one_hot, tier:ordinal"
      """;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("dsap-clean-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        // small splits: the file is read as several blocks by both tasks
        .config("spark.sql.files.maxPartitionBytes", "16384").getOrCreate();
    csv = dir.resolve("customers.csv");
    Files.writeString(csv, generate(new Random(11)));
    detected = DataFiles.of(DataRoot.of(dir), FormatRegistry.defaults()).open("customers.csv", FormatOptions.NONE)
        .columns();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** Dirty customers: numbers written for people, cities in mixed case and spacing, gaps, outliers, a short record. */
  static String generate(Random rnd) {
    StringBuilder b = new StringBuilder("id,amount,quantity,price,score,age,city,tier,joined\n");
    String[] cities = {"Paris", " paris", "PARIS ", "Berlin", "berlin", "Rome", "  Oslo"};
    String[] tiers = {"gold", "silver", "bronze"};
    for (int i = 1; i <= 3000; i++) {
      double amt = Math.round(rnd.nextDouble() * 500000) / 100.0;
      String amount = switch (rnd.nextInt(40)) {
        case 0 -> "";
        case 1 -> "n/a";
        case 2, 3 -> String.format(java.util.Locale.ROOT, "$%,.2f", amt);
        default -> String.format(java.util.Locale.ROOT, "%.2f", amt);
      };
      String quantity = rnd.nextInt(15) == 0 ? "" : String.valueOf(1 + rnd.nextInt(20));
      String price = rnd.nextInt(100) == 0 ? "99999.99" : String.format(java.util.Locale.ROOT, "%.2f",
          5 + rnd.nextDouble() * 95);
      String score = rnd.nextInt(12) == 0 ? "" : String.valueOf(rnd.nextGaussian() * 10 + (rnd.nextInt(150) == 0
          ? 200 : 50));
      String age = String.valueOf(18 + rnd.nextInt(60));
      String city = rnd.nextInt(20) == 0 ? "" : cities[rnd.nextInt(cities.length)];
      String tier = tiers[rnd.nextInt(3)];
      String joined = String.format("%02d/%02d/2023", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12));
      b.append(i).append(',').append(amount.contains(",") ? "\"" + amount + "\"" : amount).append(',')
          .append(quantity).append(',').append(price).append(',').append(score).append(',').append(age).append(',')
          .append(city).append(',').append(tier).append(',').append(joined).append('\n');
      if (i == 1234) {
        b.append("9999,1.00,2\n"); // too few fields: rejected by both readers
      }
    }
    return b.toString();
  }

  @Test
  void sameRowsValuesAndReportAsTheLocalEngine() {
    TransformSpec spec = TransformSpec.fromYaml(SPEC);
    List<Object[]> local = new ArrayList<>();
    List<ColumnSpec> localColumns;
    TransformationReport localReport;
    try (TransformResult r = DataTransformer.of(dir).transform("customers.csv", spec)) {
      localColumns = r.columns();
      r.forEachRemaining(local::add);
      localReport = r.report();
    }
    SparkClean.Result remote = SparkClean.run(SparkInput.read(spark, "csv", Map.of(), csv.toString()), detected, spec);
    assertEquals(localColumns.stream().map(ColumnSpec::typeText).toList(),
        remote.columns().stream().map(ColumnSpec::typeText).toList());
    assertEquals(localColumns.stream().map(ColumnSpec::name).toList(),
        remote.columns().stream().map(ColumnSpec::name).toList());

    List<Row> rows = remote.rows().orderBy(SparkInput.ROW).collectAsList();
    assertEquals(local.size(), rows.size(), "rows after cleaning");
    assertTrue(local.size() < 3000 && local.size() > 2800, "amount:drop removes the rows without an amount");
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < localColumns.size(); c++) {
        assertSame(local.get(i)[c], rows.get(i).get(c), localColumns.get(c),
            "row " + rows.get(i).getAs(SparkInput.ROW) + ", column " + localColumns.get(c).name());
      }
    }

    TransformationReport r = remote.report();
    assertEquals(localReport.rowsIn(), r.rowsIn());
    assertEquals(localReport.rowsOut(), r.rowsOut());
    assertEquals(localReport.rowsRejected(), r.rowsRejected());
    assertEquals(1, r.rowsRejected(), "the short record");
    assertEquals(localReport.steps().size(), r.steps().size());
    for (int i = 0; i < r.steps().size(); i++) {
      TransformationReport.Entry l = localReport.steps().get(i);
      TransformationReport.Entry s = r.steps().get(i);
      String what = l.column() + " " + l.step();
      assertEquals(l.column() + " " + l.step() + ": " + l.detail(), s.column() + " " + s.step() + ": " + s.detail());
      assertEquals(l.valuesChanged(), s.valuesChanged(), what + " values changed");
      assertEquals(l.nullsBefore(), s.nullsBefore(), what + " nulls before");
      assertEquals(l.nullsAfter(), s.nullsAfter(), what + " nulls after");
      close(l.meanAfter(), s.meanAfter(), what + " mean after");
      close(l.maxAfter(), s.maxAfter(), what + " max after");
    }
    // the spec did something to every column it names
    List<String> steps = r.steps().stream().map(e -> e.column() + ":" + e.step()).toList();
    for (String s : List.of("amount:numbers", "city:text", "city:case", "quantity:missing", "price:outliers",
        "total:derive", "score:scale", "age:bin", "city:encode", "tier:encode")) {
      assertTrue(steps.contains(s), s + " in " + steps);
    }
  }

  /** Equal values: numbers within 1e-9 relative (moments merged across partitions round differently), the rest exactly. */
  private static void assertSame(Object local, Object spark, ColumnSpec c, String where) {
    Object s = spark;
    if (s instanceof Date d) {
      s = (int) d.toLocalDate().toEpochDay();
    } else if (s instanceof Timestamp t) {
      s = t.getTime();
    }
    if (local == null || s == null) {
      assertEquals(local, s, where);
    } else if (local instanceof BigDecimal x) {
      assertEquals(0, x.compareTo((BigDecimal) s), where + ": " + x + " vs " + s);
    } else if (local instanceof Double x) {
      close(x, ((Number) s).doubleValue(), where);
    } else {
      assertEquals(local, s, where);
    }
  }

  private static void close(Double expected, Double actual, String what) {
    if (expected == null) {
      assertEquals(null, actual, what);
      return;
    }
    assertEquals(expected, actual, Math.max(1e-12, Math.abs(expected) * 1e-9), what);
  }

  @Test
  void stepsThatNeedOneRowOrderAreRefusedByName() {
    DsapException e = assertThrows(DsapException.class, () -> SparkClean.run(
        SparkInput.read(spark, "csv", Map.of(), csv.toString()), detected,
        TransformSpec.fromYaml("missing: \"quantity:ffill\"")));
    assertTrue(e.getMessage().contains("missing: quantity:ffill") && e.getMessage().contains("Spark"), e.getMessage());
    e = assertThrows(DsapException.class, () -> SparkClean.run(SparkInput.read(spark, "csv", Map.of(),
        csv.toString()), detected, TransformSpec.fromYaml("outliers: isolation_forest")));
    assertTrue(e.getMessage().contains("isolation_forest"), e.getMessage());
  }

  @Test
  void theJobWritesCleanedDataAndItsSummary() throws Exception {
    Path spec = dir.resolve("clean.yaml");
    Files.writeString(spec, SPEC);
    Path out = dir.resolve("clean-out");
    int code = DsapSparkJob.run("clean", csv.toString(), "--spec", spec.toString(), "--out", out.toString());
    assertEquals(DsapSparkJob.OK, code);
    List<Row> data = spark.read().parquet(out.resolve("data").toString()).collectAsList();
    long localRows;
    try (TransformResult r = DataTransformer.of(dir).transform("customers.csv", TransformSpec.fromYaml(SPEC))) {
      localRows = r.report().rowsOut();
    }
    assertEquals(localRows, data.size());
    assertTrue(data.get(0).schema().fieldNames().length > 9, "encoded columns added");
    Row counts = spark.read().parquet(out.resolve("rows").toString()).first();
    assertEquals(localRows, counts.<Long>getAs("rows_out"));
    assertTrue(spark.read().parquet(out.resolve("summary").toString()).where("step = 'outliers'").count() >= 2);
  }
}
