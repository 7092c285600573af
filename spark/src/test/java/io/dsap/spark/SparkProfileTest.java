package io.dsap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.profile.ColumnProfile;
import io.dsap.engine.profile.Profiler;
import io.dsap.engine.profile.TableProfile;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark's profile equals the local profiler's: exact metrics exactly, sketched ones within their error. */
class SparkProfileTest {
  static SparkSession spark;
  @TempDir static Path dir;
  static double[] amounts;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("dsap-profile-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.files.maxPartitionBytes", "32768").getOrCreate();
    Random rnd = new Random(7);
    StringBuilder b = new StringBuilder("id,amount,price,city,day\n");
    String[] cities = {"Berlin", "Paris", "Rome", "Oslo", "Lima", ""};
    List<Double> a = new ArrayList<>();
    for (int i = 1; i <= 20_000; i++) {
      double amount = Math.round(Math.exp(rnd.nextGaussian()) * 1000) / 10.0;
      a.add(amount);
      String price = rnd.nextInt(50) == 0 ? "" : (rnd.nextInt(100000) / 100.0) + "";
      String day = "2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10);
      b.append(i).append(',').append(amount).append(',').append(price).append(',')
          .append(cities[rnd.nextInt(cities.length)]).append(',').append(i == 777 ? "not a date" : day).append('\n');
    }
    amounts = a.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    Files.writeString(dir.resolve("sales.csv"), b.toString());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void matchesTheLocalProfiler() {
    DataFiles files = DataFiles.of(DataRoot.of(dir), FormatRegistry.defaults());
    TableProfile local = Profiler.profile(files.open("sales.csv", FormatOptions.NONE), "sales.csv");
    SchemaDocument detected = DataValidator.of(dir).generateSchema("sales.csv");
    List<SparkProfile.ColumnResult> remote = SparkProfile.run(
        SparkInput.read(spark, "csv", Map.of(), dir.resolve("sales.csv").toString()), detected);
    assertEquals(local.columns().size(), remote.size());
    for (int i = 0; i < remote.size(); i++) {
      ColumnProfile l = local.columns().get(i);
      SparkProfile.ColumnResult r = remote.get(i);
      String where = l.name() + ": ";
      assertEquals(l.name(), r.name());
      assertEquals(l.count(), r.count(), where + "count");
      assertEquals(l.nulls(), r.nulls(), where + "nulls");
      assertEquals(l.invalid(), r.invalid(), where + "invalid");
      assertEquals(l.distinctExact(), r.distinctExact(), where + "distinct exact");
      assertEquals(l.distinct(), r.distinct(), where + "distinct");
      close(l.mean(), r.mean(), where + "mean");
      close(l.stddev(), r.stddev(), where + "stddev");
      close(l.variance(), r.variance(), where + "variance");
      close(l.skewness(), r.skewness(), where + "skewness");
      close(l.kurtosis(), r.kurtosis(), where + "kurtosis");
      if (l.mean() != null) {
        assertEquals(Double.parseDouble(l.min()), Double.parseDouble(r.min()), 1e-9, where + "min");
        assertEquals(Double.parseDouble(l.max()), Double.parseDouble(r.max()), 1e-9, where + "max");
      }
    }
    // the day column: one value is not a date, so that record is invalid and not profiled, as locally
    assertEquals(1, remote.get(4).invalid());
    // quantiles of amount from KLL: within the sketch's rank error of the exact ones
    SparkProfile.ColumnResult amount = remote.get(1);
    assertFalse(amount.quantilesExact());
    double[] qs = {0.05, 0.25, 0.5, 0.75, 0.95};
    Double[] got = {amount.q05(), amount.q25(), amount.q50(), amount.q75(), amount.q95()};
    for (int k = 0; k < qs.length; k++) {
      assertNotNull(got[k]);
      double rank = rank(got[k]);
      assertTrue(Math.abs(rank - qs[k]) <= 0.02, "q" + qs[k] + " = " + got[k] + " has rank " + rank);
    }
  }

  /** Share of the data below or at {@code v}, ties split. */
  private static double rank(double v) {
    int lo = lowerBound(v);
    int hi = lowerBound(Math.nextUp(v));
    return (lo + hi) / 2.0 / amounts.length;
  }

  private static int lowerBound(double v) {
    int i = Arrays.binarySearch(amounts, v);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && amounts[i - 1] == v) {
      i--;
    }
    return i;
  }

  private static void close(Double expected, Double actual, String what) {
    if (expected == null || expected.isNaN()) {
      assertTrue(actual == null || actual.isNaN(), what + ": expected none, got " + actual);
      return;
    }
    assertNotNull(actual, what);
    assertEquals(expected, actual, Math.max(1e-9, Math.abs(expected) * 1e-9), what);
  }
}
