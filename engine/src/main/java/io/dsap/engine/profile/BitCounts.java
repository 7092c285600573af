package io.dsap.engine.profile;

import java.util.Arrays;

/**
 * Exact counts of whole-number keys spread over a wide span (up to {@link #MAX_SPAN} values): one
 * bit per value of the span marks the keys seen, and a small map holds the extra count of the
 * keys seen more than once. A column of unique ids costs a bit test-and-set per row and 16 MB at
 * most, whatever the row count. {@link LongCountMap} switches to it past its dense array.
 */
final class BitCounts {
  /** Widest span held: 2^27 values, 16 MB of bits. */
  static final int MAX_SPAN = 1 << 27;
  private static final int MAX_WORDS = MAX_SPAN / 64 + 1; // a span not aligned on 64 may need one more word
  /** Keys this close to either end of the long range are refused, so {@code key - base} never wraps. */
  private static final long MARGIN = 4L * MAX_SPAN;

  private long[] words;
  private long base; // key of bit 0 of words[0]; a multiple of 64
  private int size; // keys seen
  private long lo = Long.MAX_VALUE; // smallest and largest key seen
  private long hi = Long.MIN_VALUE;
  private final LongCountMap extra = new LongCountMap(Integer.MAX_VALUE, 0); // count - 1 of the keys seen twice or more

  /** An empty map for keys in {@code [from, to]}, which must {@link #fits}. */
  BitCounts(long from, long to) {
    base = Math.floorDiv(from, 64) * 64;
    words = new long[(int) ((to - base) / 64) + 1];
  }

  /** Whether keys {@code lo..hi} fit one map. */
  static boolean fits(long lo, long hi) {
    return lo >= Long.MIN_VALUE + MARGIN && hi <= Long.MAX_VALUE - MARGIN && hi - lo >= 0 && hi - lo < MAX_SPAN;
  }

  int size() {
    return size;
  }

  /** Keys seen more than once. */
  int repeats() {
    return extra.size();
  }

  long min() {
    return lo;
  }

  long max() {
    return hi;
  }

  /** Bytes held, roughly. */
  long bytes() {
    return 8L * words.length + extra.bytes();
  }

  /**
   * Adds one to the count of each of {@code keys[from, to)} while they lie within the array
   * (widening it as needed and allowed); returns the index of the first key not added.
   */
  int addAll(long[] keys, int from, int to) {
    int i = from;
    while (i < to) {
      long[] w = words;
      long b = base;
      long limit = (long) w.length << 6;
      long l = lo;
      long h = hi;
      int added = 0;
      for (; i < to; i++) {
        long key = keys[i];
        long off = key - b;
        if (off < 0 || off >= limit) {
          break;
        }
        int at = (int) (off >>> 6);
        long bit = 1L << off;
        long word = w[at];
        if ((word & bit) == 0) {
          long nl = Math.min(l, key);
          long nh = Math.max(h, key);
          if (!fits(nl, nh)) { // the array may reach a little further than the keys may spread
            break;
          }
          w[at] = word | bit;
          added++;
          l = nl;
          h = nh;
        } else {
          extra.add(key, 1, null, 0, 0);
        }
      }
      size += added;
      lo = l;
      hi = h;
      if (i == to || (keys[i] - base >= 0 && keys[i] - base < (long) words.length << 6) || !widen(keys[i], keys[i])) {
        break;
      }
    }
    return i;
  }

  /** Adds {@code n >= 1} to {@code key}'s count; false (nothing added) when the span would get too wide. */
  boolean add(long key, long n) {
    long off = key - base;
    if ((off < 0 || off >= (long) words.length << 6) && !widen(key, key)) {
      return false;
    }
    off = key - base;
    int at = (int) (off >>> 6);
    long bit = 1L << off;
    if ((words[at] & bit) == 0) {
      if (!fits(Math.min(lo, key), Math.max(hi, key))) {
        return false;
      }
      words[at] |= bit;
      size++;
      lo = Math.min(lo, key);
      hi = Math.max(hi, key);
      if (n > 1) {
        extra.add(key, n - 1, null, 0, 0);
      }
    } else {
      extra.add(key, n, null, 0, 0);
    }
    return true;
  }

  /**
   * Grows the array to hold keys {@code from..to} too, doubling towards them so that keys arriving
   * in order cost amortised constant time; false when the keys held and those would not {@link #fits}.
   */
  private boolean widen(long from, long to) {
    long newLo = size == 0 ? from : Math.min(lo, from);
    long newHi = size == 0 ? to : Math.max(hi, to);
    if (!fits(newLo, newHi)) {
      return false;
    }
    long needed = Math.floorDiv(newHi, 64) - Math.floorDiv(newLo, 64) + 1;
    int len = (int) Math.min(MAX_WORDS, Math.max(2L * words.length, needed));
    // room on the side the keys grow towards
    long newBase = from < base ? (Math.floorDiv(newHi, 64) + 1 - len) * 64 : Math.floorDiv(newLo, 64) * 64;
    long[] w = new long[len];
    if (size > 0) {
      int first = (int) ((lo - base) >>> 6);
      int last = (int) ((hi - base) >>> 6);
      System.arraycopy(words, first, w, (int) ((base - newBase) / 64) + first, last - first + 1);
    }
    words = w;
    base = newBase;
    return true;
  }

  /** Adds {@code counts[i]} to the count of key {@code from + i} for each i; the keys must fit the array. */
  void addCounts(long[] counts, long from) {
    for (int i = 0; i < counts.length; i++) {
      long c = counts[i];
      if (c != 0) {
        long key = from + i;
        long off = key - base;
        int at = (int) (off >>> 6);
        long bit = 1L << off;
        if ((words[at] & bit) == 0) {
          words[at] |= bit;
          size++;
          lo = Math.min(lo, key);
          hi = Math.max(hi, key);
          c--;
        }
        if (c > 0) {
          extra.add(key, c, null, 0, 0);
        }
      }
    }
  }

  /** The count of {@code key} (0 when not seen). */
  long count(long key) {
    long off = key - base;
    if (off < 0 || off >= (long) words.length << 6 || (words[(int) (off >>> 6)] & (1L << off)) == 0) {
      return 0;
    }
    return 1 + extra.count(key);
  }

  /** Keys seen at least twice once {@code o}'s keys are added to these (neither is changed). */
  long unionRepeats(BitCounts o) {
    long r = popCountOfBoth(o);
    long[] mine = {0};
    extra.forEach((key, c, b, s, e) -> mine[0] += o.count(key) == 0 ? 1 : 0);
    long[] theirs = {0};
    o.extra.forEach((key, c, b, s, e) -> theirs[0] += count(key) == 0 ? 1 : 0);
    return r + mine[0] + theirs[0];
  }

  /** Keys seen by both maps. */
  private long popCountOfBoth(BitCounts o) {
    if (size == 0 || o.size == 0 || o.hi < lo || o.lo > hi) {
      return 0;
    }
    long from = Math.max(lo, o.lo);
    long to = Math.min(hi, o.hi);
    long n = 0;
    for (long k = Math.floorDiv(from, 64) * 64; k <= to; k += 64) {
      n += Long.bitCount(words[(int) ((k - base) >>> 6)] & o.words[(int) ((k - o.base) >>> 6)]);
    }
    return n;
  }

  /** Adds every count of {@code o}; false (nothing added) when the union would not {@link #fits}. */
  boolean addAll(BitCounts o) {
    if (o.size == 0) {
      return true;
    }
    if (!fits(Math.min(lo, o.lo), Math.max(hi, o.hi))
        || ((o.lo < base || o.hi >= base + ((long) words.length << 6)) && !widen(o.lo, o.hi))) {
      return false;
    }
    int shift = (int) ((o.base - base) / 64); // both bases are multiples of 64
    int from = (int) ((o.lo - o.base) >>> 6);
    int to = (int) ((o.hi - o.base) >>> 6);
    long[] w = words;
    long[] ow = o.words;
    int added = 0;
    for (int i = from; i <= to; i++) {
      long both = w[i + shift] & ow[i];
      while (both != 0) { // seen on both sides: one more than the extra counts say
        long key = o.base + ((long) i << 6) + Long.numberOfTrailingZeros(both);
        extra.add(key, 1, null, 0, 0);
        both &= both - 1;
      }
      added += Long.bitCount(ow[i] & ~w[i + shift]);
      w[i + shift] |= ow[i];
    }
    size += added;
    lo = Math.min(lo, o.lo);
    hi = Math.max(hi, o.hi);
    o.extra.forEach((key, c, b, s, e) -> extra.add(key, c, null, 0, 0));
    return true;
  }

  /** Visits every key with its count, in ascending key order. */
  void forEach(LongCountMap.Visitor v) {
    if (size == 0) {
      return;
    }
    long[][] ex = sortedExtra();
    long[] exKeys = ex[0];
    long[] exCounts = ex[1];
    int j = 0;
    int from = (int) ((lo - base) >>> 6);
    int to = (int) ((hi - base) >>> 6);
    for (int i = from; i <= to; i++) {
      long word = words[i];
      while (word != 0) {
        long key = base + ((long) i << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        long count = 1;
        if (j < exKeys.length && exKeys[j] == key) {
          count += exCounts[j++];
        }
        v.visit(key, count, null, -1, -1);
      }
    }
  }

  /** The extra counts as two arrays (keys ascending, their extra counts). */
  private long[][] sortedExtra() {
    int n = extra.size();
    long[] keys = new long[n];
    int[] i = {0};
    extra.forEach((key, c, b, s, e) -> keys[i[0]++] = key);
    Arrays.sort(keys);
    long[] counts = new long[n];
    for (int k = 0; k < n; k++) {
      counts[k] = extra.count(keys[k]);
    }
    return new long[][] {keys, counts};
  }

  /**
   * The {@code k} keys with the highest counts, ties by ascending key, as {key, count} pairs: the
   * repeated keys by count, then keys seen once in ascending order.
   */
  long[][] top(int k) {
    long[][] ex = sortedExtra();
    Integer[] order = new Integer[ex[0].length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> ex[1][a] != ex[1][b] ? Long.compare(ex[1][b], ex[1][a]) : Long.compare(ex[0][a], ex[0][b]));
    long[][] out = new long[Math.min(k, size)][];
    int n = 0;
    for (; n < out.length && n < order.length; n++) {
      out[n] = new long[] {ex[0][order[n]], ex[1][order[n]] + 1};
    }
    for (int i = (int) ((lo - base) >>> 6); n < out.length; i++) {
      long word = words[i];
      while (word != 0 && n < out.length) {
        long key = base + ((long) i << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (extra.count(key) == 0) {
          out[n++] = new long[] {key, 1};
        }
      }
    }
    return out;
  }

  /**
   * Counts at or below each key, for exact quantiles without listing the keys: a running count at
   * the start of every block of 1024 words, then a scan of one block.
   */
  Ranks ranks() {
    return new Ranks(this);
  }

  /** See {@link #ranks()}. */
  static final class Ranks {
    private static final int BLOCK = 1024;
    private final BitCounts c;
    private final long[] before; // keys counted (with their counts) before each block
    private final long[] exKeys;
    private final long[] exUpTo; // exUpTo[j]: extra counts of exKeys[0..j]
    private final long total;

    private Ranks(BitCounts c) {
      this.c = c;
      long[][] ex = c.sortedExtra();
      exKeys = ex[0];
      exUpTo = ex[1];
      for (int j = 1; j < exUpTo.length; j++) {
        exUpTo[j] += exUpTo[j - 1];
      }
      before = new long[c.words.length / BLOCK + 2];
      for (int b = 0; b * BLOCK < c.words.length; b++) {
        long n = 0;
        for (int i = b * BLOCK; i < Math.min(c.words.length, (b + 1) * BLOCK); i++) {
          n += Long.bitCount(c.words[i]);
        }
        before[b + 1] = before[b] + n;
      }
      total = c.size + (exUpTo.length == 0 ? 0 : exUpTo[exUpTo.length - 1]);
    }

    /** Values counted, repeats included. */
    long total() {
      return total;
    }

    long min() {
      return c.lo;
    }

    long max() {
      return c.hi;
    }

    /** Values whose key is at or below {@code key}. */
    long upTo(long key) {
      if (key < c.lo) {
        return 0;
      }
      if (key >= c.hi) {
        return total;
      }
      long off = key - c.base;
      int at = (int) (off >>> 6);
      int block = at / BLOCK;
      long n = before[block];
      for (int i = block * BLOCK; i < at; i++) {
        n += Long.bitCount(c.words[i]);
      }
      int bit = (int) (off & 63);
      n += Long.bitCount(c.words[at] & (bit == 63 ? -1L : (1L << (bit + 1)) - 1));
      int j = Arrays.binarySearch(exKeys, key);
      j = j >= 0 ? j : -j - 2; // last repeated key at or below
      return n + (j >= 0 ? exUpTo[j] : 0);
    }
  }
}
