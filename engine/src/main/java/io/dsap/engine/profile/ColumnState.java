package io.dsap.engine.profile;

import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything {@code profile} knows about one column after some batches: exact counters plus the
 * mergeable states ({@link ValueCountsState}, {@link MomentsState}, {@link QuantilesState},
 * {@link TextShapeState}). {@link #add} runs primitive loops over a batch's vector; {@link #merge}
 * combines the states of two splits of the same column.
 *
 * <p>While the value counts are exact (up to {@link ValueCountsState#EXACT_LIMIT} distinct
 * values), quantiles and the text shape are derived from them at the end, once per distinct value
 * rather than once per row: a 10 M row column of 50 categories costs 50 shape checks. When the
 * counts give way to sketches, the distinct values seen so far are replayed with their counts
 * into the quantile sketch and the text shape, and values are fed to them directly from then on.
 */
public final class ColumnState {
  private static final long NULL_HASH = 0x9e3779b97f4a7c15L;

  final ColumnSpec spec;
  final ColumnKind kind;
  long rows;
  long nulls;
  long zeros;
  long negatives;
  long minLong = Long.MAX_VALUE;
  long maxLong = Long.MIN_VALUE;
  final MomentsState moments = new MomentsState();
  private final QuantilesState sketchedQuantiles = new QuantilesState(); // fed once counts are sketched
  final ValueCountsState counts;
  private final TextShapeState sketchedText = new TextShapeState(); // fed once counts are sketched
  private final double unit; // 10^scale for decimals: unscaled long -> double
  private final boolean textual;
  private long[] keys = new long[0]; // per-batch scratch: the non-null values' 64-bit keys
  private double[] numbers = new double[0]; // and their numeric values (NaN left out)

  private final AtomicBoolean sketchedElsewhere;

  public ColumnState(ColumnSpec spec) {
    this(spec, new AtomicBoolean(), false);
  }

  /**
   * {@code sketchedElsewhere} is shared by the states of one column's splits: once one of them
   * overflowed its exact counts, the merged result is a sketch anyway, so splits started later
   * skip the exact counts (and the replay into the sketches). {@code wide}: the exact counts may
   * cover a span of whole-number keys wider than the distinct limit ({@link ValueCountsState}).
   */
  ColumnState(ColumnSpec spec, AtomicBoolean sketchedElsewhere, boolean wide) {
    this.spec = spec;
    this.kind = ColumnKind.of(spec);
    this.textual = kind == ColumnKind.TEXT || kind == ColumnKind.OBJECT;
    this.counts = new ValueCountsState(textual, wide && kind.wholeNumbers(), this::catchUp);
    this.unit = Math.pow(10, spec.scale());
    this.sketchedElsewhere = sketchedElsewhere;
    if (sketchedElsewhere.get()) {
      counts.sketchFromNowOn();
    }
  }

  /** Shown each exact count when the counts overflow: what the sketched states missed. */
  private void catchUp(long key, long count, byte[] b, int s, int e) {
    if (!sketchedElsewhere.get()) {
      sketchedElsewhere.set(true);
    }
    if (textual) {
      sketchedText.add(b, s, e, count);
    } else if (kind.numeric()) {
      double d = number(key);
      if (!Double.isNaN(d)) {
        sketchedQuantiles.add(d, count);
      }
    }
  }

  /** The numeric value of a non-text key (NaN for a NaN double). */
  private double number(long key) {
    return switch (kind) {
      case DOUBLE -> Double.longBitsToDouble(key);
      case DECIMAL -> key / unit;
      default -> key;
    };
  }

  /**
   * Adds rows {@code [0, n)} of {@code v}; folds each value's hash into {@code rowHash} (for
   * duplicate rows; see {@link Hashing#fold}).
   */
  public void add(ColumnVector v, int n, long[] rowHash) {
    rows += n;
    if (keys.length < n) {
      keys = new long[n];
      numbers = new double[n];
    }
    switch (kind) {
      case TEXT -> addText((StringVector) v, n, rowHash);
      case DOUBLE -> addDoubles((DoubleVector) v, n, rowHash);
      case BOOLEAN -> addBooleans((BooleanVector) v, n, rowHash);
      case OBJECT -> addObjects(v, n, rowHash);
      default -> addLongs((LongVector) v, n, rowHash);
    }
  }

  private void addLongs(LongVector v, int n, long[] rowHash) {
    long[] k = v.values(); // without nulls the values are the keys: no copy
    int m = n;
    if (v.mayHaveNulls()) {
      k = keys;
      m = scanWithNulls(v, n, rowHash);
    } else {
      scan(k, n, rowHash);
    }
    if (kind.numeric()) {
      moments.add(k, m, kind == ColumnKind.DECIMAL ? unit : 1);
    }
    count(k, m);
  }

  /** Rows [0, n) without nulls: row hashes, min, max, zeros and negatives in one pass. */
  private void scan(long[] values, int n, long[] rowHash) {
    long min = minLong;
    long max = maxLong;
    long z = 0;
    long neg = 0;
    for (int r = 0; r < n; r++) {
      long x = values[r];
      min = Math.min(min, x);
      max = Math.max(max, x);
      z += x == 0 ? 1 : 0;
      neg += x < 0 ? 1 : 0;
      rowHash[r] = Hashing.fold(rowHash[r], Hashing.mix(x));
    }
    tally(min, max, z, neg);
  }

  /** As {@link #scan}, for rows that may be null; the non-null values go to keys[0, m), m returned. */
  private int scanWithNulls(LongVector v, int n, long[] rowHash) {
    long[] values = v.values();
    long[] k = keys;
    int m = 0;
    long min = minLong;
    long max = maxLong;
    long z = 0;
    long neg = 0;
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        rowHash[r] = Hashing.fold(rowHash[r], NULL_HASH);
        continue;
      }
      long x = values[r];
      min = Math.min(min, x);
      max = Math.max(max, x);
      z += x == 0 ? 1 : 0;
      neg += x < 0 ? 1 : 0;
      k[m++] = x;
      rowHash[r] = Hashing.fold(rowHash[r], Hashing.mix(x));
    }
    tally(min, max, z, neg);
    return m;
  }

  private void tally(long min, long max, long z, long neg) {
    minLong = min;
    maxLong = max;
    if (kind.numeric()) {
      zeros += z;
      negatives += neg;
    }
  }

  /** Counts k[0, m); past the exact counts their numeric values go to the quantile sketch too. */
  private void count(long[] k, int m) {
    int done = counts.addLongs(k, 0, m);
    if (done < m) { // the counts overflowed within this batch: the rest goes to the sketches too
      counts.addLongs(k, done, m);
      if (kind.numeric()) {
        sketchedQuantiles.add(numbers(k, done, m), m - done);
      }
    } else if (!counts.exact() && kind.numeric()) {
      sketchedQuantiles.add(numbers(k, 0, m), m);
    }
  }

  /** The numeric values of the whole-number or decimal keys k[from, to), in numbers[0, to - from). */
  private double[] numbers(long[] k, int from, int to) {
    double[] d = numbers;
    boolean scaled = kind == ColumnKind.DECIMAL;
    for (int i = from; i < to; i++) {
      d[i - from] = scaled ? k[i] / unit : k[i];
    }
    return d;
  }

  private void addDoubles(DoubleVector v, int n, long[] rowHash) {
    double[] values = v.values();
    long[] k = keys;
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        rowHash[r] = Hashing.fold(rowHash[r], NULL_HASH);
        continue;
      }
      double x = values[r];
      long bits = Double.doubleToLongBits(x == 0 ? 0.0 : x); // -0.0 and 0.0 are one value
      k[m++] = bits;
      rowHash[r] = Hashing.fold(rowHash[r], Hashing.mix(bits));
    }
    // NaN has no order: counted as a value, left out of moments and quantiles
    double[] d = numbers;
    int q = 0;
    long z = 0;
    long neg = 0;
    for (int i = 0; i < m; i++) {
      double x = Double.longBitsToDouble(k[i]);
      if (!Double.isNaN(x)) {
        z += x == 0 ? 1 : 0;
        neg += x < 0 ? 1 : 0;
        d[q++] = x;
      }
    }
    zeros += z;
    negatives += neg;
    moments.add(d, q);
    int done = counts.addLongs(k, 0, m);
    if (done < m) {
      counts.addLongs(k, done, m);
      addNumbers(k, done, m);
    } else if (!counts.exact()) {
      sketchedQuantiles.add(d, q);
    }
  }

  /** The non-NaN doubles among keys[from, to) into the quantile sketch. */
  private void addNumbers(long[] k, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = Double.longBitsToDouble(k[i]);
      if (!Double.isNaN(x)) {
        sketchedQuantiles.add(x);
      }
    }
  }

  private void addBooleans(BooleanVector v, int n, long[] rowHash) {
    long[] k = keys;
    int m = 0;
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        rowHash[r] = Hashing.fold(rowHash[r], NULL_HASH);
        continue;
      }
      long x = v.value(r) ? 1 : 0;
      k[m++] = x;
      rowHash[r] = Hashing.fold(rowHash[r], Hashing.mix(x));
    }
    counts.addLongs(k, counts.addLongs(k, 0, m), m);
  }

  private void addText(StringVector v, int n, long[] rowHash) {
    byte[] data = v.data();
    boolean ascii = !counts.exact() && ascii(v, n); // the shape is fed every value: lengths without counting
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        rowHash[r] = Hashing.fold(rowHash[r], NULL_HASH);
        continue;
      }
      int s = v.start(r);
      int e = v.end(r);
      long h = Hashing.bytes(data, s, e);
      if (counts.exact()) {
        counts.addText(data, s, e, h); // may overflow: then the shape caught up with this value too
      } else {
        counts.addText(data, s, e, h);
        sketchedText.add(data, s, e, 1, ascii ? e - s : TextShapeState.chars(data, s, e));
      }
      rowHash[r] = Hashing.fold(rowHash[r], h);
    }
  }

  /**
   * Whether every value of rows [0, n) is ASCII: the bytes from the first value's start to the last
   * one's end are. False without looking when that span is much wider than the values (rows that
   * point into a dictionary or a read buffer): then each value's characters are counted.
   */
  private static boolean ascii(StringVector v, int n) {
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    long bytes = 0;
    for (int r = 0; r < n; r++) {
      int s = v.start(r);
      int e = v.end(r);
      lo = Math.min(lo, s);
      hi = Math.max(hi, e);
      bytes += e - s;
    }
    return lo >= hi || (hi - lo <= 4 * bytes + 64 && TextShapeState.ascii(v.data(), lo, hi));
  }

  private void addText(byte[] b, int s, int e, long h) {
    if (counts.exact()) {
      counts.addText(b, s, e, h); // may overflow: then the shape caught up with this value too
    } else {
      counts.addText(b, s, e, h);
      sketchedText.add(b, s, e);
    }
  }

  /** Wide decimals and binary: rare, so their text form is profiled like a string. */
  private void addObjects(ColumnVector v, int n, long[] rowHash) {
    for (int r = 0; r < n; r++) {
      Object o = v.get(r);
      if (o == null) {
        nulls++;
        rowHash[r] = Hashing.fold(rowHash[r], NULL_HASH);
        continue;
      }
      byte[] b = (o instanceof java.math.BigDecimal d ? d.toPlainString() : o.toString())
          .getBytes(StandardCharsets.UTF_8);
      long h = Hashing.bytes(b, 0, b.length);
      addText(b, 0, b.length, h);
      rowHash[r] = Hashing.fold(rowHash[r], h);
    }
  }

  /** Adds {@code o} (the same column, another split) to this state; {@code o} is used up. */
  public void merge(ColumnState o) {
    rows += o.rows;
    nulls += o.nulls;
    zeros += o.zeros;
    negatives += o.negatives;
    minLong = Math.min(minLong, o.minLong);
    maxLong = Math.max(maxLong, o.maxLong);
    moments.merge(o.moments);
    if (!counts.exact() && o.counts.exact()) {
      o.counts.forEachExact(this::catchUp); // o's values live only in its counts
    }
    counts.merge(o.counts); // when this overflows now, catchUp replays this side's counts
    sketchedQuantiles.merge(o.sketchedQuantiles);
    sketchedText.merge(o.sketchedText);
  }

  /** Quantiles of a numeric column: exact from the counts while they are exact, else the sketch. */
  Quantiles quantiles() {
    if (!counts.exact()) {
      return sketchedQuantiles;
    }
    BitCounts.Ranks ranks = counts.exactRanks();
    if (ranks != null) { // possibly millions of distinct values: not listed
      return CountedQuantiles.ofRanks(ranks, this::number);
    }
    int size = (int) counts.distinct();
    double[] values = new double[size];
    long[] weights = new long[size];
    int[] n = {0};
    counts.forEachExact((key, count, b, s, e) -> {
      double d = number(key);
      if (!Double.isNaN(d)) {
        values[n[0]] = d;
        weights[n[0]++] = count;
      }
    });
    return new CountedQuantiles(values, weights, n[0]);
  }

  /** The text shape: from the distinct values and their counts while exact, else as fed. */
  TextShapeState text() {
    if (!counts.exact()) {
      return sketchedText;
    }
    TextShapeState t = new TextShapeState();
    counts.forEachExact((key, count, b, s, e) -> t.add(b, s, e, count));
    return t;
  }

  /** Non-null values. */
  long values() {
    return rows - nulls;
  }

  /** A value of this column as text, from its 64-bit form (for min, max and top values). */
  String render(long key) {
    return kind.render(key, spec);
  }

  /** Whether this column's type is one of {@code types}. */
  boolean is(ColumnType... types) {
    for (ColumnType t : types) {
      if (spec.type() == t) {
        return true;
      }
    }
    return false;
  }
}
