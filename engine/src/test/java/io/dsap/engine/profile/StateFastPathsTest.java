package io.dsap.engine.profile;

import static io.dsap.engine.profile.Batches.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The per-batch shortcuts of the column states give the statistics the plain per-value paths
 * give: a batch without nulls, a batch of ASCII text, a value read a word at a time at the end
 * of its array, a repeated category counted by one probe.
 */
class StateFastPathsTest {
  private static final List<ColumnSpec> NUMBERS = List.of(col("n", ColumnType.BIGINT), Batches.decimal("price", 2),
      col("day", ColumnType.DATE));

  private static List<Object[]> numbers(Random rnd, int n) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {(long) rnd.nextInt(2_000) - 500, BigDecimal.valueOf(rnd.nextInt(200_000) - 1_000, 2),
          (long) (19_000 + rnd.nextInt(400))});
    }
    return rows;
  }

  @Test
  void batchesWithoutNullsGiveTheStatisticsOfTheSameValuesAmongNulls() {
    Random rnd = new Random(5);
    List<Object[]> plain = numbers(rnd, 20_000);
    List<Object[]> withNulls = new ArrayList<>();
    for (Object[] row : plain) {
      withNulls.add(row);
      if (rnd.nextInt(3) == 0) {
        withNulls.add(new Object[] {null, null, null});
      }
    }
    TableProfile a = Batches.profile(NUMBERS, plain);
    TableProfile b = Batches.profile(NUMBERS, withNulls);
    for (int c = 0; c < NUMBERS.size(); c++) {
      ColumnProfile x = a.columns().get(c);
      ColumnProfile y = b.columns().get(c);
      String at = x.name();
      assertEquals(0, x.nulls(), at);
      assertEquals(withNulls.size() - plain.size(), y.nulls(), at);
      assertEquals(x.values(), y.values(), at);
      assertEquals(x.min(), y.min(), at);
      assertEquals(x.max(), y.max(), at);
      assertEquals(x.distinct(), y.distinct(), at);
      assertEquals(x.zeros(), y.zeros(), at);
      assertEquals(x.negatives(), y.negatives(), at);
      assertEquals(x.mean(), y.mean(), at); // bit for bit: the same values in the same order
      assertEquals(x.variance(), y.variance(), at);
      assertEquals(x.skewness(), y.skewness(), at);
      assertEquals(x.kurtosis(), y.kurtosis(), at);
      assertEquals(Arrays.asList(x.q05(), x.q25(), x.q50(), x.q75(), x.q95()), Arrays.asList(y.q05(), y.q25(), y.q50(),
          y.q75(), y.q95()), at); // null for dates
      assertEquals(x.topValues(), y.topValues(), at);
      assertEquals(x.histogram(), y.histogram(), at);
    }
    ColumnProfile price = a.columns().get(1);
    MomentsState byValue = new MomentsState();
    long zeros = 0;
    long negatives = 0;
    for (Object[] row : plain) {
      BigDecimal p = (BigDecimal) row[1];
      byValue.add(p.unscaledValue().longValueExact() / 100.0);
      zeros += p.signum() == 0 ? 1 : 0;
      negatives += p.signum() < 0 ? 1 : 0;
    }
    assertEquals(byValue.mean(), price.mean());
    assertEquals(byValue.variance(), price.variance());
    assertEquals(byValue.skewness(), price.skewness());
    assertEquals(byValue.kurtosis(), price.kurtosis());
    assertEquals(zeros, price.zeros());
    assertEquals(negatives, price.negatives());
  }

  @Test
  void momentsOfWholeNumbersEqualMomentsOfTheirDoubles() {
    Random rnd = new Random(11);
    long[] xs = new long[5_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = rnd.nextInt(1_000_000) - 3_000;
    }
    for (double divisor : new double[] {1, 100, 1000}) {
      MomentsState fromLongs = new MomentsState();
      fromLongs.add(xs, 2_000, divisor);
      fromLongs.add(Arrays.copyOfRange(xs, 2_000, xs.length), xs.length - 2_000, divisor);
      MomentsState fromDoubles = new MomentsState();
      for (long x : xs) {
        fromDoubles.add(x / divisor);
      }
      assertEquals(fromDoubles.count(), fromLongs.count());
      assertEquals(fromDoubles.mean(), fromLongs.mean());
      assertEquals(fromDoubles.variance(), fromLongs.variance());
      assertEquals(fromDoubles.skewness(), fromLongs.skewness());
      assertEquals(fromDoubles.kurtosis(), fromLongs.kurtosis());
    }
  }

  /** The hash as defined: 8-byte little-endian words, then the last bytes one at a time. */
  private static long referenceHash(byte[] v) {
    long m = 0x9e3779b97f4a7c15L;
    long h = 0xcbf29ce484222325L ^ (v.length * m);
    int i = 0;
    for (; i + 8 <= v.length; i += 8) {
      long w = 0;
      for (int j = 7; j >= 0; j--) {
        w = (w << 8) | (v[i + j] & 0xff);
      }
      h = (h ^ w) * m;
      h ^= h >>> 32;
    }
    if (i < v.length) {
      long tail = 0;
      for (int j = v.length - 1; j >= i; j--) {
        tail = (tail << 8) | (v[j] & 0xff);
      }
      h = (h ^ tail) * m;
    }
    return Hashing.mix(h);
  }

  @Test
  void aValueHashesTheSameWhereverItSitsInItsArray() {
    Random rnd = new Random(3);
    for (int len = 0; len <= 40; len++) {
      for (int t = 0; t < 20; t++) {
        byte[] v = new byte[len];
        rnd.nextBytes(v);
        long expected = referenceHash(v);
        assertEquals(expected, Hashing.bytes(v, 0, len), "alone, length " + len);
        byte[] around = new byte[len + 20];
        rnd.nextBytes(around);
        int at = rnd.nextInt(21);
        System.arraycopy(v, 0, around, at, len);
        assertEquals(expected, Hashing.bytes(around, at, at + len), "inside, length " + len);
        byte[] atEnd = new byte[len + 3];
        rnd.nextBytes(atEnd);
        System.arraycopy(v, 0, atEnd, 3, len);
        assertEquals(expected, Hashing.bytes(atEnd, 3, 3 + len), "at the end, length " + len);
      }
    }
  }

  @Test
  void textShapeIgnoresTheBytesAroundAValue() {
    String[] pieces = {"a", "Z", " ", "é", "中", "😀", "-", "7"};
    byte[] continuation = {(byte) 0x80, (byte) 0xbf};
    Random rnd = new Random(21);
    for (int t = 0; t < 3_000; t++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(14);
      for (int i = 0; i < len; i++) {
        sb.append(pieces[rnd.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      byte[] v = text.getBytes(StandardCharsets.UTF_8);
      int before = rnd.nextInt(9);
      int after = rnd.nextInt(9); // 0: the value ends the array, so its last word cannot be read past it
      byte[] b = new byte[before + v.length + after];
      for (int i = 0; i < b.length; i++) {
        b[i] = continuation[rnd.nextInt(2)]; // bytes that would count as characters' tails if they were read
      }
      System.arraycopy(v, 0, b, before, v.length);
      TextShapeState shape = new TextShapeState();
      shape.add(b, before, before + v.length);
      long chars = text.codePointCount(0, text.length());
      String at = "'" + text + "' with " + before + " bytes before, " + after + " after";
      assertEquals(chars, shape.minLength(), at);
      assertEquals(chars, shape.maxLength(), at);
      assertEquals(text, shape.min(), at);
      assertEquals(text, shape.max(), at);
      assertEquals(chars, TextShapeState.chars(b, before, before + v.length), at);
    }
  }

  @Test
  void sketchedTextGetsItsShapeFromAsciiAndNonAsciiBatches() {
    int n = ValueCountsState.EXACT_LIMIT + 30_000; // past the exact counts: the shape is fed every value
    List<Object[]> rows = new ArrayList<>();
    Random rnd = new Random(8);
    long totalChars = 0;
    long minChars = Long.MAX_VALUE;
    long maxChars = 0;
    String min = null;
    String max = null;
    for (int i = 0; i < n; i++) {
      String v = "user" + rnd.nextInt(1_000_000) + (i % 7_919 == 0 ? "é中😀" : "") + "@example.org";
      rows.add(new Object[] {v, i % 13 == 0 ? "x" : i % 3 == 0 ? "ärger" : "b"});
      long c = v.codePointCount(0, v.length());
      totalChars += c;
      minChars = Math.min(minChars, c);
      maxChars = Math.max(maxChars, c);
      min = min == null || v.compareTo(min) < 0 ? v : min;
      max = max == null || v.compareTo(max) > 0 ? v : max;
    }
    TableProfile p = Batches.profile(List.of(col("email", ColumnType.VARCHAR), col("cat", ColumnType.VARCHAR)), rows);
    ColumnProfile email = p.columns().get(0);
    assertFalse(email.distinctExact(), "the counts gave way to sketches");
    assertEquals(minChars, email.minLength());
    assertEquals(maxChars, email.maxLength());
    assertEquals((double) totalChars / n, email.avgLength(), 1e-9);
    assertEquals(min, email.min());
    assertEquals(max, email.max());

    Map<String, Long> expected = new TreeMap<>();
    for (Object[] row : rows) {
      expected.merge((String) row[1], 1L, Long::sum);
    }
    ColumnProfile cat = p.columns().get(1);
    assertTrue(cat.topValuesExact());
    Map<String, Long> counted = new TreeMap<>();
    cat.topValues().forEach(v -> counted.put(v.value(), v.count()));
    assertEquals(expected, counted);
  }
}
