package io.dsap.engine.profile;

import java.util.Arrays;

/**
 * Exact counts per 64-bit key in primitive arrays (open addressing, no boxing), optionally with
 * the UTF-8 text of each key's first occurrence kept in one byte arena. Grows until
 * {@link #full()}; the owner then switches to sketches.
 *
 * <p>Keys without text start in a dense array indexed by {@code key - base} while they span at
 * most {@link #DENSE_MAX} values (dates, quantities, codes, booleans): a count is then one array
 * increment, not a hash probe. A key outside that span moves them into the hash table.
 *
 * <p>A <em>wide</em> map (whole numbers, dates, times) is full only when it holds more than
 * {@code maxKeys} keys <em>and</em> they span {@link #WIDE_MAX} values or more: past
 * {@code maxKeys} keys within that span it counts them in a dense array of up to
 * {@link #WIDE_MAX} slots (8 MB; at least one key per 16 slots, so no more memory per key than the
 * hash table), e.g. prices in cents or ids of a range. Past that span it goes on counting them
 * in {@link BitCounts} (a bit per value of a span of up to 2^27, plus the extra count of keys seen
 * more than once) while at most {@code maxKeys} keys repeat: ids of a range, however many. Keys
 * that are many, spread and seldom repeated move to the bits early, past {@link #DENSE_MAX}
 * values (a bit per key beats a count per key), and back to a dense array should they come to
 * repeat more while their span still fits one.
 *
 * <p>So a wide map is full exactly when it holds more than {@code maxKeys} keys spanning
 * {@link #WIDE_MAX} values or more, and they span {@link BitCounts#MAX_SPAN} values or more or
 * more than {@code maxKeys} of them were seen twice or more. Each condition only gets truer as
 * keys are added, so whether a map ends up full depends only on the keys added and their counts,
 * never on their order or on how they were split and merged.
 */
final class LongCountMap {
  static final int DENSE_MAX = 1 << 16;
  static final int WIDE_MAX = 1 << 20;
  /** A wide map counts densely below the limit too when the array has at most this many slots per key. */
  static final int WIDE_SLOTS_PER_KEY = 32;
  private final int maxKeys;
  private final int maxTextBytes;
  private final boolean wide;
  private long[] keys;
  private long[] counts;
  private boolean[] used;
  private int[] textStart; // -1: no text kept
  private int[] textEnd;
  private byte[] arena = new byte[0];
  private int arenaUsed;
  private int size; // distinct keys, dense and hashed
  private int hashed; // keys in the hash table
  private long[] dense; // counts of keys base .. base + dense.length - 1; null: hashed
  private long base;
  private boolean blocked; // a wide dense map past maxKeys met a key beyond its span: full, that key hashed
  private boolean denseRefused; // a wide hashed map past maxKeys spans too much to go dense: full
  private boolean spilling; // moving dense counts into the hash table: stay there meanwhile
  private BitCounts bits; // a wide map past maxKeys keys spread over DENSE_MAX or more, few repeated; null: dense or hashed

  LongCountMap(int maxKeys, int maxTextBytes) {
    this(maxKeys, maxTextBytes, false);
  }

  /** {@code wide}: keys without text may count densely past {@code maxKeys} keys (see above). */
  LongCountMap(int maxKeys, int maxTextBytes, boolean wide) {
    this.maxKeys = maxKeys;
    this.maxTextBytes = maxTextBytes;
    this.wide = wide && maxTextBytes == 0;
    if (maxTextBytes == 0) {
      dense = new long[0];
    }
    allocate(16);
  }

  /**
   * Adds one to the count of each of {@code keys[from, to)} (keys without text) until the map is
   * {@link #full()}; returns the index after the last key added.
   */
  int addAll(long[] keys, int from, int to) {
    int i = from;
    while (i < to) {
      if (bits != null && !blocked) {
        i = bits.addAll(keys, i, to);
        settle();
        if (i == to || full()) {
          break;
        }
        if (bits == null) {
          continue; // back in a dense array
        }
      }
      long[] d = dense;
      if (d != null) {
        long b = base;
        for (; i < to; i++) {
          long off = keys[i] - b;
          if (off < 0 || off >= d.length) {
            break;
          }
          if (d[(int) off]++ == 0) {
            size++;
          }
        }
        if (i == to) {
          break;
        }
      }
      add(keys[i++], 1, null, 0, 0);
      if (full()) {
        break;
      }
    }
    return i;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    used = new boolean[capacity];
    textStart = new int[capacity];
    textEnd = new int[capacity];
  }

  int size() {
    return bits == null ? size : size + bits.size();
  }

  /** True once more keys or text than allowed would be needed; callers stop adding then. */
  boolean full() {
    return blocked || (dense == null && bits == null && size > maxKeys) || arenaUsed > maxTextBytes
        || (bits != null && bits.repeats() > maxKeys);
  }

  /** Bytes held by the arrays, roughly. */
  long bytes() {
    long b = 25L * keys.length + arena.length + (dense == null ? 0 : 8L * dense.length);
    return bits == null ? b : b + bits.bytes();
  }

  /** The count of {@code key}; 0 when not held. */
  long count(long key) {
    if (bits != null) {
      long c = bits.count(key);
      if (c > 0 || hashed == 0) {
        return c;
      }
    }
    if (dense != null) {
      long off = key - base;
      if (off >= 0 && off < dense.length) {
        return dense[(int) off];
      }
    }
    if (hashed == 0) {
      return 0;
    }
    int slot = slot(key);
    return used[slot] ? counts[slot] : 0;
  }

  /**
   * Whether adding every key of {@code o} to this map is worth it: false only when one side
   * alone has more than {@code maxKeys} keys and the union can be neither dense nor in bits (too
   * wide, or too many keys repeated, counted without merging), so the merged map would be
   * {@link #full()} anyway (the caller then goes to the sketches without copying).
   */
  boolean absorbs(LongCountMap o) {
    if (size() <= maxKeys && o.size() <= maxKeys) {
      return true; // at most twice the limit: add them all, then ask full()
    }
    if (!wide || full() || o.full()) {
      return false;
    }
    if (size() == 0 || o.size() == 0) {
      return true;
    }
    long lo = Math.min(minKey(), o.minKey());
    long hi = Math.max(maxKey(), o.maxKey());
    if (hi - lo >= 0 && hi - lo < WIDE_MAX) {
      return true;
    }
    return BitCounts.fits(lo, hi) && unionRepeats(o) <= maxKeys;
  }

  /** Keys seen at least twice in this map and {@code o} together. */
  private long unionRepeats(LongCountMap o) {
    if (bits != null && o.bits != null && hashed == 0 && o.hashed == 0) {
      return bits.unionRepeats(o.bits);
    }
    LongCountMap big = o.size() > size() ? o : this;
    LongCountMap small = big == this ? o : this;
    long[] r = {big.repeats()};
    small.forEach((key, count, b, s, e) -> {
      long c = big.count(key);
      r[0] += c <= 1 && c + count >= 2 ? 1 : 0;
    });
    return r[0];
  }

  /** Keys counted twice or more. */
  private long repeats() {
    long r = bits == null ? 0 : bits.repeats();
    for (int i = 0; dense != null && i < dense.length; i++) {
      r += dense[i] >= 2 ? 1 : 0;
    }
    for (int i = 0; hashed > 0 && i < keys.length; i++) {
      r += used[i] && counts[i] >= 2 ? 1 : 0;
    }
    return r;
  }

  /** Adds every count of {@code o} (keys without text): as {@link #add} for each, word by word where both count in bits. */
  void addAllOf(LongCountMap o) {
    if (o.bits != null && o.hashed == 0 && !blocked && !o.blocked) {
      if (bits == null && !spilling) {
        toBits(o.bits.min()); // o's keys span WIDE_MAX or more, so the union would count in bits anyway
      }
      if (bits != null && bits.addAll(o.bits)) {
        settle();
        return;
      }
    }
    o.forEach((key, count, b, s, e) -> add(key, count, b, s, e));
  }

  /**
   * Adds one to the count of a key already in the hash table and returns true; false, with
   * nothing changed, when it is not there (a new key, or one counted densely or in bits: then
   * {@link #add}). Small enough to inline where most values repeat (categories), and adding to
   * a key held never makes the map {@link #full()}.
   */
  boolean increment(long key) {
    long[] k = keys;
    boolean[] u = used;
    int mask = k.length - 1;
    int i = (int) (maxTextBytes > 0 ? key : Hashing.mix(key)) & mask;
    while (u[i]) {
      if (k[i] == key) {
        counts[i]++;
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Adds {@code n} to {@code key}'s count; the text is copied only when the key is new. */
  void add(long key, long n, byte[] text, int s, int e) {
    if (bits != null) {
      if (bits.add(key, n)) {
        settle();
        return;
      }
      blocked = true; // the keys would span too much for the bits: full, this key hashed
    }
    if (dense != null) {
      long off = key - base;
      if (off >= 0 && off < dense.length) {
        size += dense[(int) off] == 0 ? 1 : 0;
        dense[(int) off] += n;
        return;
      }
      if (!blocked) {
        // many keys spread wide and seldom repeated (ids): a bit each is cheaper than a count each
        if (wide && size >= maxKeys && dense.length >= DENSE_MAX && repeats() <= maxKeys / 4 && toBits(key)) {
          add(key, n, text, s, e);
          return;
        }
        if (widen(key)) {
          add(key, n, text, s, e);
          return;
        }
        if (wide && size >= maxKeys) {
          if (toBits(key)) {
            add(key, n, text, s, e);
            return;
          }
          blocked = true; // the keys are too many for the hash table and too far apart for the bits
        } else {
          spill();
        }
      }
    }
    int slot = slot(key);
    if (!used[slot]) {
      used[slot] = true;
      keys[slot] = key;
      textStart[slot] = -1;
      if (text != null) {
        ensureArena(e - s);
        System.arraycopy(text, s, arena, arenaUsed, e - s);
        textStart[slot] = arenaUsed;
        arenaUsed += e - s;
        textEnd[slot] = arenaUsed;
      }
      size++;
      counts[slot] += n;
      if (++hashed * 2 > keys.length) {
        grow();
        if (wide) {
          tryDense();
        }
      } else if (wide && size > maxKeys) {
        tryDense();
      }
      return;
    }
    counts[slot] += n;
  }

  /**
   * A wide hashed map goes dense when its keys span less than {@link #WIDE_MAX} and either it is
   * past {@code maxKeys} keys (else it would be full) or they are close enough together (checked
   * as the table grows, so a map of many nearby keys leaves the hash table early).
   */
  private void tryDense() {
    if (dense != null || denseRefused || spilling || bits != null) {
      return;
    }
    long lo = minKey();
    long hi = maxKey();
    boolean near = hi - lo >= 0 && hi - lo < (long) WIDE_SLOTS_PER_KEY * size;
    if (!spanFits(lo, hi, WIDE_MAX) || (size <= maxKeys && !near)) {
      denseRefused = size > maxKeys && !toBits(lo);
      return;
    }
    long[] k = keys;
    long[] c = counts;
    boolean[] u = used;
    dense = new long[0];
    base = 0;
    int span = (int) (hi - lo) + 1;
    int len = Math.max(64, Math.min(WIDE_MAX, Integer.highestOneBit(span) * 2));
    base = lo - (len - span) / 2;
    dense = new long[len];
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        dense[(int) (k[i] - base)] = c[i];
      }
    }
    hashed = 0;
    allocate(16);
  }

  /**
   * Moves every count into {@link BitCounts} sized for the keys and {@code key}; false (nothing
   * moved) when they span too much or more than {@code maxKeys} keys repeat (the map is full then).
   */
  private boolean toBits(long key) {
    long lo = Math.min(key, minKey());
    long hi = Math.max(key, maxKey());
    if (!BitCounts.fits(lo, hi) || repeats() > maxKeys) {
      return false;
    }
    BitCounts b = new BitCounts(lo, hi);
    if (dense != null) {
      b.addCounts(dense, base);
    }
    for (int i = 0; hashed > 0 && i < keys.length; i++) {
      if (used[i]) {
        b.add(keys[i], counts[i]);
      }
    }
    bits = b;
    dense = null;
    size = 0;
    hashed = 0;
    allocate(16);
    return true;
  }

  /**
   * Bits whose keys repeat more than {@code maxKeys} times go back to a dense array when they span
   * less than {@link #WIDE_MAX} values (any number of repeats is exact there); past that the map
   * is full.
   */
  private void settle() {
    if (bits == null || bits.repeats() <= maxKeys || hashed > 0 || bits.max() - bits.min() >= WIDE_MAX) {
      return;
    }
    int span = (int) (bits.max() - bits.min()) + 1;
    int len = Math.max(64, Math.min(WIDE_MAX, Integer.highestOneBit(span) * 2));
    long newBase = bits.min() - (len - span) / 2;
    long[] d = new long[len];
    bits.forEach((k, count, t, s, e) -> d[(int) (k - newBase)] = count);
    size = bits.size();
    dense = d;
    base = newBase;
    bits = null;
  }

  /** Whether keys lo..hi fit a dense array of at most {@code max} slots, away from the ends of the long range. */
  private static boolean spanFits(long lo, long hi, int max) {
    long margin = 2L * WIDE_MAX;
    return lo >= Long.MIN_VALUE + margin && hi <= Long.MAX_VALUE - margin && hi - lo >= 0 && hi - lo < max;
  }

  /**
   * Re-centres the dense array to hold {@code key} too; false when the span gets too wide (past
   * {@link #DENSE_MAX}, or for a wide map holding {@code maxKeys} keys past {@link #WIDE_MAX}) or
   * comes near the ends of the long range (where {@code key - base} could wrap into the array).
   */
  private boolean widen(long key) {
    long newLo = key;
    long newHi = key;
    long oldLo = 0;
    long oldHi = -1;
    if (size > 0) { // the keys held lie between the first and the last non-zero count
      oldLo = minKey();
      oldHi = maxKey();
      newLo = Math.min(key, oldLo);
      newHi = Math.max(key, oldHi);
    }
    boolean near = newHi - newLo >= 0 && newHi - newLo < (long) WIDE_SLOTS_PER_KEY * (size + 1);
    int max = wide && (size >= maxKeys || near) ? WIDE_MAX : DENSE_MAX;
    if (!spanFits(newLo, newHi, max)) {
      return false;
    }
    int span = (int) (newHi - newLo) + 1;
    int len = Math.max(64, Math.min(max, Math.max(dense.length * 2, Integer.highestOneBit(span) * 2)));
    long newBase = newLo - (len - span) / 2;
    long[] d = new long[len];
    if (size > 0) { // the counts from the first key held to the last, in one copy
      System.arraycopy(dense, (int) (oldLo - base), d, (int) (oldLo - newBase), (int) (oldHi - oldLo) + 1);
    }
    dense = d;
    base = newBase;
    return true;
  }

  /** The smallest key held (the map is not empty). */
  private long minKey() {
    long min = bits == null || bits.size() == 0 ? Long.MAX_VALUE : bits.min();
    if (dense != null) {
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          min = base + i;
          break;
        }
      }
    }
    for (int i = 0; hashed > 0 && i < keys.length; i++) {
      if (used[i]) {
        min = Math.min(min, keys[i]);
      }
    }
    return min;
  }

  /** The largest key held (the map is not empty). */
  private long maxKey() {
    long max = bits == null || bits.size() == 0 ? Long.MIN_VALUE : bits.max();
    if (dense != null) {
      for (int i = dense.length - 1; i >= 0; i--) {
        if (dense[i] != 0) {
          max = base + i;
          break;
        }
      }
    }
    for (int i = 0; hashed > 0 && i < keys.length; i++) {
      if (used[i]) {
        max = Math.max(max, keys[i]);
      }
    }
    return max;
  }

  /** Moves the dense counts into the hash table. */
  private void spill() {
    long[] d = dense;
    dense = null;
    int n = size;
    size = 0;
    hashed = 0;
    int capacity = 16;
    while (capacity < n * 2 + 2) {
      capacity *= 2;
    }
    allocate(capacity);
    spilling = true;
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 0) {
        add(base + i, d[i], null, 0, 0);
      }
    }
    spilling = false;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (maxTextBytes > 0 ? key : Hashing.mix(key)) & mask; // keys with text are hashes already
    while (used[i] && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void ensureArena(int n) {
    if (arenaUsed + n > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, Math.max(1024, arenaUsed + n)));
    }
  }

  private void grow() {
    long[] k = keys;
    long[] c = counts;
    boolean[] u = used;
    int[] ts = textStart;
    int[] te = textEnd;
    allocate(k.length * 2);
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        int slot = slot(k[i]);
        used[slot] = true;
        keys[slot] = k[i];
        counts[slot] = c[i];
        textStart[slot] = ts[i];
        textEnd[slot] = te[i];
      }
    }
  }

  /** The kept text of {@code key}; fails when the key or its text is not held. */
  String text(long key) {
    int slot = dense == null ? slot(key) : -1;
    if (slot < 0 || !used[slot] || textStart[slot] < 0) {
      throw new IllegalStateException("no text kept for key " + key);
    }
    return new String(arena, textStart[slot], textEnd[slot] - textStart[slot], java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A new map of the keys {@code keep} accepts, with their counts and text. */
  LongCountMap retained(java.util.function.LongPredicate keep) {
    LongCountMap m = new LongCountMap(maxKeys, maxTextBytes, wide);
    forEach((key, count, text, s, e) -> {
      if (keep.test(key)) {
        m.add(key, count, text, s, e);
      }
    });
    return m;
  }

  /**
   * The counts in ascending key order for exact quantiles without listing them, or null unless
   * they are held in bits alone.
   */
  BitCounts.Ranks ranks() {
    return bits != null && hashed == 0 ? bits.ranks() : null;
  }

  /**
   * The {@code k} keys with the highest counts (ties by key) as {key, count} pairs, most frequent
   * first: from the bits without listing every key when they hold all counts, else by
   * {@link TopKeys}.
   */
  long[][] top(int k) {
    return bits != null && hashed == 0 ? bits.top(k) : TopKeys.of(this, k);
  }

  /** Visits every key with its count and kept text (null when none). */
  void forEach(Visitor v) {
    if (bits != null) {
      bits.forEach(v);
    }
    if (dense != null) {
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          v.visit(base + i, dense[i], null, -1, -1);
        }
      }
    }
    for (int i = 0; hashed > 0 && i < keys.length; i++) {
      if (used[i]) {
        v.visit(keys[i], counts[i], textStart[i] < 0 ? null : arena, textStart[i], textEnd[i]);
      }
    }
  }

  interface Visitor {
    void visit(long key, long count, byte[] text, int s, int e);
  }
}
