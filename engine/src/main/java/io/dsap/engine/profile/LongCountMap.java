package io.dsap.engine.profile;

import java.util.Arrays;

/**
 * Exact counts per 64-bit key in primitive arrays (open addressing, no boxing), optionally with
 * the UTF-8 text of each key's first occurrence kept in one byte arena. Grows until
 * {@link #full()}; the owner then switches to sketches.
 */
final class LongCountMap {
  private final int maxKeys;
  private final int maxTextBytes;
  private long[] keys;
  private long[] counts;
  private boolean[] used;
  private int[] textStart; // -1: no text kept
  private int[] textEnd;
  private byte[] arena = new byte[0];
  private int arenaUsed;
  private int size;

  LongCountMap(int maxKeys, int maxTextBytes) {
    this.maxKeys = maxKeys;
    this.maxTextBytes = maxTextBytes;
    allocate(16);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    used = new boolean[capacity];
    textStart = new int[capacity];
    textEnd = new int[capacity];
  }

  int size() {
    return size;
  }

  /** True once more keys or text than allowed would be needed; callers stop adding then. */
  boolean full() {
    return size > maxKeys || arenaUsed > maxTextBytes;
  }

  /** Adds {@code n} to {@code key}'s count; the text is copied only when the key is new. */
  void add(long key, long n, byte[] text, int s, int e) {
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

  /** Visits every key with its count and kept text (null when none). */
  void forEach(Visitor v) {
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
