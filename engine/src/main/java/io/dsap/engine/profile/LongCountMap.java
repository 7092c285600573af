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
 * <p>A <em>wide</em> map keeps its dense array up to {@link #WIDE_MAX} values (8 MB), and while
 * dense it is never {@link #full()} however many distinct keys it holds: a column of prices in
 * cents or of ids in a range of a million stays exact, at an array increment per value. Only
 * when such a map holds more than {@code maxKeys} keys and a key falls outside the widest span
 * is it full; that key is then held on the side ({@link #forEach} still shows it) rather than
 * spilling a huge dense array into the hash table.
 */
final class LongCountMap {
  static final int DENSE_MAX = 1 << 16;
  static final int WIDE_MAX = 1 << 20;
  private final int maxKeys;
  private final int maxSpan; // DENSE_MAX, or WIDE_MAX for a wide map
  private boolean blocked; // a wide dense map past maxKeys met a key outside its span: full
  private long blockedKey;
  private long blockedCount;
  private final int maxTextBytes;
  private long[] keys;
  private long[] counts;
  private boolean[] used;
  private int[] textStart; // -1: no text kept
  private int[] textEnd;
  private byte[] arena = new byte[0];
  private int arenaUsed;
  private int size;
  private long[] dense; // counts of keys base .. base + dense.length - 1; null: hashed
  private long base;

  LongCountMap(int maxKeys, int maxTextBytes) {
    this(maxKeys, maxTextBytes, false);
  }

  /** {@code wide}: keys without text may stay dense over up to {@link #WIDE_MAX} values (see above). */
  LongCountMap(int maxKeys, int maxTextBytes, boolean wide) {
    this.maxKeys = maxKeys;
    this.maxSpan = wide ? WIDE_MAX : DENSE_MAX;
    this.maxTextBytes = maxTextBytes;
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
    return blocked ? size + 1 : size;
  }

  /** True once more keys or text than allowed would be needed; callers stop adding then. */
  boolean full() {
    return blocked || (dense == null && size > maxKeys) || arenaUsed > maxTextBytes;
  }

  /**
   * Whether adding every key of {@code o} keeps this map exact in a way that does not depend on
   * how the keys were split: false only when the union surely has more than {@code maxKeys} keys
   * and cannot stay dense, i.e. when the merged map would be {@link #full()} anyway.
   */
  boolean absorbs(LongCountMap o) {
    boolean big = (dense != null && size > maxKeys) || (o.dense != null && o.size > maxKeys);
    if (!big) {
      return !blocked && !o.blocked;
    }
    if (dense == null || o.dense == null || blocked || o.blocked) {
      return false;
    }
    if (size == 0 || o.size == 0) {
      return true;
    }
    long lo = Math.min(base + firstUsed(), o.base + o.firstUsed());
    long hi = Math.max(base + lastUsed(), o.base + o.lastUsed());
    return hi - lo >= 0 && hi - lo < maxSpan;
  }

  private int firstUsed() {
    int first = 0;
    while (dense[first] == 0) {
      first++;
    }
    return first;
  }

  private int lastUsed() {
    int last = dense.length - 1;
    while (dense[last] == 0) {
      last--;
    }
    return last;
  }

  /** Adds {@code n} to {@code key}'s count; the text is copied only when the key is new. */
  void add(long key, long n, byte[] text, int s, int e) {
    if (dense != null) {
      long off = key - base;
      if (off >= 0 && off < dense.length) {
        size += dense[(int) off] == 0 ? 1 : 0;
        dense[(int) off] += n;
        return;
      }
      if (widen(key)) {
        add(key, n, text, s, e);
        return;
      }
      if (size > maxKeys) { // too many keys for the hash table: full, the key kept aside
        if (blocked && blockedKey != key) {
          throw new IllegalStateException("a full map was added to");
        }
        blocked = true;
        blockedKey = key;
        blockedCount += n;
        return;
      }
      spill();
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
      if (++size * 2 > keys.length) {
        counts[slot] += n;
        grow();
        return;
      }
    }
    counts[slot] += n;
  }

  /**
   * Re-centres the dense array to hold {@code key} too; false when the span gets too wide or
   * comes near the ends of the long range (where {@code key - base} could wrap into the array).
   */
  private boolean widen(long key) {
    long newLo = key;
    long newHi = key;
    if (size > 0) { // the keys held lie between the first and the last non-zero count
      newLo = Math.min(key, base + firstUsed());
      newHi = Math.max(key, base + lastUsed());
    }
    long margin = 2L * maxSpan;
    if (newLo < Long.MIN_VALUE + margin || newHi > Long.MAX_VALUE - margin
        || newHi - newLo < 0 || newHi - newLo >= maxSpan) {
      return false;
    }
    int span = (int) (newHi - newLo) + 1;
    int len = Math.max(64, Math.min(maxSpan, Math.max(dense.length * 2, Integer.highestOneBit(span) * 2)));
    long newBase = newLo - (len - span) / 2;
    long[] d = new long[len];
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0) {
        d[(int) (base + i - newBase)] = dense[i];
      }
    }
    dense = d;
    base = newBase;
    return true;
  }

  /** Moves the dense counts into the hash table. */
  private void spill() {
    long[] d = dense;
    dense = null;
    int n = size;
    size = 0;
    int capacity = 16;
    while (capacity < n * 2 + 2) {
      capacity *= 2;
    }
    allocate(capacity);
    for (int i = 0; i < d.length; i++) {
      if (d[i] != 0) {
        add(base + i, d[i], null, 0, 0);
      }
    }
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) Hashing.mix(key) & mask;
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
    LongCountMap m = new LongCountMap(maxKeys, maxTextBytes);
    forEach((key, count, text, s, e) -> {
      if (keep.test(key)) {
        m.add(key, count, text, s, e);
      }
    });
    return m;
  }

  /** Visits every key with its count and kept text (null when none). */
  void forEach(Visitor v) {
    if (dense != null) {
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != 0) {
          v.visit(base + i, dense[i], null, -1, -1);
        }
      }
      if (blocked) {
        v.visit(blockedKey, blockedCount, null, -1, -1);
      }
      return;
    }
    for (int i = 0; i < keys.length; i++) {
      if (used[i]) {
        v.visit(keys[i], counts[i], textStart[i] < 0 ? null : arena, textStart[i], textEnd[i]);
      }
    }
  }

  interface Visitor {
    void visit(long key, long count, byte[] text, int s, int e);
  }
}
