package io.dsap.engine.profile;

import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.nio.charset.StandardCharsets;

/**
 * Everything {@code profile} knows about one column after some batches: exact counters plus the
 * mergeable states ({@link ValueCountsState}, {@link MomentsState}, {@link QuantilesState},
 * {@link TextShapeState}). {@link #add} runs primitive loops over a batch's vector; {@link #merge}
 * combines the states of two splits of the same column.
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
  final QuantilesState quantiles = new QuantilesState();
  final ValueCountsState counts;
  final TextShapeState text = new TextShapeState();
  private final double unit; // 10^scale for decimals: unscaled long -> double

  public ColumnState(ColumnSpec spec) {
    this.spec = spec;
    this.kind = ColumnKind.of(spec);
    this.counts = new ValueCountsState(kind == ColumnKind.TEXT);
    this.unit = Math.pow(10, spec.scale());
  }

  /**
   * Adds rows {@code [0, n)} of {@code v}; mixes each value's hash into {@code rowHash} (for
   * duplicate rows) when it is not null.
   */
  public void add(ColumnVector v, int n, long[] rowHash) {
    rows += n;
    switch (kind) {
      case TEXT -> addText((StringVector) v, n, rowHash);
      case DOUBLE -> addDoubles((DoubleVector) v, n, rowHash);
      case BOOLEAN -> addBooleans((BooleanVector) v, n, rowHash);
      case OBJECT -> addObjects(v, n, rowHash);
      default -> addLongs((LongVector) v, n, rowHash);
    }
  }

  private void addLongs(LongVector v, int n, long[] rowHash) {
    long[] values = v.values();
    boolean numeric = kind.numeric();
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        mixNull(rowHash, r);
        continue;
      }
      long x = values[r];
      minLong = Math.min(minLong, x);
      maxLong = Math.max(maxLong, x);
      counts.addLong(x);
      mix(rowHash, r, x);
      if (numeric) {
        zeros += x == 0 ? 1 : 0;
        negatives += x < 0 ? 1 : 0;
        double d = kind == ColumnKind.DECIMAL ? x / unit : x;
        moments.add(d);
        quantiles.add(d);
      }
    }
  }

  private void addDoubles(DoubleVector v, int n, long[] rowHash) {
    double[] values = v.values();
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        mixNull(rowHash, r);
        continue;
      }
      double x = values[r];
      long bits = Double.doubleToLongBits(x == 0 ? 0.0 : x); // -0.0 and 0.0 are one value
      counts.addLong(bits);
      mix(rowHash, r, bits);
      if (Double.isNaN(x)) {
        continue; // NaN has no order: counted as a value, left out of moments and quantiles
      }
      zeros += x == 0 ? 1 : 0;
      negatives += x < 0 ? 1 : 0;
      moments.add(x);
      quantiles.add(x);
    }
  }

  private void addBooleans(BooleanVector v, int n, long[] rowHash) {
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        mixNull(rowHash, r);
        continue;
      }
      long x = v.value(r) ? 1 : 0;
      counts.addLong(x);
      mix(rowHash, r, x);
    }
  }

  private void addText(StringVector v, int n, long[] rowHash) {
    byte[] data = v.data();
    for (int r = 0; r < n; r++) {
      if (v.isNull(r)) {
        nulls++;
        mixNull(rowHash, r);
        continue;
      }
      int s = v.start(r);
      int e = v.end(r);
      long h = Hashing.bytes(data, s, e);
      counts.addText(data, s, e, h);
      text.add(data, s, e);
      if (rowHash != null) {
        rowHash[r] = Hashing.combine(rowHash[r], h);
      }
    }
  }

  /** Wide decimals and binary: rare, so their text form is profiled like a string. */
  private void addObjects(ColumnVector v, int n, long[] rowHash) {
    for (int r = 0; r < n; r++) {
      Object o = v.get(r);
      if (o == null) {
        nulls++;
        mixNull(rowHash, r);
        continue;
      }
      byte[] b = (o instanceof java.math.BigDecimal d ? d.toPlainString() : o.toString())
          .getBytes(StandardCharsets.UTF_8);
      long h = Hashing.bytes(b, 0, b.length);
      counts.addText(b, 0, b.length, h);
      text.add(b, 0, b.length);
      if (rowHash != null) {
        rowHash[r] = Hashing.combine(rowHash[r], h);
      }
    }
  }

  private static void mix(long[] rowHash, int r, long value) {
    if (rowHash != null) {
      rowHash[r] = Hashing.combine(rowHash[r], Hashing.mix(value));
    }
  }

  private static void mixNull(long[] rowHash, int r) {
    if (rowHash != null) {
      rowHash[r] = Hashing.combine(rowHash[r], NULL_HASH);
    }
  }

  /** Adds {@code o} (the same column, another split) to this state. */
  public void merge(ColumnState o) {
    rows += o.rows;
    nulls += o.nulls;
    zeros += o.zeros;
    negatives += o.negatives;
    minLong = Math.min(minLong, o.minLong);
    maxLong = Math.max(maxLong, o.maxLong);
    moments.merge(o.moments);
    quantiles.merge(o.quantiles);
    counts.merge(o.counts);
    text.merge(o.text);
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
