package io.dsap.engine.transform;

import java.util.Random;

/**
 * Isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): each tree splits a random
 * subsample on a random feature at a random value between its minimum and maximum, until a point
 * is alone or the height limit ceil(log2 ψ) is reached. Anomalies are isolated in fewer splits, so
 * the score s(x) = 2^(-E[h(x)] / c(ψ)) is near 1 for them and below 0.5 for ordinary points, where
 * h is the path length (plus c(size) at a leaf holding several points) and c(n) the average path
 * length of an unsuccessful binary-search-tree search. Seeded: the same data and seed give the same
 * forest and scores.
 */
public final class IsolationForest {
  private static final double EULER = 0.5772156649015329;

  private final Node[] trees;
  private final double normaliser;

  private IsolationForest(Node[] trees, int subsample) {
    this.trees = trees;
    this.normaliser = c(subsample);
  }

  /**
   * Builds {@code trees} trees, each from {@code sampleSize} rows of {@code data} drawn without
   * replacement (all rows when there are fewer).
   */
  public static IsolationForest fit(double[][] data, int trees, int sampleSize, long seed) {
    if (data.length == 0) {
      throw new IllegalArgumentException("isolation forest needs at least one row without missing values");
    }
    Random random = new Random(seed);
    int psi = Math.min(sampleSize, data.length);
    int limit = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    int[] index = new int[data.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    Node[] forest = new Node[trees];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < psi; i++) { // partial Fisher-Yates: the first psi entries are the subsample
        int j = i + random.nextInt(index.length - i);
        int tmp = index[i];
        index[i] = index[j];
        index[j] = tmp;
      }
      double[][] sample = new double[psi][];
      for (int i = 0; i < psi; i++) {
        sample[i] = data[index[i]];
      }
      forest[t] = build(sample, 0, psi, 0, limit, random);
    }
    return new IsolationForest(forest, psi);
  }

  /** The anomaly score of {@code x} in (0, 1]: above about 0.6 is suspicious, near 1 is an anomaly. */
  public double score(double[] x) {
    double total = 0;
    for (Node n : trees) {
      total += pathLength(n, x, 0);
    }
    return Math.pow(2, -(total / trees.length) / normaliser);
  }

  /** c(n): average path length of an unsuccessful search in a binary search tree of n points. */
  static double c(int n) {
    if (n > 2) {
      return 2 * (Math.log(n - 1) + EULER) - 2.0 * (n - 1) / n;
    }
    return n == 2 ? 1 : 0;
  }

  private static double pathLength(Node n, double[] x, int depth) {
    if (n.left == null) {
      return depth + c(n.size);
    }
    return pathLength(x[n.feature] < n.split ? n.left : n.right, x, depth + 1);
  }

  /** Builds a tree over rows[from, to), reordering them in place. */
  private static Node build(double[][] rows, int from, int to, int depth, int limit, Random random) {
    int size = to - from;
    if (depth >= limit || size <= 1) {
      return Node.leaf(size);
    }
    int features = rows[from].length;
    // choose among features that vary here; a node whose points are all equal is a leaf
    int[] varying = new int[features];
    double[] lo = new double[features];
    double[] hi = new double[features];
    int count = 0;
    for (int f = 0; f < features; f++) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        mn = Math.min(mn, rows[i][f]);
        mx = Math.max(mx, rows[i][f]);
      }
      if (mx > mn) {
        lo[count] = mn;
        hi[count] = mx;
        varying[count++] = f;
      }
    }
    if (count == 0) {
      return Node.leaf(size);
    }
    int k = random.nextInt(count);
    int feature = varying[k];
    double split = lo[k] + random.nextDouble() * (hi[k] - lo[k]);
    int mid = from;
    for (int i = from; i < to; i++) {
      if (rows[i][feature] < split) {
        double[] tmp = rows[mid];
        rows[mid] = rows[i];
        rows[i] = tmp;
        mid++;
      }
    }
    if (mid == from) { // the split fell on the minimum (nextDouble returned 0): nothing to separate
      return Node.leaf(size);
    }
    Node n = new Node(feature, split, size);
    n.left = build(rows, from, mid, depth + 1, limit, random);
    n.right = build(rows, mid, to, depth + 1, limit, random);
    return n;
  }

  private static final class Node {
    final int feature;
    final double split;
    final int size;
    Node left;
    Node right;

    Node(int feature, double split, int size) {
      this.feature = feature;
      this.split = split;
      this.size = size;
    }

    static Node leaf(int size) {
      return new Node(-1, 0, size);
    }
  }
}
