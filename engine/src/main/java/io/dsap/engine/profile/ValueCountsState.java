package io.dsap.engine.profile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.LongsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct count and most frequent values of one column. Exact (a count per value) until the
 * column has more than {@link #EXACT_LIMIT} distinct values or their text passes
 * {@link #TEXT_LIMIT} bytes; then an HLL sketch counts distinct values and a frequent-items
 * sketch keeps the heavy hitters, so memory stays bounded whatever the row count.
 *
 * <p>A <em>wide</em> state (whole numbers, dates and times in a {@link TableState}) also stays
 * exact past that many distinct values while its keys span less than
 * {@link LongCountMap#WIDE_MAX} values (prices in cents, dates of centuries), or less than
 * {@link BitCounts#MAX_SPAN} values with at most {@link #EXACT_LIMIT} of them repeated (ids of a
 * range, however many).
 *
 * <p>Numbers, dates and booleans are keyed by their 64-bit value (exact). Text is keyed by a
 * 64-bit hash: a collision could only merge two values, so "all values distinct" is never
 * claimed wrongly; the distinct count could be one low with probability about n²/2⁶⁵.
 */
public final class ValueCountsState {
  public static final int EXACT_LIMIT = 65_536;
  static final int TEXT_LIMIT = 4 << 20;
  static final int HLL_LG_K = 14; // HLL_8: a byte per register (16 KB), twice as fast to update as HLL_4
  // error at most 3.5 / 4096 of the rows; fewer purges per update than 1024 (about 10-20% cheaper a value)
  private static final int FREQUENT_MAP = 4096;
  private static final int TEXTS_KEPT = 4 * FREQUENT_MAP;

  private static final LongCountMap.Visitor NO_LISTENER = (key, count, b, s, e) -> { };

  private final boolean text;
  private final LongCountMap.Visitor onOverflow;
  private LongCountMap exact;
  private HllSketch hll;
  private LongsSketch frequentLongs; // past the exact limit: keyed by the value, or by the text's hash
  private LongCountMap texts; // text values: the text of the hashes in frequentLongs (and some more)

  /** {@code text}: values are strings keyed by hash (else the key is the value itself). */
  public ValueCountsState(boolean text) {
    this(text, NO_LISTENER);
  }

  /**
   * {@code onOverflow} is shown every exact count once, when the exact counts give way to
   * sketches: an owner that derives other statistics from the exact counts (quantiles, text
   * shape) catches up there and feeds values itself from then on.
   */
  ValueCountsState(boolean text, LongCountMap.Visitor onOverflow) {
    this(text, false, onOverflow);
  }

  /** {@code wide}: non-text keys stay exact over a span of up to {@link LongCountMap#WIDE_MAX}. */
  ValueCountsState(boolean text, boolean wide, LongCountMap.Visitor onOverflow) {
    this.text = text;
    this.onOverflow = onOverflow;
    this.exact = new LongCountMap(EXACT_LIMIT, text ? TEXT_LIMIT : 0, wide && !text);
  }

  /** Goes straight to the sketches (another part of the same column already overflowed). */
  void sketchFromNowOn() {
    if (exact != null) {
      overflow();
    }
  }

  public boolean exact() {
    return exact != null;
  }

  /**
   * Adds the non-text values {@code keys[from, to)}. While exact, stops right after a value that
   * overflows the exact counts and returns its index + 1 (the caller goes on with the rest);
   * returns {@code to} when all were added.
   */
  int addLongs(long[] keys, int from, int to) {
    if (exact != null) {
      int done = exact.addAll(keys, from, to);
      if (exact.full()) {
        overflow();
      }
      return done;
    }
    for (int i = from; i < to; i++) {
      hll.update(keys[i]);
      frequentLongs.update(keys[i]);
    }
    return to;
  }

  /** Visits every exact count (value key, count, text); nothing once past the exact limit. */
  void forEachExact(LongCountMap.Visitor v) {
    if (exact != null) {
      exact.forEach(v);
    }
  }

  /** The exact counts' ranks when they are held as {@link BitCounts}; else null (see {@link #forEachExact}). */
  BitCounts.Ranks exactRanks() {
    return exact == null ? null : exact.ranks();
  }

  /** Adds a non-text value (an integer, date, unscaled decimal, double bits, 0/1). */
  public void addLong(long value) {
    if (exact != null) {
      exact.add(value, 1, null, 0, 0);
      if (exact.full()) {
        overflow();
      }
    } else {
      hll.update(value);
      frequentLongs.update(value);
    }
  }

  /** Adds a text value, its bytes and their {@link Hashing#bytes} hash. */
  public void addText(byte[] b, int s, int e, long hash) {
    if (exact != null) {
      if (exact.increment(hash)) { // a value seen before: most values of a category
        return;
      }
      exact.add(hash, 1, b, s, e);
      if (exact.full()) {
        overflow();
      }
    } else {
      hll.update(hash);
      frequentLongs.update(hash);
      keepText(hash, b, s, e);
    }
  }

  /**
   * Past the exact limit text values are counted by hash. {@link #top} lists only values the
   * frequent-items sketch can tell are frequent, whose count exceeds its error: once the sketch
   * has an error (at least 1), only a hash counted at least twice since it last entered the
   * sketch can get there, so only such a hash needs its text kept, and a mostly unique column
   * keeps almost none (a value counted once in each of several merged parts stays within the
   * summed error). The texts of hashes the sketch dropped are let go now and then.
   */
  private void keepText(long hash, byte[] b, int s, int e) {
    if (frequentLongs.getLowerBound(hash) < 2 && frequentLongs.getMaximumError() > 0) {
      return;
    }
    texts.add(hash, 0, b, s, e); // copies the text only when the hash is new
    if (texts.size() > TEXTS_KEPT) {
      texts = texts.retained(h -> frequentLongs.getEstimate(h) > 0);
    }
  }

  private void overflow() {
    exact.forEach(onOverflow);
    hll = new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
    frequentLongs = new LongsSketch(FREQUENT_MAP);
    if (text) {
      texts = new LongCountMap(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
    exact.forEach((key, count, b, s, e) -> {
      hll.update(key);
      frequentLongs.update(key, count);
      if (text) {
        keepText(key, b, s, e);
      }
    });
    if (text) {
      texts = texts.retained(h -> frequentLongs.getEstimate(h) > 0);
    }
    exact = null;
  }

  /** Adds {@code other}'s values to this state (commutative up to sketch error). */
  public void merge(ValueCountsState other) {
    if (exact != null && other.exact != null) {
      if (exact.absorbs(other.exact)) {
        exact.addAllOf(other.exact);
        if (exact.full()) {
          overflow();
        }
        return;
      }
      // the union is past the exact limit: both sides go to the sketches without being merged first
      overflow();
      other.exact.forEach(onOverflow);
    }
    if (exact != null) {
      overflow();
    }
    ValueCountsState o = other;
    if (o.exact != null) {
      o = other.copyAsSketch();
    }
    Union u = new Union(HLL_LG_K);
    u.update(hll);
    u.update(o.hll);
    hll = u.getResult(TgtHllType.HLL_8);
    frequentLongs.merge(o.frequentLongs);
    if (text) {
      o.texts.forEach((key, count, b, s, e) -> keepText(key, b, s, e));
      texts = texts.retained(h -> frequentLongs.getEstimate(h) > 0);
    }
  }

  /** This state's exact counts as sketches, in a new state; this one is left as it is. */
  private ValueCountsState copyAsSketch() {
    ValueCountsState c = new ValueCountsState(text);
    c.exact = exact; // only read by overflow(), which then drops it
    c.overflow();
    return c;
  }

  /** Distinct values: exact, or the HLL estimate rounded. */
  public long distinct() {
    return exact != null ? exact.size() : Math.round(hll.getEstimate());
  }

  /** Relative error of {@link #distinct()} at about 95% confidence; 0 when exact. */
  public double distinctError() {
    if (exact != null) {
      return 0;
    }
    double est = hll.getEstimate();
    return est == 0 ? 0 : (hll.getUpperBound(2) - est) / est;
  }

  /**
   * A value with its count, for top values. Exact counts have {@code lowerBound == count ==
   * upperBound}; past the exact limit the count is the frequent-items sketch's estimate and the
   * true count lies in {@code [lowerBound, upperBound]}.
   */
  public record ValueCount(String value, long count, long lowerBound, long upperBound) {
    /** An exact count. */
    public ValueCount(String value, long count) {
      this(value, count, count, count);
    }

    public boolean exact() {
      return lowerBound == upperBound;
    }
  }

  /**
   * The {@code k} most frequent values, most frequent first, ties by value. Past the exact limit
   * only the values the frequent-items sketch can tell are frequent (no false positives: their
   * count is above the sketch's error), with estimated counts and the bounds of the true count; a
   * column of mostly unique values has none.
   */
  public List<ValueCount> top(int k, LongFunction<String> render) {
    List<ValueCount> all = new ArrayList<>();
    if (exact != null && !text) {
      // ties in numeric order (2 before 10), so ranked by key before rendering
      for (long[] x : exact.top(k)) {
        all.add(new ValueCount(render.apply(x[0]), x[1]));
      }
      return all;
    }
    if (exact != null) {
      exact.forEach((key, count, b, s, e) -> all.add(new ValueCount(new String(b, s, e - s, StandardCharsets.UTF_8),
          count)));
    } else if (text) {
      for (LongsSketch.Row r : frequentLongs.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
        all.add(new ValueCount(texts.text(r.getItem()), r.getEstimate(), r.getLowerBound(), r.getUpperBound()));
      }
    } else {
      for (LongsSketch.Row r : frequentLongs.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
        all.add(new ValueCount(render.apply(r.getItem()), r.getEstimate(), r.getLowerBound(), r.getUpperBound()));
      }
    }
    all.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
    return all.size() > k ? List.copyOf(all.subList(0, k)) : all;
  }
}
