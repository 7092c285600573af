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

/**
 * Exact key detection: single columns and composite keys of up to {@link #MAX_KEY_COLUMNS}
 * columns. Each column's values are dictionary-encoded (exact, one id per distinct value); a
 * combination's distinct count is the number of distinct packed id tuples. Only columns without
 * NULLs take part in composite keys, and a combination containing a smaller key is skipped
 * (keys reported are minimal).
 *
 * <p>Bounded: at most {@code maxRows} rows are read (default {@link #DEFAULT_MAX_ROWS}); past
 * that the check stops, {@code is_key} is unknown (null) and every row's note says so. At most
 * {@link #MAX_COMBINATIONS} composite combinations are checked.
 */
public final class KeyDetector {
  public static final int DEFAULT_MAX_ROWS = 1_000_000;
  public static final int MAX_KEY_COLUMNS = 3;
  public static final int MAX_COMBINATIONS = 10_000;

  /** One candidate: columns in file order, their distinct tuples over {@code rows} rows. */
  public record KeyCandidate(List<String> columns, long distinct, long rows, Boolean isKey, String note) {
    public String kind() {
      return columns.size() == 1 ? "single" : "composite";
    }
  }

  private KeyDetector() {}

  public static List<KeyCandidate> detect(TableSource source) {
    return detect(source, DEFAULT_MAX_ROWS);
  }

  /**
   * Every column as a single candidate (is_key false with a note when it has NULLs), then the
   * minimal composite keys (only keys are listed).
   */
  public static List<KeyCandidate> detect(TableSource source, int maxRows) {
    if (maxRows < 1 || maxRows > 2_000_000) {
      throw new IllegalArgumentException("maxRows must be 1..2000000 (tuples are packed into a long)");
    }
    List<ColumnSpec> specs = source.columns();
    int n = specs.size();
    int[] all = new int[n];
    List<Map<Object, Integer>> dicts = new ArrayList<>();
    int[][] ids = new int[n][];
    boolean[] hasNull = new boolean[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
      dicts.add(new HashMap<>());
      ids[i] = new int[1024];
    }
    int rows = 0;
    boolean truncated = false;
    try (BatchReader reader = source.open(all, RejectSink.DISCARD, ProgressListener.NONE)) {
      outer:
      for (Batch b = reader.next(); b != null; b = reader.next()) {
        for (int r = 0; r < b.rowCount(); r++) {
          if (rows >= maxRows) {
            truncated = true;
            break outer;
          }
          for (int c = 0; c < n; c++) {
            ColumnVector v = b.column(c);
            int id;
            if (v.isNull(r)) {
              hasNull[c] = true;
              id = -1;
            } else {
              Object o = v.get(r);
              if (o instanceof byte[] bytes) {
                o = java.nio.ByteBuffer.wrap(bytes.clone()); // arrays hash by identity
              }
              Map<Object, Integer> d = dicts.get(c);
              Integer known = d.get(o);
              if (known == null) {
                known = d.size();
                d.put(o, known);
              }
              id = known;
            }
            if (ids[c].length == rows) {
              ids[c] = Arrays.copyOf(ids[c], rows * 2);
            }
            ids[c][rows] = id;
          }
          rows++;
        }
      }
    }
    String limitNote = truncated ? "stopped after " + maxRows + " rows (the key check limit): not checked past"
        + " that, so is_key is unknown" : null;
    List<KeyCandidate> out = new ArrayList<>();
    boolean[] single = new boolean[n];
    boolean[] usable = new boolean[n];
    for (int c = 0; c < n; c++) {
      long distinct = dicts.get(c).size();
      if (hasNull[c]) {
        out.add(new KeyCandidate(List.of(specs.get(c).name()), distinct, rows, false,
            join("has NULLs: not a key", limitNote)));
        continue;
      }
      single[c] = distinct == rows && rows > 0;
      usable[c] = !single[c] && distinct > 1;
      out.add(new KeyCandidate(List.of(specs.get(c).name()), distinct, rows, truncated ? null : single[c], limitNote));
    }
    if (rows == 0) {
      return out;
    }
    List<int[]> found = new ArrayList<>();
    int checked = 0;
    boolean capped = false;
    for (int k = 2; k <= MAX_KEY_COLUMNS && !capped; k++) {
      for (int[] combo : combinations(n, k)) {
        if (!allUsable(combo, usable) || containsKey(combo, found)) {
          continue;
        }
        double product = 1;
        for (int c : combo) {
          product *= dicts.get(c).size();
        }
        if (product < rows) {
          continue; // cannot reach one distinct tuple per row
        }
        if (++checked > MAX_COMBINATIONS) {
          capped = true;
          break;
        }
        long distinct = distinctTuples(combo, ids, dicts, rows);
        if (distinct == rows) {
          found.add(combo);
          List<String> names = new ArrayList<>();
          for (int c : combo) {
            names.add(specs.get(c).name());
          }
          out.add(new KeyCandidate(names, distinct, rows, truncated ? null : true, limitNote));
        }
      }
    }
    if (capped) {
      out.add(new KeyCandidate(List.of(), 0, rows, null, "stopped after checking " + MAX_COMBINATIONS
          + " column combinations (the combination limit): larger composite keys were not searched"));
    }
    return out;
  }

  private static String join(String a, String b) {
    return b == null ? a : a + "; " + b;
  }

  private static boolean allUsable(int[] combo, boolean[] usable) {
    for (int c : combo) {
      if (!usable[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsKey(int[] combo, List<int[]> keys) {
    for (int[] key : keys) {
      boolean all = true;
      for (int c : key) {
        if (Arrays.stream(combo).noneMatch(x -> x == c)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** Distinct id tuples: each packed into a long in mixed radix (exact: 3 dictionaries of at most 2M ids fit), sorted, counted. */
  private static long distinctTuples(int[] combo, int[][] ids, List<Map<Object, Integer>> dicts, int rows) {
    long[] packed = new long[rows];
    for (int r = 0; r < rows; r++) {
      long p = 0;
      for (int c : combo) {
        p = p * dicts.get(c).size() + ids[c][r];
      }
      packed[r] = p;
    }
    Arrays.sort(packed);
    long distinct = rows == 0 ? 0 : 1;
    for (int r = 1; r < rows; r++) {
      if (packed[r] != packed[r - 1]) {
        distinct++;
      }
    }
    return distinct;
  }

  /** All k-subsets of 0..n-1 in lexicographic order. */
  static List<int[]> combinations(int n, int k) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[k];
    for (int i = 0; i < k; i++) {
      c[i] = i;
    }
    while (k <= n) {
      out.add(c.clone());
      int i = k - 1;
      while (i >= 0 && c[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      c[i]++;
      for (int j = i + 1; j < k; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
    return out;
  }
}
