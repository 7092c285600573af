package io.dsap.engine.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Distinct UTF-8 byte strings numbered 0, 1, ... in first-seen order, so a VARCHAR key is a number. */
final class ByteDictionary {
  private byte[] arena = new byte[1 << 10];
  private int used;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int[] hashes = new int[16];
  private int size;
  private int[] table = new int[32]; // id + 1, 0 when empty

  /** The number of {@code src[start, end)}, added if new. */
  int id(byte[] src, int start, int end) {
    int h = 1;
    for (int i = start; i < end; i++) {
      h = 31 * h + src[i];
    }
    h ^= h >>> 16;
    int mask = table.length - 1;
    for (int slot = (h * 0x9E3779B9) & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot];
      if (e == 0) {
        return insert(slot, h, src, start, end);
      }
      int id = e - 1;
      if (hashes[id] == h && Arrays.equals(arena, starts[id], ends[id], src, start, end)) {
        return id;
      }
    }
  }

  private int insert(int slot, int h, byte[] src, int start, int end) {
    int n = end - start;
    if (used + n > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
    }
    System.arraycopy(src, start, arena, used, n);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    starts[id] = used;
    used += n;
    ends[id] = used;
    hashes[id] = h;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = (hashes[id] * 0x9E3779B9) & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = id + 1;
    }
    table = t;
  }

  /** The number of the string {@code id} of {@code other} in this dictionary, added if new. */
  int idOf(ByteDictionary other, int id) {
    return id(other.arena, other.starts[id], other.ends[id]);
  }

  String string(int id) {
    return new String(arena, starts[id], ends[id] - starts[id], StandardCharsets.UTF_8);
  }
}
