package io.dsap.engine.validate.checks;

/**
 * A hash map from 64-bit keys to the line where each was first seen, in two primitive arrays:
 * 12 bytes a slot, 2 to 4 slots per key (the table doubles at half full): 24 to 48 bytes a key,
 * so 10 million keys take 200 to 400 MB. Lines beyond 2^31 are stored as "unknown" (-1; 0 marks
 * an empty slot).
 */
final class LongLineMap {
  private long[] keys = new long[1024];
  private int[] lines = new int[1024];
  private int size;

  int size() {
    return size;
  }

  /** Adds {@code key} first seen on {@code line}; returns 0 if new, else the line it was first seen on (-1 unknown). */
  int putIfAbsent(long key, long line) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (lines[i] != 0) {
      if (keys[i] == key) {
        return lines[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    lines[i] = line > Integer.MAX_VALUE || line < 1 ? -1 : (int) line;
    size++;
    return 0;
  }

  boolean contains(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (lines[i] != 0) {
      if (keys[i] == key) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldLines = lines;
    keys = new long[oldKeys.length * 2];
    lines = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldLines[j] != 0) {
        int i = mix(oldKeys[j]) & mask;
        while (lines[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        lines[i] = oldLines[j];
      }
    }
  }

  static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
