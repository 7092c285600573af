package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** detect_keys() and correlations() on generated files with known truth, and on examples/. */
class KeysCorrelationsTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
  static final String[] COLS = {"id", "a", "b", "store", "day", "slot", "opt"};

  /** Row i of 0..59: id unique; (a, b) a key; (store, day, slot) a key; opt unique but one NULL. */
  static long[] row(int i) {
    return new long[] {i + 1, i / 6, i % 6, i % 4, (i / 4) % 5, i / 20, i};
  }

  @Test
  void detectKeysFindsExactlyTheMinimalKeys(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder(String.join(",", COLS) + "\n");
    for (int i = 0; i < 60; i++) {
      long[] r = row(i);
      for (int c = 0; c < r.length; c++) {
        csv.append(c > 0 ? "," : "").append(c == 6 && i == 7 ? "" : Long.toString(r[c]));
      }
      csv.append('\n');
    }
    Files.writeString(dir.resolve("k.csv"), csv);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(c, "SELECT key_columns, kind, distinct_count, row_count, is_key, note"
          + " FROM detect_keys('k.csv')");
      assertEquals(List.of("id", "single", "60", "60", "true", "null"), rows.get(0));
      assertEquals(List.of("a", "single", "10", "60", "false", "null"), rows.get(1));
      assertEquals(List.of("opt", "single", "59", "60", "false", "has NULLs: not a key"), rows.get(6));
      Set<String> composite = new HashSet<>();
      for (List<String> r : rows.subList(7, rows.size())) {
        assertEquals("composite", r.get(1));
        assertEquals("true", r.get(4));
        composite.add(r.get(0));
      }
      assertEquals(bruteForceMinimalKeys(), composite);
      assertTrue(composite.contains("a,b"));
      assertTrue(composite.contains("store,day,slot"));
    }
  }

  /** Minimal composite keys over the columns without NULLs that are not single keys, by brute force. */
  static Set<String> bruteForceMinimalKeys() {
    int[] usable = {1, 2, 3, 4, 5};
    List<int[]> keys = new ArrayList<>();
    Set<String> out = new HashSet<>();
    for (int k = 2; k <= 3; k++) {
      for (int[] combo : subsets(usable, k)) {
        boolean superset = keys.stream().anyMatch(key -> java.util.Arrays.stream(key)
            .allMatch(x -> java.util.Arrays.stream(combo).anyMatch(y -> y == x)));
        if (superset) {
          continue;
        }
        Set<List<Long>> tuples = new HashSet<>();
        for (int i = 0; i < 60; i++) {
          List<Long> t = new ArrayList<>();
          for (int col : combo) {
            t.add(row(i)[col]);
          }
          tuples.add(t);
        }
        if (tuples.size() == 60) {
          keys.add(combo);
          List<String> names = new ArrayList<>();
          for (int col : combo) {
            names.add(COLS[col]);
          }
          out.add(String.join(",", names));
        }
      }
    }
    return out;
  }

  static List<int[]> subsets(int[] items, int k) {
    List<int[]> out = new ArrayList<>();
    if (k == 0) {
      out.add(new int[0]);
      return out;
    }
    for (int i = 0; i <= items.length - k; i++) {
      for (int[] rest : subsets(java.util.Arrays.copyOfRange(items, i + 1, items.length), k - 1)) {
        int[] s = new int[k];
        s[0] = items[i];
        System.arraycopy(rest, 0, s, 1, k - 1);
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void correlationsOfPerfectlyRelatedAndIndependentColumns(@TempDir Path dir) throws Exception {
    StringBuilder csv = new StringBuilder("x,lin,neg,cube,noise\n");
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 1; i <= 200; i++) {
      csv.append(i).append(',').append(2 * i + 3).append(',').append(-i).append(',').append((long) i * i * i)
          .append(',').append(i == 50 ? "" : Integer.toString(rnd.nextInt(1000))).append('\n');
    }
    Files.writeString(dir.resolve("c.csv"), csv);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      Map<String, List<String>> r = byPair(Sql.rows(c, "SELECT column_a, column_b, metric, coefficient, n, sampled"
          + " FROM correlations('c.csv') WHERE metric <> 'cramers_v'"));
      assertEquals(List.of("1.0", "200", "false"), r.get("x,lin,pearson"));
      assertEquals(List.of("1.0", "200", "false"), r.get("x,lin,spearman"));
      assertEquals(List.of("-1.0", "200", "false"), r.get("x,neg,pearson"));
      assertEquals(List.of("-1.0", "200", "false"), r.get("x,neg,spearman"));
      assertEquals("1.0", r.get("x,cube,spearman").get(0), "monotonic: rank correlation 1");
      double p = Double.parseDouble(r.get("x,cube,pearson").get(0));
      assertTrue(p > 0.85 && p < 0.95, "not linear: " + p);
      assertEquals("199", r.get("x,noise,pearson").get(1), "a NULL leaves its row out of the pair");
      assertTrue(Math.abs(Double.parseDouble(r.get("x,noise,pearson").get(0))) < 0.2);
      assertTrue(Math.abs(Double.parseDouble(r.get("x,noise,spearman").get(0))) < 0.2);

      Map<String, List<String>> s = byPair(Sql.rows(c, "SELECT column_a, column_b, metric, coefficient, n, sampled"
          + " FROM correlations('c.csv', sample_rows => 50)"));
      assertEquals(List.of("1.0", "50", "true"), s.get("x,lin,pearson"), "reservoir sample of 50 rows, flagged");
    }
  }

  @Test
  void cramersVOfATinyTableEqualsTheHandComputedValue(@TempDir Path dir) throws Exception {
    // a\b  p  q      expected 2 everywhere; chi2 = 4 * (1^2 / 2) = 2; V = sqrt(2 / (8 * 1)) = 0.5
    // x    3  1
    // y    1  3
    Files.writeString(dir.resolve("t.csv"), "a,b,c\nx,p,u\nx,p,u\nx,p,u\nx,q,u\ny,p,v\ny,q,v\ny,q,v\ny,q,v\n");
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      Map<String, List<String>> r = byPair(Sql.rows(c, "SELECT column_a, column_b, metric, coefficient, n, sampled"
          + " FROM correlations('t.csv')"));
      assertEquals(List.of("0.5", "8", "false"), r.get("a,b,cramers_v"));
      assertEquals(List.of("1.0", "8", "false"), r.get("a,c,cramers_v"), "c is a relabelling of a");
      assertEquals(3, r.size());
    }
  }

  @Test
  void examplesEndToEnd() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      List<List<String>> keys = Sql.rows(c, "SELECT key_columns, is_key FROM detect_keys('customers.csv')"
          + " WHERE is_key");
      assertTrue(keys.contains(List.of("customer_id", "true")), keys.toString());
      List<List<String>> corr = Sql.rows(c, "SELECT column_a, column_b, metric, coefficient, n FROM correlations('orders.csv')");
      assertFalse(corr.isEmpty());
      for (List<String> r : corr) {
        if (!r.get(3).equals("null")) {
          double v = Double.parseDouble(r.get(3));
          assertTrue(v >= -1 && v <= 1, r.toString());
        }
      }
    }
  }

  static Map<String, List<String>> byPair(List<List<String>> rows) {
    Map<String, List<String>> m = new TreeMap<>();
    for (List<String> r : rows) {
      m.put(r.get(0) + "," + r.get(1) + "," + r.get(2), r.subList(3, r.size()));
    }
    return m;
  }
}
