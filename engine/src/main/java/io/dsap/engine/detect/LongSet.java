package io.dsap.engine.detect;

import io.dsap.engine.profile.Hashing;

/**
 * A set of 64-bit values in one primitive array (open addressing, no boxing), for the distinct
 * values of a key or foreign-key column. Holds at most {@code cap} values: past that
 * {@link #overflowed()} is true and the set stops growing (its owner gives the column up).
 */
final class LongSet {
  private final int cap;
  private long[] slots = new long[16];
  private boolean hasZero; // 0 marks an empty slot, so the value 0 is kept apart
  private int size;
  private boolean overflowed;

  LongSet(int cap) {
    this.cap = cap;
  }

  /** Adds {@code v}; false when it was already there (or the set has overflowed). */
  boolean add(long v) {
    if (overflowed) {
      return false;
    }
    if (v == 0) {
      if (hasZero) {
        return false;
      }
      hasZero = true;
      return grew();
    }
    int mask = slots.length - 1;
    int i = (int) Hashing.mix(v) & mask;
    while (slots[i] != 0) {
      if (slots[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = v;
    if ((size + 1) * 2 > slots.length) {
      rehash();
    }
    return grew();
  }

  private boolean grew() {
    if (++size > cap) {
      overflowed = true;
      slots = new long[0];
      return false;
    }
    return true;
  }

  boolean contains(long v) {
    if (v == 0) {
      return hasZero;
    }
    if (slots.length == 0) {
      return false;
    }
    int mask = slots.length - 1;
    int i = (int) Hashing.mix(v) & mask;
    while (slots[i] != 0) {
      if (slots[i] == v) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  int size() {
    return size;
  }

  boolean overflowed() {
    return overflowed;
  }

  /** Calls {@code action} with every value. */
  void forEach(java.util.function.LongConsumer action) {
    if (hasZero) {
      action.accept(0);
    }
    for (long v : slots) {
      if (v != 0) {
        action.accept(v);
      }
    }
  }

  private void rehash() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long v : old) {
      if (v != 0) {
        int i = (int) Hashing.mix(v) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = v;
      }
    }
  }
}
