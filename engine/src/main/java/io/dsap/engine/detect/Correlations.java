package io.dsap.engine.detect;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pairwise association between columns: Pearson and Spearman (ranks, ties averaged) for numeric
 * pairs; Cramér's V for pairs of columns with 2 to {@link #MAX_CATEGORIES} distinct values. Rows
 * where either value is NULL are left out of that pair ({@code n} says how many were used).
 *
 * <p>Exact when the table has at most {@code sampleRows} rows (default {@link #DEFAULT_SAMPLE_ROWS});
 * larger tables are measured on a uniform reservoir sample of that many rows (seeded, so the
 * same file gives the same numbers) and every result says {@code sampled}.
 */
public final class Correlations {
  public static final int DEFAULT_SAMPLE_ROWS = 1_000_000;
  public static final int MAX_CATEGORIES = 50;
  private static final long SEED = 0x5eed_d5a9L;

  /** One measurement; {@code value} is null when undefined (a constant column, fewer than 2 rows). */
  public record Correlation(String columnA, String columnB, String method, Double value, long n, boolean sampled) {}

  private Correlations() {}

  public static List<Correlation> compute(TableSource source) {
    return compute(source, DEFAULT_SAMPLE_ROWS);
  }

  public static List<Correlation> compute(TableSource source, int sampleRows) {
    List<ColumnSpec> specs = source.columns();
    int n = specs.size();
    int[] all = new int[n];
    boolean[] numeric = new boolean[n];
    double[][] num = new double[n][];
    int[][] cat = new int[n][];
    List<Map<Object, Integer>> dicts = new ArrayList<>();
    boolean[] categorical = new boolean[n];
    int cap = Math.min(sampleRows, 1024);
    for (int c = 0; c < n; c++) {
      all[c] = c;
      numeric[c] = specs.get(c).type().isNumeric();
      categorical[c] = true;
      dicts.add(new HashMap<>());
      num[c] = numeric[c] ? new double[cap] : null;
      cat[c] = new int[cap];
    }
    SplittableRandom random = new SplittableRandom(SEED);
    long seen = 0;
    try (BatchReader reader = source.open(all, RejectSink.DISCARD, ProgressListener.NONE)) {
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        for (int r = 0; r < b.rowCount(); r++) {
          int slot;
          if (seen < sampleRows) {
            slot = (int) seen;
          } else {
            long j = random.nextLong(seen + 1);
            slot = j < sampleRows ? (int) j : -1;
          }
          seen++;
          if (slot >= 0 && slot >= cat[0].length) {
            int len = (int) Math.min((long) sampleRows, Math.max(1024L, cat[0].length * 2L));
            for (int c = 0; c < n; c++) {
              cat[c] = Arrays.copyOf(cat[c], len);
              if (numeric[c]) {
                num[c] = Arrays.copyOf(num[c], len);
              }
            }
          }
          for (int c = 0; c < n; c++) {
            ColumnVector v = b.column(c);
            boolean isNull = v.isNull(r);
            Object o = isNull ? null : v.get(r);
            int id = -1;
            if (!isNull && categorical[c]) {
              Map<Object, Integer> d = dicts.get(c);
              Integer known = d.get(o);
              if (known == null) {
                if (d.size() >= MAX_CATEGORIES) {
                  categorical[c] = false; // too many distinct values (over the whole file)
                  d.clear();
                } else {
                  known = d.size();
                  d.put(o, known);
                }
              }
              id = known == null ? -1 : known;
            }
            if (slot >= 0) {
              cat[c][slot] = id;
              if (numeric[c]) {
                num[c][slot] = isNull ? Double.NaN : ((Number) o).doubleValue();
              }
            }
          }
        }
      }
    }
    int rows = (int) Math.min(seen, sampleRows);
    boolean sampled = seen > sampleRows;
    List<Correlation> out = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        String na = specs.get(a).name();
        String nb = specs.get(b).name();
        if (numeric[a] && numeric[b]) {
          double[][] xy = complete(num[a], num[b], rows);
          out.add(new Correlation(na, nb, "pearson", pearson(xy[0], xy[1]), xy[0].length, sampled));
          out.add(new Correlation(na, nb, "spearman", spearman(xy[0], xy[1]), xy[0].length, sampled));
        }
        if (categorical[a] && categorical[b] && dicts.get(a).size() >= 2 && dicts.get(b).size() >= 2) {
          long[] used = {0};
          Double v = cramersV(cat[a], cat[b], rows, dicts.get(a).size(), dicts.get(b).size(), used);
          out.add(new Correlation(na, nb, "cramers_v", v, used[0], sampled));
        }
      }
    }
    return out;
  }

  /** The pairs where neither value is NaN (NULL). */
  private static double[][] complete(double[] x, double[] y, int rows) {
    double[] a = new double[rows];
    double[] b = new double[rows];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      if (!Double.isNaN(x[r]) && !Double.isNaN(y[r])) {
        a[k] = x[r];
        b[k] = y[r];
        k++;
      }
    }
    return new double[][] {Arrays.copyOf(a, k), Arrays.copyOf(b, k)};
  }

  /** Pearson's r, or null when undefined (fewer than 2 pairs, or a constant side). */
  public static Double pearson(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return null;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return null;
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** Spearman's rho: Pearson's r of the ranks (ties get their average rank). */
  public static Double spearman(double[] x, double[] y) {
    return pearson(ranks(x), ranks(y));
  }

  static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    double[] rank = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[order[k]] = avg;
      }
      i = j + 1;
    }
    return rank;
  }

  /**
   * Cramér's V = sqrt(chi2 / (n * (min(r, c) - 1))) over the rows where both are non-null, r and c
   * the categories present there; null when either side has only one category there.
   */
  static Double cramersV(int[] a, int[] b, int rows, int ka, int kb, long[] used) {
    long[][] table = new long[ka][kb];
    long n = 0;
    for (int r = 0; r < rows; r++) {
      if (a[r] >= 0 && b[r] >= 0) {
        table[a[r]][b[r]]++;
        n++;
      }
    }
    used[0] = n;
    return cramersV(table);
  }

  /** Cramér's V of a contingency table (empty rows and columns ignored). */
  public static Double cramersV(long[][] table) {
    int ka = table.length;
    int kb = ka == 0 ? 0 : table[0].length;
    long[] rowSum = new long[ka];
    long[] colSum = new long[kb];
    long n = 0;
    for (int i = 0; i < ka; i++) {
      for (int j = 0; j < kb; j++) {
        rowSum[i] += table[i][j];
        colSum[j] += table[i][j];
        n += table[i][j];
      }
    }
    int r = (int) Arrays.stream(rowSum).filter(s -> s > 0).count();
    int c = (int) Arrays.stream(colSum).filter(s -> s > 0).count();
    if (n == 0 || Math.min(r, c) < 2) {
      return null;
    }
    double chi2 = 0;
    for (int i = 0; i < ka; i++) {
      for (int j = 0; j < kb; j++) {
        if (rowSum[i] == 0 || colSum[j] == 0) {
          continue;
        }
        double e = (double) rowSum[i] * colSum[j] / n;
        double d = table[i][j] - e;
        chi2 += d * d / e;
      }
    }
    return Math.min(1, Math.sqrt(chi2 / (n * (Math.min(r, c) - 1.0))));
  }
}
