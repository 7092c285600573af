package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.udfs.functions.FunctionCatalog;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every scalar and aggregate UDF with normal, NULL and bad input, through a real jdbc:dsap: connection. */
class UdfLibraryTest {
  @TempDir Path dir;
  Connection c;

  @BeforeEach
  void open() throws Exception {
    // group a: x = 1, 2, 3, 4, 10 (hand-computed answers below); group b: x and s all missing
    Files.writeString(dir.resolve("m.csv"), "g,x,s\na,1,red\na,2,red\na,3,blue\na,4,\na,10,green\nb,,\nb,,\n");
    c = DriverManager.getConnection("jdbc:dsap:" + dir);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  /** One value of a one-row query, with {@code ?} bound to {@code args}. */
  private Object value(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next(), sql);
        Object v = rs.getObject(1);
        assertTrue(!rs.next(), "one row from " + sql);
        return v;
      }
    }
  }

  private String str(String sql, Object... args) throws SQLException {
    Object v = value(sql, args);
    return v == null ? null : v.toString();
  }

  /** The messages of the failure of {@code sql} and its causes (errors raised while rows are read are not wrapped). */
  private String error(String sql) {
    Exception e = assertThrows(Exception.class, () -> Sql.rows(c, sql), sql);
    StringBuilder m = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      m.append(t.getMessage()).append('\n');
    }
    return m.toString();
  }

  @Test
  void patternChecks() throws Exception {
    assertEquals(true, value("SELECT is_email('jane.doe@example.com')"));
    assertEquals(true, value("SELECT is_email(?)", "  jane@example.com "));
    assertEquals(false, value("SELECT is_email('jane@')"));
    assertEquals(false, value("SELECT is_email('')"));
    assertNull(value("SELECT is_email(CAST(NULL AS VARCHAR))"));
    assertEquals(true, value("SELECT is_url('https://dsap.io/docs?x=1')"));
    assertEquals(false, value("SELECT is_url('dsap.io')"));
    assertNull(value("SELECT is_url(CAST(NULL AS VARCHAR))"));
    assertEquals(true, value("SELECT is_uuid('123e4567-e89b-12d3-a456-426614174000')"));
    assertEquals(false, value("SELECT is_uuid('123e4567-e89b-12d3-a456')"));
    assertNull(value("SELECT is_uuid(CAST(NULL AS VARCHAR))"));
    assertEquals(true, value("SELECT is_phone('+1 555-123-4567')"));
    assertEquals(false, value("SELECT is_phone('12345')"));
    assertEquals(false, value("SELECT is_phone('2024-01-05')"));
    assertNull(value("SELECT is_phone(CAST(NULL AS VARCHAR))"));
    assertEquals(true, value("SELECT is_ip('192.168.0.1')"));
    assertEquals(true, value("SELECT is_ip('2001:db8::1')"));
    assertEquals(false, value("SELECT is_ip('256.1.1.1')"));
    assertNull(value("SELECT is_ip(CAST(NULL AS VARCHAR))"));
    assertEquals(true, value("SELECT matches_format('DE', 'country_code')"));
    assertEquals(true, value("SELECT matches_format('10.0.0.1', 'IPv4')"));
    assertEquals(false, value("SELECT matches_format('ZZ', 'country_code')"));
    assertNull(value("SELECT matches_format(CAST(NULL AS VARCHAR), 'email')"));
    String bad = error("SELECT matches_format(s, 'postcode') FROM m");
    assertTrue(bad.contains("matches_format(s, format): argument format is 'postcode'"), bad);
    assertTrue(bad.contains("expected one of ip, email, url"), bad);
  }

  /** detect_schema's semantic_match is the share of values for which is_email is true: one check, two surfaces. */
  @Test
  void isEmailAgreesWithDetection() throws Exception {
    StringBuilder csv = new StringBuilder("id,contact\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(i % 10 == 0 ? "call me " + i : "user" + i + "@example.org").append('\n');
    }
    Files.writeString(dir.resolve("contacts.csv"), csv);
    double detected = (Double) value("SELECT semantic_match FROM detect_schema('contacts.csv') WHERE column_name = 'contact'");
    double share = ((Number) value("SELECT sum(CASE WHEN is_email(contact) THEN 1 ELSE 0 END) FROM contacts")).doubleValue()
        / 40;
    assertEquals(0.9, share, 1e-9);
    assertEquals(detected, share, 1e-9);
    assertEquals("email", value("SELECT semantic_type FROM detect_schema('contacts.csv') WHERE column_name = 'contact'"));
  }

  @Test
  void safeCasts() throws Exception {
    assertEquals(42, value("SELECT try_int(' 42 ')"));
    assertNull(value("SELECT try_int('4.2')"));
    assertNull(value("SELECT try_int('99999999999')"));
    assertNull(value("SELECT try_int(CAST(NULL AS VARCHAR))"));
    assertEquals(9007199254740993L, value("SELECT try_bigint('9007199254740993')"));
    assertNull(value("SELECT try_bigint('12 apples')"));
    assertNull(value("SELECT try_bigint(CAST(NULL AS VARCHAR))"));
    assertEquals(1500.0, value("SELECT try_double('1.5e3')"));
    assertNull(value("SELECT try_double('1,5')"));
    assertNull(value("SELECT try_double(CAST(NULL AS VARCHAR))"));

    assertEquals(new BigDecimal("12.35"), value("SELECT try_decimal('12.345', 5, 2)"));
    assertEquals(new BigDecimal("-0.50"), value("SELECT try_decimal(' -0.499 ', 3, 2)"));
    assertNull(value("SELECT try_decimal('1234.5', 5, 2)"), "four integer digits do not fit DECIMAL(5, 2)");
    assertNull(value("SELECT try_decimal('1,234', 6, 2)"));
    assertNull(value("SELECT try_decimal(CAST(NULL AS VARCHAR), 5, 2)"));
    String scale = error("SELECT try_decimal(s, 2, 3) FROM m");
    assertTrue(scale.contains("try_decimal(s, p, s): argument s is 3; the scale must be between 0 and the precision (2)"),
        scale);
    String precision = error("SELECT try_decimal(s, 0, 0) FROM m");
    assertTrue(precision.contains("argument p is 0; the precision must be between 1 and 38"), precision);

    assertEquals("2024-12-31", str("SELECT try_date('31/12/2024')"));
    assertEquals("2024-12-31", str("SELECT try_date('12/31/2024')"), "month-first when day-first cannot be");
    assertEquals("2024-02-01", str("SELECT try_date('01/02/2024')"), "day-first when both fit, as detection");
    assertEquals("2024-01-05", str("SELECT try_date('Jan 5, 2024')"));
    assertNull(value("SELECT try_date('2024-02-30')"));
    assertNull(value("SELECT try_date('Feb 30 2024')"));
    assertNull(value("SELECT try_date(CAST(NULL AS VARCHAR))"));
    assertEquals("2024-01-05", str("SELECT try_date('05.01.2024', 'dd.MM.yyyy')"));
    assertEquals("2024-01-13", str("SELECT try_date('2024|13|01', 'yyyy|dd|MM')"));
    assertNull(value("SELECT try_date('2024-01-05', 'dd.MM.yyyy')"));
    assertNull(value("SELECT try_date('2024-02-30', 'yyyy-MM-dd')"));
    String fmt = error("SELECT try_date(s, 'yyyy-bb') FROM m");
    assertTrue(fmt.contains("try_date(s, fmt): argument fmt is 'yyyy-bb'; expected a date pattern"), fmt);

    assertEquals("2024-12-31 23:59:00.0", str("SELECT try_timestamp('2024-12-31T23:59:00Z')"));
    assertEquals("2024-12-31 08:00:00.0", str("SELECT try_timestamp('2024-12-31 10:00+02:00')"));
    assertEquals("2024-12-31 00:00:00.0", str("SELECT try_timestamp('31/12/2024')"));
    assertNull(value("SELECT try_timestamp('2024-12-31 25:00')"));
    assertNull(value("SELECT try_timestamp(CAST(NULL AS VARCHAR))"));
    assertEquals("2024-12-31 23:59:00.0", str("SELECT try_timestamp('31.12.2024 23:59', 'dd.MM.yyyy HH:mm')"));
    assertEquals("2024-12-31 00:00:00.0", str("SELECT try_timestamp('31.12.2024', 'dd.MM.yyyy')"));
    assertNull(value("SELECT try_timestamp('31.12.2024 23:59', 'yyyy-MM-dd HH:mm')"));
    String tfmt = error("SELECT try_timestamp(s, 'HH:bb') FROM m");
    assertTrue(tfmt.contains("try_timestamp(s, fmt): argument fmt is 'HH:bb'"), tfmt);
  }

  @Test
  void parseNumber() throws Exception {
    assertEquals(1234.5, value("SELECT parse_number('1,234.50')"));
    assertEquals(12.0, value("SELECT parse_number('$12')"));
    assertEquals(0.12, value("SELECT parse_number('12%')"));
    assertEquals(1234.5, value("SELECT parse_number(?)", "1.234,50 €"));
    assertEquals(1234.5, value("SELECT parse_number(U&'1.234,50 \\20AC')"), "€ in a literal: Calcite literals are Latin-1");
    assertEquals(-12.5, value("SELECT parse_number('-12.5 %') * 100"));
    assertEquals(-7.0, value("SELECT parse_number('(7.00)')"));
    assertEquals(-5.0, value("SELECT parse_number('-$5')"));
    assertEquals(1234.0, value("SELECT parse_number('1,234')"));
    assertEquals(12.5, value("SELECT parse_number('12,5')"));
    assertEquals(1234567.0, value("SELECT parse_number(?)", "1\u00a0234\u00a0567"));
    assertEquals(99.9, value("SELECT parse_number('EUR 99.90')"));
    assertNull(value("SELECT parse_number('1,23,4')"));
    assertNull(value("SELECT parse_number('twelve')"));
    assertNull(value("SELECT parse_number('')"));
    assertNull(value("SELECT parse_number(CAST(NULL AS VARCHAR))"));
  }

  @Test
  void textAndMasking() throws Exception {
    assertEquals("Café au lait", value("SELECT clean_text(?)", "  Caf\u00e9\u00a0 au \t\n lait\u200b "));
    assertEquals("fine ABC", value("SELECT clean_text(?)", "\ufb01ne \uff21\uff22\uff23"));
    assertEquals("", value("SELECT clean_text('   ')"));
    assertNull(value("SELECT clean_text(CAST(NULL AS VARCHAR))"));
    assertEquals("in progress", value("SELECT normalize_category(' In_Progress ')"));
    assertEquals("deja vu", value("SELECT normalize_category(?)", "D\u00e9j\u00e0-Vu"));
    assertNull(value("SELECT normalize_category(CAST(NULL AS VARCHAR))"));
    assertEquals(1L, value("SELECT count(DISTINCT normalize_category(v)) FROM (VALUES ('Shipped'), ('SHIPPED '), ('shipped')) AS t(v)"));

    assertEquals("****-****-****-1111", value("SELECT mask('4111-1111-1111-1111')"));
    assertEquals("***", value("SELECT mask('Bob')"), "short values keep nothing");
    assertEquals("", value("SELECT mask('')"));
    assertNull(value("SELECT mask(CAST(NULL AS VARCHAR))"));
    assertEquals("j***@example.com", value("SELECT mask_email('jane.doe@example.com')"));
    assertEquals("*** ** *****", value("SELECT mask_email('not an email')"), "not an email: nothing kept");
    assertNull(value("SELECT mask_email(CAST(NULL AS VARCHAR))"));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", value("SELECT sha256('abc')"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", value("SELECT sha256('')"));
    assertNull(value("SELECT sha256(CAST(NULL AS VARCHAR))"));
    assertEquals(3, value("SELECT levenshtein('kitten', 'sitting')"));
    assertEquals(3, value("SELECT levenshtein('', 'abc')"));
    assertNull(value("SELECT levenshtein('a', CAST(NULL AS VARCHAR))"));
  }

  @Test
  void quantileAggregatesKnownAnswers() throws Exception {
    // x in group a: 1, 2, 3, 4, 10
    List<List<String>> rows = Sql.rows(c, "SELECT g, median(x), quantile(x, 0.25), quantile(x, 0.9), iqr(x), mad(x)"
        + " FROM m GROUP BY g ORDER BY g");
    assertEquals(7.6, Double.parseDouble(rows.get(0).get(3)), 1e-12, "h = 4 * 0.9 = 3.6: 4 + 0.6 * (10 - 4)");
    rows.get(0).set(3, "7.6");
    assertEquals(List.of(List.of("a", "3.0", "2.0", "7.6", "2.0", "1.0"), List.of("b", "null", "null", "null", "null",
        "null")), rows);
    assertEquals(2.5, value("SELECT median(x) FROM m WHERE x < 10"), "even count: mean of the two middle values");
    assertEquals(1.0, value("SELECT quantile(x, 0) FROM m"));
    assertEquals(10.0, value("SELECT quantile(x, 1) FROM m"));
    assertNull(value("SELECT median(x) FROM m WHERE x > 100"), "no rows");
    assertEquals(2.5, value("SELECT median(v) FROM (VALUES (1.5), (3.5)) AS t(v)"), "DECIMAL input");

    String q = error("SELECT quantile(x, 1.5) FROM m");
    assertTrue(q.contains("quantile(x, q): argument q is 1.5; expected a fraction between 0 and 1"), q);
    String neg = error("SELECT quantile(x, -0.1) FROM m");
    assertTrue(neg.contains("argument q is -0.1"), neg);
    String none = error("SELECT quantile(x, CAST(NULL AS DOUBLE)) FROM m");
    assertTrue(none.contains("argument q is null"), none);
    String varying = error("SELECT quantile(x, x / 100.0) FROM m");
    assertTrue(varying.contains("expected the same q for every row of a group"), varying);
  }

  /** Exact up to 100,000 values per group; past that a KLL sketch within its rank error (~1.3%). */
  @Test
  void quantilesPastTheExactBound() throws Exception {
    StringBuilder csv = new StringBuilder("v\n");
    for (int i = 1; i <= 150_000; i++) {
      csv.append(i).append('\n');
    }
    Files.writeString(dir.resolve("big.csv"), csv);
    assertEquals(50_000.5, value("SELECT median(v) FROM big WHERE v <= 100000"), "exact at the bound");
    double approx = (Double) value("SELECT median(v) FROM big");
    assertTrue(Math.abs(approx - 75_000.5) <= 0.02 * 150_000, "sketch median " + approx);
    double q90 = (Double) value("SELECT quantile(v, 0.9) FROM big");
    assertTrue(Math.abs(q90 - 135_000) <= 0.02 * 150_000, "sketch 0.9-quantile " + q90);
    double mad = (Double) value("SELECT mad(v) FROM big");
    assertTrue(Math.abs(mad - 37_500) <= 0.03 * 150_000, "sketch mad " + mad);
  }

  @Test
  void momentAndValueAggregatesKnownAnswers() throws Exception {
    // x = 1, 2, 3, 4, 10: deviations -3 -2 -1 0 6, m2 = 50, m3 = 180, m4 = 1394
    List<List<String>> rows = Sql.rows(c, "SELECT g, skewness(x), kurtosis(x), entropy(s), completeness(s),"
        + " completeness(x), approx_distinct(s) FROM m GROUP BY g ORDER BY g");
    List<String> a = rows.get(0);
    assertEquals(Math.sqrt(5) * 180 / Math.pow(50, 1.5), Double.parseDouble(a.get(1)), 1e-12);
    assertEquals(5 * 1394 / 2500.0 - 3, Double.parseDouble(a.get(2)), 1e-12);
    assertEquals(1.5, Double.parseDouble(a.get(3)), 1e-12, "red 2, blue 1, green 1: 1.5 bits");
    assertEquals(List.of("0.8", "1.0", "3"), a.subList(4, 7));
    assertEquals(List.of("b", "null", "null", "null", "0.0", "0.0", "0"), rows.get(1), "all missing");
    assertEquals(0.0, value("SELECT entropy(v) FROM (VALUES ('x'), ('x')) AS t(v)"));
    assertEquals(0.5, value("SELECT completeness(v) FROM (VALUES ('x'), (''), ('  '), ('y')) AS t(v)"),
        "empty text is missing, as quality_report counts it");
    assertNull(value("SELECT completeness(x) FROM m WHERE x > 100"), "no rows: no share");
    assertEquals(2L, value("SELECT approx_distinct(v) FROM (VALUES (1), (1.0), (2)) AS t(v)"), "1 and 1.0 are one value");
    assertEquals(2L, value("SELECT approx_distinct(v) FROM (VALUES (''), ('a'), (''), (NULL)) AS t(v)"));
    assertNull(value("SELECT skewness(v) FROM (VALUES (3), (3)) AS t(v)"), "constant: no skewness");
  }

  /** approx_distinct against the exact count on 20,000 distinct values: within the sketch's 3 standard errors. */
  @Test
  void approxDistinctIsClose() throws Exception {
    StringBuilder csv = new StringBuilder("k\n");
    for (int i = 0; i < 40_000; i++) {
      csv.append("key-").append(i % 20_000).append('\n');
    }
    Files.writeString(dir.resolve("keys.csv"), csv);
    long est = (Long) value("SELECT approx_distinct(k) FROM keys");
    assertTrue(Math.abs(est - 20_000) <= 20_000 * 3 * 0.0163, "estimate " + est);
  }

  /** MODE is Calcite's built-in (resolved before schema functions): its answer is what dsap documents. */
  @Test
  void modeIsTheMostFrequentValue() throws Exception {
    assertEquals("red", value("SELECT mode(s) FROM m"));
    assertEquals(2, value("SELECT mode(v) FROM (VALUES (1), (2), (2), (3)) AS t(v)"));
    assertEquals(2, value("SELECT mode(v) FROM (VALUES (1), (2), (2), (1)) AS t(v)"), "tie: first to reach the top count");
    assertNull(value("SELECT mode(x) FROM m WHERE g = 'b'"));
  }

  @Test
  void functionsTableListsEveryFunction() throws Exception {
    Set<String> registered = new HashSet<>();
    try (ResultSet rs = c.getMetaData().getFunctions(null, "files", "%")) {
      while (rs.next()) {
        registered.add(rs.getString("FUNCTION_NAME"));
      }
    }
    List<List<String>> rows = Sql.rows(c, "SELECT name, kind, signature, description, example FROM dsap.functions");
    Set<String> listed = new HashSet<>();
    for (List<String> r : rows) {
      assertTrue(listed.add(r.get(0)), "listed once: " + r.get(0));
      assertTrue(Set.of("scalar", "aggregate", "table").contains(r.get(1)), r.toString());
      assertTrue(r.get(2).startsWith(r.get(0) + "("), r.toString());
      assertTrue(r.get(3).length() > 10 && r.get(4).startsWith("SELECT "), r.toString());
    }
    assertEquals(registered.stream().sorted().toList(),
        listed.stream().filter(n -> !n.equals("mode")).sorted().toList(), "dsap.functions lists what is registered");
    assertEquals("aggregate", Sql.scalar(c, "SELECT kind FROM dsap.functions WHERE name = 'median'"));
    assertEquals("table", Sql.scalar(c, "SELECT kind FROM dsap.functions WHERE name = 'validate'"));
    assertEquals("try_date(s [, fmt])", Sql.scalar(c, "SELECT signature FROM dsap.functions WHERE name = 'try_date'"));
  }

  /** The examples dsap.functions shows all run, on a copy of examples/ (register_schema writes a registry). */
  @Test
  void everyCatalogueExampleRuns() throws Exception {
    Path copy = dir.resolve("examples");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(Path.of("../examples"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    List<String> failed = new ArrayList<>();
    try (Connection e = DriverManager.getConnection("jdbc:dsap:" + copy)) {
      for (List<String> r : Sql.rows(e, "SELECT name, example FROM dsap.functions")) {
        if (r.get(0).equals("read_arrow")) {
          continue; // examples/ has no Arrow file; ParquetArrowFilesTest covers read_arrow
        }
        try {
          Sql.rows(e, r.get(1));
        } catch (SQLException | RuntimeException ex) {
          failed.add(r.get(1) + ": " + ex.getMessage());
        }
      }
    }
    assertEquals(List.of(), failed);
  }

  /** DBeaver's autocomplete reads these four lists; over Avatica they are all that crosses the wire. */
  @Test
  void driverFunctionListsNameDsapFunctions() throws Exception {
    DatabaseMetaData md = c.getMetaData();
    List<String> strings = List.of(md.getStringFunctions().split(","));
    List<String> numeric = List.of(md.getNumericFunctions().split(","));
    List<String> time = List.of(md.getTimeDateFunctions().split(","));
    List<String> system = List.of(md.getSystemFunctions().split(","));
    assertTrue(strings.containsAll(List.of("is_email", "clean_text", "mask", "sha256", "levenshtein")), strings.toString());
    assertTrue(numeric.containsAll(List.of("median", "quantile", "approx_distinct", "try_decimal", "parse_number")),
        numeric.toString());
    assertTrue(time.containsAll(List.of("try_date", "try_timestamp")), time.toString());
    assertTrue(system.containsAll(List.of("validate", "profile", "detect_schema", "read_csv", "file_info")),
        system.toString());
    assertTrue(strings.contains("ASCII") && numeric.contains("ABS"), "Calcite's own names are kept");
    for (FunctionCatalog.Entry e : FunctionCatalog.entries(List.of())) {
      assertTrue(strings.contains(e.name()) || numeric.contains(e.name()) || time.contains(e.name())
          || system.contains(e.name()), e.name() + " is in one of the lists");
    }
  }
}
