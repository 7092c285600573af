package io.dsap.engine.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted outliers score above every inlier; the same seed gives the same scores. */
class IsolationForestTest {
  private static double[][] data() {
    Random r = new Random(7);
    double[][] d = new double[1005][];
    for (int i = 0; i < 1000; i++) {
      d[i] = new double[] {r.nextGaussian(), r.nextGaussian() * 2 + 10};
    }
    // planted: far from the cloud in one or both features
    d[1000] = new double[] {9, 10};
    d[1001] = new double[] {-8, 10};
    d[1002] = new double[] {0, 30};
    d[1003] = new double[] {7, -8};
    d[1004] = new double[] {-6, 28};
    return d;
  }

  @Test
  void plantedOutliersScoreAboveInliers() {
    double[][] d = data();
    IsolationForest f = IsolationForest.fit(d, 100, 256, 42);
    double[] inliers = Arrays.stream(d, 0, 1000).mapToDouble(f::score).sorted().toArray();
    double p99 = inliers[989];
    for (int i = 1000; i < 1005; i++) {
      double s = f.score(d[i]);
      assertTrue(s > p99, "planted row " + i + " scores " + s + ", the 99th percentile of inliers " + p99);
      assertTrue(s > 0.6, "planted row " + i + " scores " + s);
    }
    // the bulk of the inliers is well below 0.5
    assertTrue(inliers[500] < 0.5, "median inlier score " + inliers[500]);
  }

  @Test
  void seededAndDeterministic() {
    double[][] d = data();
    double[] a = Arrays.stream(d).mapToDouble(IsolationForest.fit(d, 50, 128, 1)::score).toArray();
    double[] b = Arrays.stream(d).mapToDouble(IsolationForest.fit(data(), 50, 128, 1)::score).toArray();
    double[] c = Arrays.stream(d).mapToDouble(IsolationForest.fit(data(), 50, 128, 2)::score).toArray();
    assertArrayEquals(a, b);
    assertTrue(!Arrays.equals(a, c), "another seed grows another forest");
  }

  @Test
  void averagePathLengthNormaliser() {
    // c(n) = 2 H(n-1) - 2 (n-1) / n with H(i) = ln(i) + Euler's constant (paper, eq. 1)
    assertEquals(0, IsolationForest.c(1));
    assertEquals(1, IsolationForest.c(2));
    assertEquals(2 * (Math.log(255) + 0.5772156649015329) - 2.0 * 255 / 256, IsolationForest.c(256), 1e-12);
  }

  @Test
  void cleanFlagsThePlantedRowsOfAFile(@TempDir Path dir) throws Exception {
    double[][] d = data();
    StringBuilder csv = new StringBuilder("x,y\n");
    for (double[] row : d) {
      csv.append(row[0]).append(',').append(row[1]).append('\n');
    }
    Files.writeString(dir.resolve("points.csv"), csv);
    List<Integer> flagged = new ArrayList<>();
    try (TransformResult r = DataTransformer.of(dir).transform("points.csv",
        TransformSpec.of(Map.of("outliers", "isolation_forest", "outlier_threshold", 0.65)))) {
      assertEquals(List.of("x", "y", "outlier", "outlier_score"), r.columns().stream().map(c -> c.name()).toList());
      int i = 0;
      while (r.hasNext()) {
        if (Boolean.TRUE.equals(r.next()[2])) {
          flagged.add(i);
        }
        i++;
      }
    }
    assertTrue(flagged.containsAll(List.of(1000, 1001, 1002, 1003, 1004)), flagged.toString());
    assertTrue(flagged.size() <= 15, "few inliers flagged: " + flagged);
  }
}
