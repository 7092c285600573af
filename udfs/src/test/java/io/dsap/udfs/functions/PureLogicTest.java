package io.dsap.udfs.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.detect.SemanticType;
import io.dsap.engine.error.DsapException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The functions' logic without SQL: number rules, masking, quantile interpolation and merging. */
class PureLogicTest {
  @Test
  void parseNumberRules() {
    assertEquals(new BigDecimal("1234.50"), NumberText.parse("1,234.50"));
    assertEquals(new BigDecimal("1234.50"), NumberText.parse("1.234,50 €"));
    assertEquals(new BigDecimal("1234.50"), NumberText.parse("€1.234,50"));
    assertEquals(new BigDecimal("1234.50"), NumberText.parse("1'234.50"));
    assertEquals(new BigDecimal("1234567"), NumberText.parse("1.234.567"));
    assertEquals(new BigDecimal("1234567"), NumberText.parse("1,234,567"));
    assertEquals(new BigDecimal("1234.5"), NumberText.parse("1 234,5"));
    assertEquals(new BigDecimal("0.12"), NumberText.parse("12%"));
    assertEquals(new BigDecimal("-0.125"), NumberText.parse("-12.5 %"));
    assertEquals(new BigDecimal("-12"), NumberText.parse("$-12"));
    assertEquals(new BigDecimal("-12"), NumberText.parse("-$12"));
    assertEquals(new BigDecimal("-7.00"), NumberText.parse("(7.00)"));
    assertEquals(new BigDecimal("12"), NumberText.parse("12 USD"));
    assertEquals(new BigDecimal("0.5"), NumberText.parse(".5"));
    assertEquals(new BigDecimal("1.5E+3"), NumberText.parse("1.5e3"));
    assertEquals(new BigDecimal("1.2345"), NumberText.parse("1,2345"), "a comma not followed by three digits is decimal");
    assertEquals(new BigDecimal("0.500"), NumberText.parse("0,500"), "no group starts with 0");
    for (String bad : List.of("", " ", "-", "$", "abc", "ABC", "1,23,456", "1.234,5.6", "1,2,3.4.5", "12..5", "1e", "5.",
        "NaN", "Infinity", "1 2", "12 EURO")) {
      assertNull(NumberText.parse(bad), bad);
    }
    assertNull(NumberText.parse(null));
  }

  @Test
  void masking() {
    assertEquals("************1111", Masking.mask("4111111111111111"));
    assertEquals("+* ***-***-4567", Masking.mask("+1 555-123-4567"));
    assertEquals("*******", Masking.mask("secret7"), "seven characters: too short to keep any");
    assertEquals("****-eÜnï", Masking.mask("abcd-eÜnï"), "letters beyond ASCII count and are kept alike");
    assertEquals("😀 ***", Masking.mask("😀 abc"), "supplementary characters stay whole");
    assertEquals("a***@example.co.uk", Masking.maskEmail(" anna@example.co.uk "));
    assertEquals("a***@example.com", Masking.maskEmail("a@example.com"));
    assertEquals("****@", Masking.maskEmail("jane@"));
    assertEquals(64, Masking.sha256("dsap").length());
  }

  @Test
  void textCleaning() {
    assertEquals("a b c", TextFunctions.cleanText("a\u2003b\r\n\u0007c"));
    assertEquals("x", TextFunctions.cleanText("\ufeffx\u200d"));
    assertEquals("naive cafe", TextFunctions.normalizeCategory("Naïve--Café"));
    assertEquals(1, TextFunctions.levenshtein("flaw", "flow"));
  }

  @Test
  void everySemanticTypeIsAFormatName() {
    for (SemanticType t : SemanticType.values()) {
      assertTrue(PatternChecks.FORMATS.containsKey(t.label()), t.label());
    }
    assertTrue(PatternChecks.matchesFormat("::1", "ip"));
    assertFalse(PatternChecks.matchesFormat("::1", "ipv4"));
    DsapException e = assertThrows(DsapException.class, () -> PatternChecks.matchesFormat("x", "zip"));
    assertTrue(e.getMessage().startsWith("DSAP-1006") || e.getMessage().contains("argument format is 'zip'"),
        e.getMessage());
  }

  @Test
  void interpolationIsType7() {
    double[] v = {1, 2, 3, 4, 10};
    assertEquals(3.0, QuantileAccumulator.interpolate(v, 5, 0.5));
    assertEquals(2.0, QuantileAccumulator.interpolate(v, 5, 0.25));
    assertEquals(7.6, QuantileAccumulator.interpolate(v, 5, 0.9), 1e-12);
    assertEquals(10.0, QuantileAccumulator.interpolate(v, 5, 1.0));
    assertEquals(1.0, QuantileAccumulator.interpolate(v, 5, 0.0));
    assertEquals(7.0, QuantileAccumulator.interpolate(new double[] {7}, 1, 0.3));
  }

  @Test
  void accumulatorSwitchesToTheSketchAndMerges() {
    QuantileAccumulator a = new QuantileAccumulator();
    QuantileAccumulator b = new QuantileAccumulator();
    Random r = new Random(42);
    int n = QuantileAccumulator.EXACT_MAX + 20_000;
    for (int i = 0; i < n; i++) {
      (r.nextBoolean() ? a : b).add(i);
    }
    assertTrue(a.exact() && b.exact(), "each half is under the bound");
    a.merge(b);
    assertFalse(a.exact());
    assertEquals(n, a.count());
    assertEquals(n / 2.0, a.quantile(0.5), n * 0.02);
    assertEquals(n / 4.0, a.medianAbsoluteDeviation(), n * 0.03);

    QuantileAccumulator small = new QuantileAccumulator();
    QuantileAccumulator other = new QuantileAccumulator();
    small.add(1);
    other.add(3);
    small.merge(other);
    assertEquals(2.0, small.quantile(0.5));
    assertNull(new QuantileAccumulator().quantile(0.5));
  }

  @Test
  void tryDecimalRejectsBadPrecisionAndScale() {
    assertEquals(new BigDecimal("100"), SafeCasts.tryDecimal("99.5", 3, 0));
    assertNull(SafeCasts.tryDecimal("999.5", 3, 0), "rounds up past the precision");
    assertThrows(DsapException.class, () -> SafeCasts.tryDecimal("1", 39, 0));
    assertThrows(DsapException.class, () -> SafeCasts.tryDecimal("1", 5, -1));
    assertThrows(DsapException.class, () -> SafeCasts.tryDecimal(null, 2, 3), "bad arguments fail even for NULL s");
  }
}
