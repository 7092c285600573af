package io.dsap.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lengths are counted in characters (code points), whatever mix of 1- to 4-byte UTF-8 a value holds. */
class TextShapeStateTest {
  @Test
  void lengthsInCharactersMatchCodePointCounts() {
    String[] pieces = {"a", "Z", " ", "é", "ß", "中", "文", "😀", "🇫🇷", "\u0000"};
    Random rnd = new Random(9);
    for (int t = 0; t < 2_000; t++) {
      TextShapeState shape = new TextShapeState();
      long min = Long.MAX_VALUE;
      long max = 0;
      long total = 0;
      int values = 1 + rnd.nextInt(5);
      for (int v = 0; v < values; v++) {
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(30);
        for (int i = 0; i < len; i++) {
          sb.append(pieces[rnd.nextInt(pieces.length)]);
        }
        String text = sb.toString();
        byte[] b = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        shape.add(b, 1, b.length - 1); // at an offset, so words straddle the value's ends
        long chars = text.codePointCount(0, text.length());
        min = Math.min(min, chars);
        max = Math.max(max, chars);
        total += chars;
      }
      assertEquals(min, shape.minLength());
      assertEquals(max, shape.maxLength());
      assertEquals((double) total / values, shape.avgLength(), 1e-12);
    }
  }
}
