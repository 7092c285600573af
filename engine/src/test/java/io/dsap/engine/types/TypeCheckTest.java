package io.dsap.engine.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.batch.TextValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check for unread columns never accepts what the full parsers refuse, and accepts the
 * plain spellings (else it would not save anything). The full parsers are the reference: a value
 * is valid when {@link TextValues#write} finds no problem with it.
 */
class TypeCheckTest {
  private static final ColumnSpec INT = new ColumnSpec("i", ColumnType.INTEGER, 0, null, "test");
  private static final ColumnSpec BIG = new ColumnSpec("b", ColumnType.BIGINT, 0, null, "test");
  private static final ColumnSpec DEC2 = new ColumnSpec("d", ColumnType.DECIMAL, 2, null, "test");
  private static final ColumnSpec DEC0 = new ColumnSpec("d0", ColumnType.DECIMAL, 0, null, "test");
  private static final ColumnSpec DBL = new ColumnSpec("x", ColumnType.DOUBLE, 0, null, "test");
  private static final ColumnSpec DATE = new ColumnSpec("day", ColumnType.DATE, 0, TemporalFormat.ISO, "test");
  private static final ColumnSpec DATE_SLASH = new ColumnSpec("day", ColumnType.DATE, 0,
      new TemporalFormat(DateOrder.YMD, '/'), "test");
  private static final ColumnSpec DATE_DMY = new ColumnSpec("day", ColumnType.DATE, 0,
      new TemporalFormat(DateOrder.DMY, '/'), "test");
  private static final ColumnSpec TS = new ColumnSpec("t", ColumnType.TIMESTAMP, 0, TemporalFormat.ISO, "test");
  private static final List<ColumnSpec> ALL = List.of(INT, BIG, DEC2, DEC0, DBL, DATE, DATE_SLASH, DATE_DMY, TS);

  private final TextValues full = new TextValues();

  private final Random around = new Random(3);

  /**
   * The quick check's answer, the same whether the text ends its array or is followed by other
   * bytes (digits, points, anything), as in a read buffer where eight bytes are tested at once.
   */
  private boolean quick(ColumnSpec spec, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    char sep = spec.format() == null ? 0 : spec.format().separator();
    boolean alone = TypeCheck.surelyValid(TypeCheck.kindOf(spec), spec.scale(), sep, b, 0, b.length);
    int before = around.nextInt(3);
    byte[] padded = new byte[before + b.length + 8];
    for (int i = 0; i < padded.length; i++) {
      padded[i] = around.nextBoolean() ? (byte) ('0' + around.nextInt(10)) : around.nextBoolean() ? (byte) '.'
          : (byte) around.nextInt(256);
    }
    System.arraycopy(b, 0, padded, before, b.length);
    boolean inBuffer = TypeCheck.surelyValid(TypeCheck.kindOf(spec), spec.scale(), sep, padded, before,
        before + b.length);
    assertEquals(alone, inBuffer, spec.typeText() + " '" + text + "' followed by other bytes");
    return alone;
  }

  private boolean valid(ColumnSpec spec, String text) {
    return full.write(spec, null, 0, text) == null;
  }

  /** Asserts the quick check's answer, and that a yes is never a value the full parser refuses. */
  private void check(ColumnSpec spec, String text, boolean quickSaysValid) {
    assertEquals(quickSaysValid, quick(spec, text), spec.typeText() + " '" + text + "'");
    if (quickSaysValid) {
      assertTrue(valid(spec, text), spec.typeText() + " '" + text + "' passed the quick check only");
    }
  }

  @Test
  void integersSignsLeadingZerosAndOverflow() {
    for (String s : new String[] {"0", "-0", "+7", "007", "-42", "999999999", "-999999999"}) {
      check(INT, s, true);
    }
    // 10 digits may not fit an INTEGER: the full parser decides, and refuses the overflow
    check(INT, "2147483647", false);
    assertTrue(valid(INT, "2147483647"));
    check(INT, "2147483648", false);
    assertFalse(valid(INT, "2147483648"));
    for (String s : new String[] {"-", "+", "1.0", "1e3", "12a", "--1", "1 2", " 12", "12 ", "0x1F"}) {
      check(INT, s, false);
    }
    assertTrue(valid(INT, " 12 "), "blanks are trimmed by the full parser, which the quick check leaves to it");

    check(BIG, "123456789012345678", true);
    check(BIG, "-123456789012345678", true);
    check(BIG, "9223372036854775807", false);
    assertTrue(valid(BIG, "9223372036854775807"));
    check(BIG, "9223372036854775808", false);
    assertFalse(valid(BIG, "9223372036854775808"));
  }

  @Test
  void decimalsAndDoubles() {
    for (String s : new String[] {"452.88", "0.17", "-1.5", "+3", "5.", ".5", "0000.10", "1234567890123456.78"}) {
      check(DEC2, s, true);
    }
    check(DEC2, "1.234", false);
    assertFalse(valid(DEC2, "1.234"), "more digits after the point than the scale");
    check(DEC2, "12345678901234567.8", false);
    assertFalse(valid(DEC2, "12345678901234567.8"), "19 digits at scale 2 do not fit a long");
    for (String s : new String[] {".", "-", "1.2.3", "1e5", "1,5", "", " 1.5"}) {
      check(DEC2, s, false);
    }
    check(DEC0, "12", true);
    check(DEC0, "12.5", false);

    for (String s : new String[] {"1", "-2.5", "3.", ".25", "12345678901234567890.5"}) {
      check(DBL, s, true);
    }
    for (String s : new String[] {"1e3", "-2.5E-7", "NaN", "Infinity", " 1"}) {
      check(DBL, s, false);
      assertTrue(valid(DBL, s), "the full parser reads '" + s + "'");
    }
    check(DBL, "1.2.3", false);
  }

  @Test
  void datesLeapDaysAndMonthLengths() {
    for (String s : new String[] {"2024-02-29", "2000-02-29", "2023-12-31", "0001-01-01", "2024-04-30"}) {
      check(DATE, s, true);
    }
    for (String s : new String[] {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01",
        "2024-00-10", "2024-01-00", "2024/01/05", "2024-1-5", "24-01-05", "2024-01-05 ", "2024-01-0x"}) {
      check(DATE, s, false);
    }
    assertTrue(valid(DATE, "2024-1-5"), "one-digit month and day: the full parser's business");
    assertTrue(valid(DATE, "2024-01-05 "), "a trailing blank: the full parser trims it");
    assertFalse(valid(DATE, "2024-02-30"));
    check(DATE_SLASH, "2024/02/29", true);
    check(DATE_SLASH, "2024-02-29", false);
    check(DATE_DMY, "29/02/2024", false); // no quick check for day-first dates
    assertTrue(valid(DATE_DMY, "29/02/2024"));
  }

  @Test
  void timestamps() {
    for (String s : new String[] {"2024-02-29 23:59:59", "2024-02-29T00:00:00", "2024-02-29", "2024-06-30 12:00:60"}) {
      check(TS, s, true);
    }
    for (String s : new String[] {"2024-02-29 24:00:00", "2024-02-29 12:60:00", "2024-02-30 10:00:00",
        "2024-02-29X10:00:00", "2024-02-29 10:00", "2024-02-29 10:00:00.5", "2024-02-29T10:00:00Z"}) {
      check(TS, s, false);
    }
    assertTrue(valid(TS, "2024-02-29T10:00:00.5"), "fractions of a second: the full parser's business");
    assertTrue(valid(TS, "2024-02-29T10:00:00Z"), "offsets: the full parser's business");
  }

  @Test
  void neverAcceptsWhatTheFullParsersRefuseOnRandomText() {
    Random rnd = new Random(7);
    String alphabet = "0123456789-+.: T/eZ";
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = rnd.nextInt(21);
      for (int k = 0; k < len; k++) {
        // mostly digits, so that many strings come close to a valid value
        s.append(rnd.nextInt(3) > 0 ? (char) ('0' + rnd.nextInt(10)) : alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String text = s.toString();
      for (ColumnSpec spec : ALL) {
        if (quick(spec, text)) {
          accepted++;
          assertTrue(valid(spec, text), spec.typeText() + " '" + text + "' passed the quick check only");
        }
      }
    }
    assertTrue(accepted > 10_000, "the random text reaches the accepting paths (" + accepted + ")");
  }

  @Test
  void acceptsTheValuesItIsMeantForOnRandomValues() {
    Random rnd = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String day = String.format("%04d-%02d-%02d", rnd.nextInt(10000), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      check(DATE, day, true);
      check(TS, day + (rnd.nextBoolean() ? 'T' : ' ') + String.format("%02d:%02d:%02d", rnd.nextInt(24),
          rnd.nextInt(60), rnd.nextInt(60)), true);
      check(INT, Integer.toString(rnd.nextInt(1_000_000_000) * (rnd.nextBoolean() ? 1 : -1)), true);
      check(BIG, Long.toString(rnd.nextLong() % 1_000_000_000_000_000_000L), true);
      check(DEC2, (rnd.nextInt(2_000_000) - 1_000_000) / 100 + "." + String.format("%02d", rnd.nextInt(100)), true);
    }
    assertNull(full.write(DATE, null, 0, "2024-02-29"));
  }
}
