package io.dsap.engine.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.quality.QualityScore;
import io.dsap.engine.quality.QualityWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection on generated files whose truth is known: semantic types with planted noise, dates, codes. */
class SchemaDetectorTest {
  @TempDir
  Path dir;

  /** Writes a CSV with every field quoted; {@code columns[c].apply(row)} gives a value ("" = empty). */
  Path csv(String name, List<String> header, int rows, List<IntFunction<String>> columns) throws IOException {
    StringBuilder s = new StringBuilder(String.join(",", header)).append('\n');
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns.size(); c++) {
        s.append(c > 0 ? "," : "").append('"').append(columns.get(c).apply(r).replace("\"", "\"\"")).append('"');
      }
      s.append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, s);
    return f;
  }

  static ColumnSchema col(DataSchema s, String name) {
    return s.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void semanticTypesAreFoundWithTheirExactMatchRates() throws IOException {
    // 200 values per column; every 10th is noise, so 180 of 200 match: 0.9
    Map<String, String[]> good = new java.util.LinkedHashMap<>();
    good.put("email", new String[] {"ann.lee@example.com", "b_o+x@mail.example.org"});
    good.put("url", new String[] {"https://example.com/a?b=1", "http://dsap.io"});
    good.put("uuid", new String[] {"123e4567-e89b-12d3-a456-426614174000", "6F9619FF-8B86-D011-B42D-00C04FC964FF"});
    good.put("phone", new String[] {"+1 415-555-0100", "(030) 1234 5678"});
    good.put("ipv4", new String[] {"192.168.0.1", "10.0.255.7"});
    good.put("ipv6", new String[] {"2001:db8::8a2e:370:7334", "fe80:0:0:0:202:b3ff:fe1e:8329"});
    good.put("postal_code", new String[] {"02134", "SW1A 1AA"});
    good.put("currency", new String[] {"$1,234.50", "1.234,50 €"});
    good.put("percentage", new String[] {"12.5%", "99 %"});
    good.put("boolean_like", new String[] {"yes", "N"});
    good.put("country_code", new String[] {"DE", "USA"});
    good.put("json", new String[] {"{\"a\": [1, 2]}", "[true, null]"});
    good.put("date_text", new String[] {"Jan 1 2000", "14 March 2021"});
    List<IntFunction<String>> cols = new ArrayList<>();
    for (String[] g : good.values()) {
      cols.add(r -> r % 10 == 9 ? "not a value!" : g[r % 2]);
    }
    List<String> names = good.keySet().stream().map(n -> n.equals("postal_code") ? "zip" : n + "_col").toList();
    DataSchema s = SchemaDetector.detectSchema(csv("semantic.csv", names, 200, cols));
    int i = 0;
    for (String type : good.keySet()) {
      ColumnSchema c = s.columns().get(i++);
      assertEquals(type, c.semanticType(), c.name() + " candidates " + c.candidates());
      assertEquals(0.9, c.semanticMatch(), 1e-12, c.name());
      assertEquals(180, c.valid(), c.name());
      Counterexample first = c.counterexamples().stream().filter(x -> x.candidate().equals(type)).findFirst()
          .orElseThrow();
      assertEquals("not a value!", first.value());
      assertEquals(11, first.line(), "row 9 is line 11 (header is line 1)");
    }
  }

  @Test
  void dayMonthOrderIsAmbiguousOnlyWhileNoDayIsAbove12() throws IOException {
    Path f = csv("dates.csv", List.of("low", "high", "us"), 100, List.of(
        r -> String.format("%02d/%02d/2024", 1 + r % 12, 1 + r % 12),
        r -> String.format("%02d/%02d/2024", 1 + r % 28, 1 + r % 12),
        r -> String.format("%02d/%02d/2024", 1 + r % 12, 1 + r % 28)));
    DataSchema s = SchemaDetector.detectSchema(f);
    assertTrue(col(s, "low").flags().contains("ambiguous_date"));
    assertEquals("dd/MM/yyyy", col(s, "low").format());
    assertFalse(col(s, "high").flags().contains("ambiguous_date"));
    assertEquals("dd/MM/yyyy", col(s, "high").format());
    assertEquals("MM/dd/yyyy", col(s, "us").format());
    assertFalse(col(s, "us").flags().contains("ambiguous_date"));
  }

  @Test
  void leadingZerosKeepCodesAsTextAndShowWhatRuledOutIntegers() throws IOException {
    DataSchema s = SchemaDetector.detectSchema(csv("codes.csv", List.of("code"), 50,
        List.of(r -> String.format("%05d", r * 1000))));
    ColumnSchema c = col(s, "code");
    assertEquals("VARCHAR", c.sqlType());
    assertTrue(c.flags().contains("leading_zeros"));
    assertEquals(new Counterexample("BIGINT", "00000", 2), c.counterexamples().get(0));
    assertFalse(c.flags().contains("numeric_stored_as_text"), "codes with zeros are meant as text");
  }

  @Test
  void headerLikeFirstRowAndNumbersStoredAsText() throws IOException {
    Path f = csv("units.csv", List.of("id", "amount"), 200, List.of(
        r -> r == 0 ? "ID" : String.valueOf(r),
        r -> r == 0 ? "EUR" : r % 20 == 0 ? "n/a" : String.valueOf(r * 2.5)));
    DataSchema s = SchemaDetector.detectSchema(f);
    ColumnSchema id = col(s, "id");
    assertEquals("INTEGER", id.sqlType(), "1 misfit of 200 is within the 2% tolerance");
    assertTrue(id.flags().contains("header_like_first_row"), id.flags().toString());
    ColumnSchema amount = col(s, "amount");
    assertEquals("VARCHAR", amount.sqlType(), "11 of 200 are not numbers: beyond tolerance");
    assertTrue(amount.flags().contains("numeric_stored_as_text"), amount.flags().toString());
  }

  @Test
  void theFullPassWidensWhatTheSampleProposedAndSaysWhy() throws IOException {
    // > 1 MB, so the reader samples; 3% of late rows are not numbers
    Path f = csv("big.csv", List.of("id", "v"), 100_000, List.of(
        String::valueOf, r -> r >= 1000 && r % 33 == 0 ? "abc" : String.valueOf(r % 1000)));
    DataSchema s = SchemaDetector.detectSchema(FormatRegistry.defaults().detect(f), f, "big.csv",
        FormatOptions.of(Map.of("sample_size", 10)), SchemaDetector.ALL_ROWS, QualityWeights.EQUAL);
    ColumnSchema v = col(s, "v");
    assertEquals("VARCHAR", v.sqlType());
    assertTrue(v.flags().contains("type_changed_by_full_pass"), v.flags() + " " + v.detection());
    assertTrue(v.detection().startsWith("the sample proposed "), v.detection());
    assertEquals(new Counterexample("BIGINT", "abc", 1025), v.counterexamples().get(0)); // row 1023 = 31 * 33
    assertEquals(100_000, s.rows());
    assertFalse(s.sampled());
    assertNull(col(s, "id").unique(), "100,000 distinct values: past the exact limit, unknown rather than guessed");
  }

  @Test
  void sampleSizeReadsFewerRowsAndSaysSo() throws IOException {
    Path f = csv("s.csv", List.of("a"), 500, List.of(String::valueOf));
    DataSchema s = SchemaDetector.detectSchema(FormatRegistry.defaults().detect(f), f, "s.csv", FormatOptions.NONE,
        100, QualityWeights.EQUAL);
    assertEquals(100, s.rows());
    assertTrue(s.sampled());
    assertTrue(col(s, "a").flags().contains("sampled"));
  }

  @Test
  void analyzeColumnAndItsQualityScoreMatchAHandComputation() {
    List<String> values = Arrays.asList("a@x.com", "b@x.com", "c@x.com", "d@x.com", "e@x.com", "f@x.com",
        "g@x.com", " h@x.com", "broken", null);
    ColumnSchema c = SchemaDetector.analyzeColumn("mail", values);
    assertEquals("email", c.semanticType());
    assertEquals(8 / 9.0, c.semanticMatch(), 1e-12);
    QualityScore q = SchemaDetector.calculateQualityScore(c);
    assertEquals(0.9, q.completeness(), 1e-12); // 9 of 10 present
    assertEquals(8 / 9.0, q.validity(), 1e-12); // 8 of 9 are emails
    assertEquals(8 / 9.0, q.consistency(), 1e-12); // one padded with a space
    assertNull(q.uniqueness());
    assertEquals((0.9 + 8 / 9.0 + 8 / 9.0) / 3, q.overall(), 1e-12);
    QualityScore weighted = QualityScore.of(0.9, 8 / 9.0, 8 / 9.0, null, QualityWeights.parse("completeness=2"));
    assertEquals((2 * 0.9 + 16 / 9.0) / 4, weighted.overall(), 1e-12);
  }

  @Test
  void theJavaApiReturnsImmutableValuesAndATableScore(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "id,mail\n1,a@x.com\n2,\n3,b@x.com\n4,broken\n");
    DataSchema s = SchemaDetector.detectSchema(f);
    assertThrows(UnsupportedOperationException.class, () -> s.columns().clear());
    ColumnSchema mail = s.columns().get(1);
    assertThrows(UnsupportedOperationException.class, () -> mail.flags().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> mail.candidates().clear());
    // id: 1, 1, 1; mail: 3 of 4 present, 2 of 3 emails (below the 80% semantic threshold: VARCHAR only, all valid)
    QualityScore id = SchemaDetector.calculateQualityScore(s.columns().get(0));
    QualityScore m = SchemaDetector.calculateQualityScore(mail);
    assertEquals(1.0, id.overall(), 1e-12);
    assertEquals(0.75, m.completeness(), 1e-12);
    QualityScore table = SchemaDetector.calculateQualityScore(s, QualityWeights.EQUAL);
    assertEquals((1 + 0.75) / 2, table.completeness(), 1e-12);
    assertEquals((id.validity() + m.validity()) / 2, table.validity(), 1e-12);
    assertEquals((table.completeness() + table.validity() + table.consistency()) / 3, table.overall(), 1e-12);
  }
}
