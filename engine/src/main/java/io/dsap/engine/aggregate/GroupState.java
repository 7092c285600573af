package io.dsap.engine.aggregate;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringDictionary;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.filter.Evaluator;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash aggregation of one split (or of the merged splits): groups keyed by numbers (a VARCHAR key
 * by its number in a per-state dictionary), accumulators in primitive arrays indexed by group.
 * A batch is read column by column: first every row's group, then each aggregate in one loop
 * over its vector, so no value is boxed per row. A VARCHAR key whose vector points into a
 * {@link StringDictionary} (Parquet dictionary pages) is looked up once per dictionary value, not
 * once per row: its bytes are hashed the first time an id is seen, and a single such key maps each
 * id straight to its group. Not thread-safe: one state per split.
 */
public final class GroupState {
  /** Thrown when a limited state would hold more groups than its limit. */
  public static final class TooManyGroups extends RuntimeException {
    TooManyGroups() {
      super("more than " + GroupBy.MAX_GROUPS_PER_SPLIT + " groups in a split", null, false, false);
    }
  }

  /** Up to this many groups, a batch's rows per group are counted once for all its counts. */
  static final int DENSE_GROUPS = 256;
  /** {@code -Ddsap.groupby.dense=false} counts per aggregate and row, as before (benchmarks, comparisons). */
  static final boolean DENSE = !"false".equals(System.getProperty("dsap.groupby.dense"));

  private final GroupBy plan;
  private final int limit;
  private final int k;
  private final ByteDictionary[] dictionaries;
  private final Evaluator filter; // null: every row
  private int[] selected = new int[0];
  private long rowsRead;
  private long keysHashed;

  // VARCHAR keys from a dictionary: per key column, the dictionary last seen and each id's code (-1: not yet)
  private final StringDictionary[] seenDictionaries;
  private final int[][] dictionaryCodes;
  // a single dictionary key: each id's group (-1: not yet), and the group of the NULL key
  private int[] dictionaryGroups = new int[0];
  // the same per id of the dictionary last seen (-1: not yet), so a row is one lookup
  private StringDictionary idGroupsDictionary;
  private int[] idGroups = new int[0];
  private int nullKeyGroup = -1;
  private final long[][] oneCode;
  private final boolean[][] oneNull;

  // groups: the key of group g is keys[c][g] (null when keyNulls[c][g]) for each key column c
  private int groups;
  private long[][] keys;
  private boolean[][] keyNulls;
  private int[] groupHashes;
  private int[] table = new int[64]; // group + 1, 0 when empty

  // accumulators of aggregate a for group g: counts[a][g] values seen, longs/doubles the sum, min or max
  private long[][] counts;
  private long[][] longs;
  private double[][] doubles;
  private BigDecimal[][] overflows; // DECIMAL sums past the range of a long, per group, lazily

  // per batch: each row's key codes and group
  private long[][] rowKeys = new long[0][];
  private boolean[][] rowNulls = new boolean[0][];
  private int[] rowGroups = new int[0];
  private final int[] laneCounts = new int[4 * DENSE_GROUPS];
  private final int[] batchCounts = new int[DENSE_GROUPS];
  private final double[] laneSums = new double[4 * DENSE_GROUPS];

  GroupState(GroupBy plan, int limit) {
    this.plan = plan;
    this.limit = limit;
    this.k = plan.keys().length;
    this.dictionaries = new ByteDictionary[k];
    this.seenDictionaries = new StringDictionary[k];
    this.dictionaryCodes = new int[k][];
    this.oneCode = new long[k][1];
    this.oneNull = new boolean[k][1];
    this.filter = plan.filter() == null ? null : plan.filter().bind(plan.projection());
    for (int c = 0; c < k; c++) {
      if (plan.keyTypes()[c] == ColumnType.VARCHAR) {
        dictionaries[c] = new ByteDictionary();
      }
    }
    int n = plan.aggs().size();
    int cap = 16;
    keys = new long[k][cap];
    keyNulls = new boolean[k][cap];
    groupHashes = new int[cap];
    counts = new long[n][cap];
    longs = new long[n][cap];
    doubles = new double[n][cap];
    overflows = new BigDecimal[n][];
  }

  /** Rows added so far (merged states included). */
  public long rowsRead() {
    return rowsRead;
  }

  /**
   * How many key values were hashed as bytes into the states' dictionaries (merged states included,
   * the merge itself not):
   * once per row for copied text, once per distinct value and dictionary for a dictionary vector.
   */
  public long keysHashed() {
    return keysHashed;
  }

  /** Adds the rows of a batch of the plan's projection (those that pass the plan's filter, if it has one). */
  public void add(Batch b) {
    int rows = b.rowCount();
    rowsRead += rows;
    if (rowGroups.length < rows) {
      rowKeys = new long[k][rows];
      rowNulls = new boolean[k][rows];
      rowGroups = new int[rows];
    }
    int[] sel = null;
    int n = rows;
    if (filter != null) {
      if (selected.length < rows) {
        selected = new int[rows];
      }
      n = filter.select(b, selected);
      sel = selected;
    }
    if (k == 1 && b.column(plan.keys()[0]) instanceof StringVector s && s.dictionary() != null) {
      groupByDictionary(s, n, sel);
    } else {
      for (int c = 0; c < k; c++) {
        encode(c, b.column(plan.keys()[c]), rows);
      }
      for (int i = 0; i < n; i++) {
        rowGroups[i] = group(rowKeys, rowNulls, sel == null ? i : sel[i], true);
      }
    }
    List<GroupBy.Agg> aggs = plan.aggs();
    // few groups and every row: count each group's rows once for every count that is the row count
    boolean dense = sel == null && groups <= DENSE_GROUPS && DENSE;
    if (dense) {
      countRowsPerGroup(n);
    }
    for (int a = 0; a < aggs.size(); a++) {
      GroupBy.Agg agg = aggs.get(a);
      if (agg.kind() == GroupBy.Kind.COUNT_STAR) {
        if (dense) {
          addBatchCounts(a);
        } else {
          long[] counted = counts[a];
          for (int i = 0; i < n; i++) {
            counted[rowGroups[i]]++;
          }
        }
      } else {
        accumulate(a, agg, b.column(agg.arg()), n, sel, dense);
      }
    }
  }

  /**
   * {@link #batchCounts}: the rows of each group in {@code rowGroups[0, n)}, counted in four
   * interleaved histograms. Incrementing one counter per row chains each row on the store of the
   * row before whenever they fall in the same group (few groups: most of the time); four counters
   * per group let the CPU run four rows at once.
   */
  private void countRowsPerGroup(int n) {
    int gs = groups;
    int[] h = laneCounts;
    java.util.Arrays.fill(h, 0, 4 * gs, 0);
    int[] g = rowGroups;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      h[g[i]]++;
      h[gs + g[i + 1]]++;
      h[2 * gs + g[i + 2]]++;
      h[3 * gs + g[i + 3]]++;
    }
    for (; i < n; i++) {
      h[g[i]]++;
    }
    for (int k = 0; k < gs; k++) {
      batchCounts[k] = h[k] + h[gs + k] + h[2 * gs + k] + h[3 * gs + k];
    }
  }

  /** Adds this batch's rows per group ({@link #countRowsPerGroup}) to aggregate {@code a}'s counts. */
  private void addBatchCounts(int a) {
    long[] n = counts[a];
    for (int k = 0; k < groups; k++) {
      n[k] += batchCounts[k];
    }
  }

  /** The group of each selected row of a single VARCHAR key held as dictionary ids. */
  private void groupByDictionary(StringVector s, int n, int[] sel) {
    StringDictionary d = s.dictionary();
    if (idGroupsDictionary != d) { // a new chunk: its ids are looked up again, once each
      idGroupsDictionary = d;
      if (idGroups.length < d.size()) {
        idGroups = new int[d.size()];
      }
      Arrays.fill(idGroups, 0, d.size(), -1);
    }
    int[] ids = s.ids();
    int[] byId = idGroups;
    if (sel == null && !s.mayHaveNulls()) {
      for (int i = 0; i < n; i++) {
        int g = byId[ids[i]];
        rowGroups[i] = g >= 0 ? g : groupOfId(d, ids[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      int r = sel == null ? i : sel[i];
      int g;
      if (s.isNull(r)) {
        if (nullKeyGroup < 0) {
          oneCode[0][0] = 0;
          oneNull[0][0] = true;
          nullKeyGroup = group(oneCode, oneNull, 0, true);
        }
        g = nullKeyGroup;
      } else {
        g = byId[ids[r]];
        if (g < 0) {
          g = groupOfId(d, ids[r]);
        }
      }
      rowGroups[i] = g;
    }
  }

  /** The group of value {@code id} of {@code d} (the single key), found or created, and remembered for the chunk. */
  private int groupOfId(StringDictionary d, int id) {
    int[] map = codesOf(0, d);
    int code = map[id];
    if (code < 0) {
      code = map[id] = hashKey(0, d, id);
    }
    int g = code < dictionaryGroups.length ? dictionaryGroups[code] : -1;
    if (g < 0) {
      oneCode[0][0] = code;
      oneNull[0][0] = false;
      g = group(oneCode, oneNull, 0, true);
      if (code >= dictionaryGroups.length) {
        int old = dictionaryGroups.length;
        dictionaryGroups = Arrays.copyOf(dictionaryGroups, Math.max(code + 1, Math.max(16, old * 2)));
        Arrays.fill(dictionaryGroups, old, dictionaryGroups.length, -1);
      }
      dictionaryGroups[code] = g;
    }
    idGroups[id] = g;
    return g;
  }

  /** Key column {@code c}'s code of each id of {@code d} (-1: not looked up yet), kept while {@code d} lasts. */
  private int[] codesOf(int c, StringDictionary d) {
    if (seenDictionaries[c] != d) {
      seenDictionaries[c] = d;
      int[] codes = dictionaryCodes[c];
      if (codes == null || codes.length < d.size()) {
        codes = new int[d.size()];
        dictionaryCodes[c] = codes;
      }
      Arrays.fill(codes, 0, d.size(), -1);
    }
    return dictionaryCodes[c];
  }

  private int hashKey(int c, StringDictionary d, int id) {
    keysHashed++;
    return dictionaries[c].id(d.data(), d.start(id), d.end(id));
  }

  private void encode(int c, ColumnVector v, int rows) {
    long[] codes = rowKeys[c];
    boolean[] nulls = rowNulls[c];
    if (v instanceof StringVector s && s.dictionary() != null) {
      StringDictionary d = s.dictionary();
      int[] map = codesOf(c, d);
      int[] ids = s.ids();
      for (int r = 0; r < rows; r++) {
        nulls[r] = s.isNull(r);
        if (!nulls[r]) {
          int code = map[ids[r]];
          codes[r] = code >= 0 ? code : (map[ids[r]] = hashKey(c, d, ids[r]));
        } else {
          codes[r] = 0;
        }
      }
    } else if (v instanceof StringVector s) {
      ByteDictionary d = dictionaries[c];
      byte[] data = s.data();
      for (int r = 0; r < rows; r++) {
        nulls[r] = s.isNull(r);
        codes[r] = nulls[r] ? 0 : d.id(data, s.start(r), s.end(r));
      }
      keysHashed += rows;
    } else if (v instanceof LongVector l) {
      long[] values = l.values();
      for (int r = 0; r < rows; r++) {
        nulls[r] = l.isNull(r);
        codes[r] = nulls[r] ? 0 : values[r];
      }
    } else if (v instanceof BooleanVector bv) {
      for (int r = 0; r < rows; r++) {
        nulls[r] = bv.isNull(r);
        codes[r] = !nulls[r] && bv.value(r) ? 1 : 0;
      }
    } else {
      throw new IllegalStateException("a GROUP BY key in a " + v.getClass().getSimpleName());
    }
  }

  /** Adds the values of rows {@code sel[0 .. rows)} (or {@code 0 .. rows) without a selection); row i is in group rowGroups[i]. */
  private void accumulate(int a, GroupBy.Agg agg, ColumnVector v, int rows, int[] sel, boolean dense) {
    if (sel == null && !v.mayHaveNulls()) {
      if (dense) {
        accumulateDense(a, agg, v, rows);
        return;
      }
      if (agg.kind() != GroupBy.Kind.COUNT) {
        accumulateAll(a, agg, v, rows);
        return;
      }
    }
    long[] n = counts[a];
    int[] g = rowGroups;
    if (agg.kind() == GroupBy.Kind.COUNT) {
      for (int i = 0; i < rows; i++) {
        if (!v.isNull(sel == null ? i : sel[i])) {
          n[g[i]]++;
        }
      }
    } else if (agg.argIsDouble()) { // only sums: MIN and MAX of DOUBLE stay in Calcite
      double[] values = ((DoubleVector) v).values();
      double[] sum = doubles[a];
      for (int i = 0; i < rows; i++) {
        int r = sel == null ? i : sel[i];
        if (!v.isNull(r)) {
          n[g[i]]++;
          sum[g[i]] += values[r];
        }
      }
    } else {
      long[] values = ((LongVector) v).values();
      long[] acc = longs[a];
      switch (agg.kind()) {
        case MIN:
          for (int i = 0; i < rows; i++) {
            int r = sel == null ? i : sel[i];
            if (!v.isNull(r) && (n[g[i]]++ == 0 || values[r] < acc[g[i]])) {
              acc[g[i]] = values[r];
            }
          }
          break;
        case MAX:
          for (int i = 0; i < rows; i++) {
            int r = sel == null ? i : sel[i];
            if (!v.isNull(r) && (n[g[i]]++ == 0 || values[r] > acc[g[i]])) {
              acc[g[i]] = values[r];
            }
          }
          break;
        default:
          if (agg.out() == GroupBy.Out.DECIMAL) { // exact, like BigDecimal sums
            for (int i = 0; i < rows; i++) {
              int r = sel == null ? i : sel[i];
              if (!v.isNull(r)) {
                n[g[i]]++;
                addDecimal(a, g[i], values[r]);
              }
            }
          } else { // wraps like Calcite's int and long sums
            for (int i = 0; i < rows; i++) {
              int r = sel == null ? i : sel[i];
              if (!v.isNull(r)) {
                n[g[i]]++;
                acc[g[i]] += values[r];
              }
            }
          }
      }
    }
  }

  /** {@link #accumulate} of rows {@code 0 .. rows)} of a vector without nulls: no mask, no selection. */
  private void accumulateAll(int a, GroupBy.Agg agg, ColumnVector v, int rows) {
    long[] n = counts[a];
    int[] g = rowGroups;
    if (agg.argIsDouble()) {
      double[] values = ((DoubleVector) v).values();
      double[] sum = doubles[a];
      for (int i = 0; i < rows; i++) {
        n[g[i]]++;
        sum[g[i]] += values[i];
      }
      return;
    }
    long[] values = ((LongVector) v).values();
    long[] acc = longs[a];
    switch (agg.kind()) {
      case MIN:
        for (int i = 0; i < rows; i++) {
          if (n[g[i]]++ == 0 || values[i] < acc[g[i]]) {
            acc[g[i]] = values[i];
          }
        }
        break;
      case MAX:
        for (int i = 0; i < rows; i++) {
          if (n[g[i]]++ == 0 || values[i] > acc[g[i]]) {
            acc[g[i]] = values[i];
          }
        }
        break;
      default:
        if (agg.out() == GroupBy.Out.DECIMAL) {
          for (int i = 0; i < rows; i++) {
            n[g[i]]++;
            addDecimal(a, g[i], values[i]);
          }
        } else {
          for (int i = 0; i < rows; i++) {
            n[g[i]]++;
            acc[g[i]] += values[i];
          }
        }
    }
  }

  /**
   * {@link #accumulateAll} when the batch's rows per group are counted already: the values are
   * folded without touching the counts, MIN and MAX against a start value set for the groups that
   * have none yet.
   */
  private void accumulateDense(int a, GroupBy.Agg agg, ColumnVector v, int rows) {
    int[] g = rowGroups;
    GroupBy.Kind kind = agg.kind();
    if (kind == GroupBy.Kind.COUNT) {
      addBatchCounts(a);
      return;
    }
    if (agg.argIsDouble()) {
      sumDoublesInLanes(a, ((DoubleVector) v).values(), rows);
      addBatchCounts(a);
      return;
    }
    long[] values = ((LongVector) v).values();
    long[] acc = longs[a];
    long[] n = counts[a];
    switch (kind) {
      case MIN:
        for (int k = 0; k < groups; k++) {
          if (n[k] == 0) {
            acc[k] = Long.MAX_VALUE;
          }
        }
        for (int i = 0; i < rows; i++) {
          long x = values[i];
          if (x < acc[g[i]]) {
            acc[g[i]] = x;
          }
        }
        break;
      case MAX:
        for (int k = 0; k < groups; k++) {
          if (n[k] == 0) {
            acc[k] = Long.MIN_VALUE;
          }
        }
        for (int i = 0; i < rows; i++) {
          long x = values[i];
          if (x > acc[g[i]]) {
            acc[g[i]] = x;
          }
        }
        break;
      default:
        if (agg.out() == GroupBy.Out.DECIMAL) {
          for (int i = 0; i < rows; i++) {
            addDecimal(a, g[i], values[i]);
          }
        } else {
          for (int i = 0; i < rows; i++) {
            acc[g[i]] += values[i];
          }
        }
    }
    addBatchCounts(a);
  }

  /**
   * Adds {@code values[0, rows)} to their groups' sums in four interleaved partial sums per group,
   * for the same reason as {@link #countRowsPerGroup}; the partial sums are added to the group's sum
   * at the end of the batch (a different rounding order than one running sum, as a parallel scan's
   * merge is).
   */
  private void sumDoublesInLanes(int a, double[] values, int rows) {
    int gs = groups;
    double[] lanes = laneSums;
    Arrays.fill(lanes, 0, 4 * gs, 0.0);
    int[] g = rowGroups;
    int i = 0;
    for (; i + 3 < rows; i += 4) {
      lanes[g[i]] += values[i];
      lanes[gs + g[i + 1]] += values[i + 1];
      lanes[2 * gs + g[i + 2]] += values[i + 2];
      lanes[3 * gs + g[i + 3]] += values[i + 3];
    }
    for (; i < rows; i++) {
      lanes[g[i]] += values[i];
    }
    double[] sum = doubles[a];
    for (int k = 0; k < gs; k++) {
      if (batchCounts[k] != 0) { // -0.0 stays -0.0 in groups without rows in this batch
        sum[k] += (lanes[k] + lanes[gs + k]) + (lanes[2 * gs + k] + lanes[3 * gs + k]);
      }
    }
  }

  private void addDecimal(int a, int group, long value) {
    long s = longs[a][group];
    long r = s + value;
    if (((s ^ r) & (value ^ r)) < 0) { // overflow: move the sum so far out of the long
      if (overflows[a] == null) {
        overflows[a] = new BigDecimal[groupHashes.length];
      }
      BigDecimal o = overflows[a][group];
      BigDecimal moved = BigDecimal.valueOf(s).add(BigDecimal.valueOf(value));
      overflows[a][group] = o == null ? moved : o.add(moved);
      r = 0;
    }
    longs[a][group] = r;
  }

  /** The group of row {@code r} of the given key codes, created if new. */
  private int group(long[][] codes, boolean[][] nulls, int r, boolean limited) {
    long h = 0;
    for (int c = 0; c < k; c++) {
      h = (h + (nulls[c][r] ? 0x5BD1E995L : codes[c][r])) * 0x9E3779B97F4A7C15L;
    }
    int hash = (int) (h ^ (h >>> 32));
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) {
        if (limited && groups >= limit) {
          throw new TooManyGroups();
        }
        return insert(slot, hash, codes, nulls, r);
      }
      int g = e - 1;
      if (groupHashes[g] == hash && sameKey(g, codes, nulls, r)) {
        return g;
      }
    }
  }

  private boolean sameKey(int g, long[][] codes, boolean[][] nulls, int r) {
    for (int c = 0; c < k; c++) {
      if (keyNulls[c][g] != nulls[c][r] || (!nulls[c][r] && keys[c][g] != codes[c][r])) {
        return false;
      }
    }
    return true;
  }

  private int insert(int slot, int hash, long[][] codes, boolean[][] nulls, int r) {
    if (groups == groupHashes.length) {
      grow(groups * 2);
    }
    int g = groups++;
    for (int c = 0; c < k; c++) {
      keys[c][g] = codes[c][r];
      keyNulls[c][g] = nulls[c][r];
    }
    groupHashes[g] = hash;
    table[slot] = g + 1;
    if (groups * 2 > table.length) {
      int[] t = new int[table.length * 2];
      int mask = t.length - 1;
      for (int i = 0; i < groups; i++) {
        int s = groupHashes[i] & mask;
        while (t[s] != 0) {
          s = (s + 1) & mask;
        }
        t[s] = i + 1;
      }
      table = t;
    }
    return g;
  }

  private void grow(int cap) {
    for (int c = 0; c < k; c++) {
      keys[c] = Arrays.copyOf(keys[c], cap);
      keyNulls[c] = Arrays.copyOf(keyNulls[c], cap);
    }
    groupHashes = Arrays.copyOf(groupHashes, cap);
    for (int a = 0; a < counts.length; a++) {
      counts[a] = Arrays.copyOf(counts[a], cap);
      longs[a] = Arrays.copyOf(longs[a], cap);
      doubles[a] = Arrays.copyOf(doubles[a], cap);
      if (overflows[a] != null) {
        overflows[a] = Arrays.copyOf(overflows[a], cap);
      }
    }
  }

  /** Merges the state of the next split into this one (never limited) and returns this. */
  public GroupState merge(GroupState other) {
    rowsRead += other.rowsRead;
    keysHashed += other.keysHashed;
    long[][] codes = new long[k][1];
    boolean[][] nulls = new boolean[k][1];
    List<GroupBy.Agg> aggs = plan.aggs();
    for (int og = 0; og < other.groups; og++) {
      for (int c = 0; c < k; c++) {
        nulls[c][0] = other.keyNulls[c][og];
        long code = other.keys[c][og];
        codes[c][0] = dictionaries[c] != null && !nulls[c][0] ? dictionaries[c].idOf(other.dictionaries[c], (int) code)
            : code;
      }
      int g = group(codes, nulls, 0, false);
      for (int a = 0; a < aggs.size(); a++) {
        long on = other.counts[a][og];
        long n = counts[a][g];
        counts[a][g] = n + on;
        if (on == 0) {
          continue;
        }
        long ol = other.longs[a][og];
        switch (aggs.get(a).kind()) {
          case MIN:
            if (n == 0 || ol < longs[a][g]) {
              longs[a][g] = ol;
            }
            break;
          case MAX:
            if (n == 0 || ol > longs[a][g]) {
              longs[a][g] = ol;
            }
            break;
          case SUM:
          case SUM0:
            doubles[a][g] += other.doubles[a][og];
            if (aggs.get(a).out() == GroupBy.Out.DECIMAL) {
              addDecimal(a, g, ol);
              BigDecimal oo = other.overflows[a] == null ? null : other.overflows[a][og];
              if (oo != null) {
                if (overflows[a] == null) {
                  overflows[a] = new BigDecimal[groupHashes.length];
                }
                overflows[a][g] = overflows[a][g] == null ? oo : overflows[a][g].add(oo);
              }
            } else {
              longs[a][g] += ol;
            }
            break;
          default:
            break;
        }
      }
    }
    return this;
  }

  /** The result rows: the keys, then the aggregates, as Calcite's Enumerable code holds them. */
  public List<Object[]> rows() {
    List<GroupBy.Agg> aggs = plan.aggs();
    List<Object[]> out = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      Object[] row = new Object[k + aggs.size()];
      for (int c = 0; c < k; c++) {
        row[c] = keyNulls[c][g] ? null : key(c, keys[c][g]);
      }
      for (int a = 0; a < aggs.size(); a++) {
        row[k + a] = aggs.get(a).value(counts[a][g], longs[a][g], doubles[a][g],
            overflows[a] == null ? null : overflows[a][g]);
      }
      out.add(row);
    }
    return out;
  }

  private Object key(int c, long code) {
    switch (plan.keyTypes()[c]) {
      case VARCHAR: return dictionaries[c].string((int) code);
      case BOOLEAN: return code == 1;
      case BIGINT: return code;
      default: return (int) code; // INTEGER, DATE (epoch day)
    }
  }
}
