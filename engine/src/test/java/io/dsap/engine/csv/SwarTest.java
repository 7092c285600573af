package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Swar#matchesExactly} flags exactly the bytes equal to a pattern byte, against a byte loop;
 * {@link Swar#gather} turns every set of flags into the right eight bits.
 */
class SwarTest {
  @Test
  void exactMatchesFlagEveryMatchingByteAndNoOther() {
    Random rnd = new Random(9);
    byte[] interesting = {',', '\n', '\r', '"', 0, (byte) 0x80, (byte) 0xff, (byte) (',' | 0x80), (byte) ('\n' + 1),
        (byte) ('\r' - 1), 0x7f, 1};
    byte[] b = new byte[8];
    for (int round = 0; round < 200_000; round++) {
      for (int i = 0; i < 8; i++) {
        b[i] = rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : (byte) rnd.nextInt(256);
      }
      long expected = 0;
      for (int i = 0; i < 8; i++) {
        if (b[i] == ',' || b[i] == '\n' || b[i] == '\r') {
          expected |= 0x80L << (8 * i);
        }
      }
      long m = Swar.matchesExactly(Swar.word(b, 0), Swar.broadcast(','), Swar.broadcast('\n'), Swar.broadcast('\r'));
      assertEquals(expected, m, () -> java.util.Arrays.toString(b));
    }
  }

  @Test
  void gatherPutsTheFlagOfByteIAtBitI() {
    for (int bits = 0; bits < 256; bits++) {
      long flags = 0;
      for (int i = 0; i < 8; i++) {
        if ((bits >> i & 1) != 0) {
          flags |= 0x80L << (8 * i);
        }
      }
      assertEquals(bits, Swar.gather(flags), "flags " + Long.toHexString(flags));
    }
  }
}
