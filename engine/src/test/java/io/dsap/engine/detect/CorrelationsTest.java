package io.dsap.engine.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The coefficients against hand-computed values. */
class CorrelationsTest {
  @Test
  void cramersVOfHandComputedTables() {
    // E = 2 everywhere; chi2 = 4 * 1/2 = 2; V = sqrt(2 / 8) = 0.5
    assertEquals(0.5, Correlations.cramersV(new long[][] {{3, 1}, {1, 3}}), 1e-12);
    assertEquals(1.0, Correlations.cramersV(new long[][] {{10, 0}, {0, 10}}), 1e-12);
    assertEquals(0.0, Correlations.cramersV(new long[][] {{5, 5}, {5, 5}}), 1e-12);
    // rows 60/60, columns 30/40/50, n 120: chi2 = 2 * (25/15 + 0 + 25/25) = 16/3; V = sqrt(16/3 / 120)
    assertEquals(Math.sqrt(16.0 / 3 / 120), Correlations.cramersV(new long[][] {{10, 20, 30}, {20, 20, 20}}), 1e-12);
    assertNull(Correlations.cramersV(new long[][] {{4, 5}, {0, 0}}), "one category on a side: undefined");
  }

  @Test
  void pearsonAndSpearman() {
    double[] x = {1, 2, 3, 4, 5};
    assertEquals(1.0, Correlations.pearson(x, new double[] {3, 5, 7, 9, 11}), 1e-12);
    assertEquals(-1.0, Correlations.spearman(x, new double[] {50, 40, 30, 20, 10}), 1e-12);
    assertEquals(1.0, Correlations.spearman(x, new double[] {1, 8, 27, 64, 125}), 1e-12);
    assertNull(Correlations.pearson(x, new double[] {2, 2, 2, 2, 2}), "constant: undefined");
    assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Correlations.ranks(new double[] {1, 2, 2, 3}));
    // x = 1..4, y = 1,3,2,4: mean 2.5; sxy = (-1.5)(-1.5) + (-0.5)(0.5) + (0.5)(-0.5) + (1.5)(1.5) = 4; sxx = syy = 5
    assertEquals(0.8, Correlations.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-12);
  }
}
