package io.dsap.engine.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values parsed from bytes equal what the JDK parses from the same text. */
class ByteParsersTest {
  private final ByteParsers p = new ByteParsers();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void integersIncludingEdgesAndOverflow() {
    for (String s : new String[] {"0", "-0", "+7", " 42 ", "-2147483648", "9223372036854775807",
        "-9223372036854775808"}) {
      byte[] x = b(s);
      long v = p.parseLong(x, 0, x.length);
      assertTrue(p.ok, s);
      assertEquals(Long.parseLong(s.trim()), v, s);
    }
    for (String s : new String[] {"", "-", "1.0", "1e3", "9223372036854775808", "12a", "--1", "1 2"}) {
      byte[] x = b(s);
      p.parseLong(x, 0, x.length);
      assertFalse(p.ok, s);
    }
    byte[] big = b("2147483648");
    p.parseInt(big, 0, big.length);
    assertFalse(p.ok, "INTEGER overflow is not silently wrapped");
  }

  /**
   * Short fields, the common case of a CSV scan: on random text placed anywhere in a buffer with
   * digits around it (bytes past the field that a parse must not read) and at its very end,
   * integers equal the JDK's and decimals the general parser's and BigDecimal's, failures included.
   */
  @Test
  void shortFieldsMatchThePlainParse() {
    Random rnd = new Random(7);
    String alphabet = "0123456789012345678901234567890123456789..-+ x";
    for (int i = 0; i < 300_000; i++) {
      int len = 1 + rnd.nextInt(10);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      int before = rnd.nextInt(4);
      int after = rnd.nextBoolean() ? 0 : rnd.nextInt(9);
      byte[] x = new byte[before + len + after];
      java.util.Arrays.fill(x, (byte) ('1' + rnd.nextInt(9)));
      System.arraycopy(b(s), 0, x, before, len);
      int from = before;
      int to = before + len;

      Long expectedLong = null;
      try {
        expectedLong = Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        // not an integer: the parse must fail too
      }
      long v = p.parseLong(x, from, to);
      assertEquals(expectedLong != null, p.ok, s);
      if (expectedLong != null) {
        assertEquals(expectedLong.longValue(), v, s);
      }

      int scale = rnd.nextInt(12);
      ByteParsers plain = new ByteParsers();
      long want = plain.parseDecimalGeneral(x, from, to, scale);
      long got = p.parseDecimal(x, from, to, scale);
      assertEquals(plain.ok, p.ok, s + " at scale " + scale);
      if (plain.ok) {
        assertEquals(want, got, s + " at scale " + scale);
        assertEquals(plain.lastScale, p.lastScale, s);
        assertEquals(new java.math.BigDecimal(s.strip()).setScale(scale).unscaledValue().longValueExact(), got, s);
      }
    }
  }

  @Test
  void doublesMatchTheJdkOnRandomInput() {
    Random rnd = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      String s;
      switch (i % 4) {
        case 0: s = Double.toString(rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20)); break;
        case 1: s = Long.toString(rnd.nextLong() % 1_000_000_000L) + "." + rnd.nextInt(1000); break;
        case 2: s = (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(100000) + "e" + (rnd.nextInt(60) - 30); break;
        default: s = String.valueOf(rnd.nextGaussian()); break;
      }
      byte[] x = b(s);
      double v = p.parseDouble(x, 0, x.length);
      assertTrue(p.ok, s);
      assertEquals(Double.parseDouble(s), v, 0.0, s);
    }
  }

  @Test
  void decimalsKeepTheirScaleExactly() {
    byte[] x = b("-12.5");
    assertEquals(-1250, p.parseDecimal(x, 0, x.length, 2));
    assertTrue(p.ok);
    x = b("12.345");
    p.parseDecimal(x, 0, x.length, 2);
    assertFalse(p.ok, "more digits than the scale is not rounded");
    x = b("0.125");
    assertEquals(125, p.parseDecimal(x, 0, x.length, -1));
    assertEquals(3, p.lastScale);
    for (String bad : new String[] {".", "-", "1.2.3", "1e5", ""}) {
      x = b(bad);
      p.parseDecimal(x, 0, x.length, 2);
      assertFalse(p.ok, bad);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy"})
  void datesMatchJavaTimeForEveryDayOfFourCenturies(String pattern) {
    TemporalFormat f = TemporalFormat.parse(pattern);
    java.time.format.DateTimeFormatter fmt = java.time.format.DateTimeFormatter.ofPattern(pattern);
    for (LocalDate d = LocalDate.of(1800, 1, 1); d.getYear() < 2200; d = d.plusDays(1)) {
      byte[] x = b(d.format(fmt));
      int day = p.parseDate(x, 0, x.length, f);
      assertTrue(p.ok, d.toString());
      assertEquals(d.toEpochDay(), day, d.toString());
    }
  }

  /**
   * Fixed-width {@code yyyy-mm-dd} texts take a table-driven fast path for the years 1900 to
   * 2199: every month and day number (valid or not) around and inside that range, with each
   * separator, gives what java.time says, and a wrong separator is refused.
   */
  @Test
  void fixedWidthDatesAgreeWithJavaTimeInsideAndOutsideTheFastPath() {
    int[] years = {0, 1, 1599, 1600, 1899, 1900, 1901, 1904, 1970, 2000, 2023, 2024, 2100, 2198, 2199, 2200, 2400, 9999};
    for (char sep : new char[] {'-', '/', '.'}) {
      TemporalFormat f = new TemporalFormat(DateOrder.YMD, sep);
      for (int y : years) {
        for (int m = 0; m <= 13; m++) {
          for (int d = 0; d <= 32; d++) {
            String s = String.format("%04d%c%02d%c%02d", y, sep, m, sep, d);
            byte[] x = b(s);
            int day = p.parseDate(x, 0, x.length, f);
            Long want;
            try {
              want = LocalDate.of(y, m, d).toEpochDay();
            } catch (java.time.DateTimeException ex) {
              want = null;
            }
            assertEquals(want != null, p.ok, s);
            if (want != null) {
              assertEquals(want.longValue(), day, s);
            }
            byte[] wrongSep = b(s.replace(sep, sep == '-' ? '/' : '-'));
            p.parseDate(wrongSep, 0, wrongSep.length, f);
            assertFalse(p.ok, s + " with another separator");
          }
        }
      }
    }
    for (String s : new String[] {"2024-0a-10", "2024-01-1 ", "+024-01-10", "2024--1-10", "20x4-01-10", "2024-01-+1"}) {
      byte[] x = b(s);
      p.parseDate(x, 0, x.length, TemporalFormat.ISO);
      assertEquals(s.equals("2024-01-1 "), p.ok, s); // a trailing blank is trimmed, then 2024-01-1 is fine
    }
  }

  /** The plain-decimal fast path accepts and rejects exactly what the general parser does, at every scale. */
  @Test
  void decimalFastPathAgreesWithTheGeneralParser() {
    Random rnd = new Random(11);
    String alphabet = "0123456789000.-+ e";
    ByteParsers general = new ByteParsers();
    for (int t = 0; t < 300_000; t++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(22);
      for (int i = 0; i < len; i++) {
        // mostly digits, so that many texts are valid numbers of every length
        sb.append(rnd.nextInt(4) == 0 ? alphabet.charAt(rnd.nextInt(alphabet.length())) : (char) ('0' + rnd.nextInt(10)));
      }
      String text = sb.toString();
      byte[] x = b("[" + text + "]");
      for (int scale : new int[] {0, 2, 4, 18}) {
        long want = general.parseDecimalGeneral(x, 1, x.length - 1, scale);
        long got = p.parseDecimal(x, 1, x.length - 1, scale);
        assertEquals(general.ok, p.ok, text + " at scale " + scale);
        if (p.ok) {
          assertEquals(want, got, text + " at scale " + scale);
          assertEquals(general.lastScale, p.lastScale, text);
        }
      }
    }
  }

  @Test
  void invalidCalendarDatesAreRejected() {
    for (String s : new String[] {"2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-1x"}) {
      byte[] x = b(s);
      p.parseDate(x, 0, x.length, TemporalFormat.ISO);
      assertFalse(p.ok, s);
    }
    byte[] leap = b("2024-02-29");
    p.parseDate(leap, 0, leap.length, TemporalFormat.ISO);
    assertTrue(p.ok);
  }

  @Test
  void timestampsWithSeparatorsFractionsAndOffsets() {
    assertTs("2024-01-15 10:30:00", LocalDateTime.of(2024, 1, 15, 10, 30));
    assertTs("2024-01-15T10:30", LocalDateTime.of(2024, 1, 15, 10, 30));
    assertTs("2024-01-15T10:30:05.123456", LocalDateTime.of(2024, 1, 15, 10, 30, 5, 123_000_000));
    assertTs("2024-01-15T10:30:00Z", LocalDateTime.of(2024, 1, 15, 10, 30));
    assertTs("2024-01-15T10:30:00+02:00", LocalDateTime.of(2024, 1, 15, 8, 30));
    assertTs("2024-01-15", LocalDateTime.of(2024, 1, 15, 0, 0));
    for (String bad : new String[] {"2024-01-15 25:00:00", "2024-01-15T10", "2024-01-15 10:30:00 x"}) {
      byte[] x = b(bad);
      p.parseTimestamp(x, 0, x.length, TemporalFormat.ISO);
      assertFalse(p.ok, bad);
    }
  }

  private void assertTs(String s, LocalDateTime want) {
    byte[] x = b(s);
    long millis = p.parseTimestamp(x, 0, x.length, TemporalFormat.ISO);
    assertTrue(p.ok, s);
    assertEquals(want.toInstant(ZoneOffset.UTC).toEpochMilli(), millis, s);
  }
}
