package io.dsap.engine.validate.checks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A fixed set of strings, looked up by their UTF-8 bytes in place (no String per lookup): an
 * open-addressing table of the encoded members. For the small sets schemas list
 * ({@code allowed_values}).
 */
final class ByteStringSet {
  private final byte[][] slots;
  private final int mask;

  ByteStringSet(Collection<String> members) {
    int size = Integer.highestOneBit(Math.max(4, members.size() * 4) - 1) << 1;
    slots = new byte[size][];
    mask = size - 1;
    for (String m : members) {
      byte[] b = m.getBytes(StandardCharsets.UTF_8);
      int i = hash(b, 0, b.length) & mask;
      while (slots[i] != null && !Arrays.equals(slots[i], b)) {
        i = (i + 1) & mask;
      }
      slots[i] = b;
    }
  }

  boolean contains(byte[] b, int start, int end) {
    int i = hash(b, start, end) & mask;
    for (byte[] s = slots[i]; s != null; s = slots[i = (i + 1) & mask]) {
      if (Arrays.equals(s, 0, s.length, b, start, end)) {
        return true;
      }
    }
    return false;
  }

  private static int hash(byte[] b, int start, int end) {
    int h = 0x811c9dc5;
    for (int i = start; i < end; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
