package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code dsap validate} through {@link Main#run}: on examples/orders.csv and on small files of its own. */
class ValidateCommandTest {
  static final String EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize().toString();
  static final String SUMMARY = "orders.csv: 3 errors, 4 warnings in 240 rows";

  @TempDir
  static Path root;

  @BeforeAll
  static void writeFiles() throws IOException {
    Files.writeString(root.resolve("clean.csv"), "id,name\n1,a\n2,b\n3,c\n");
    StringBuilder warn = new StringBuilder("id,name\n");
    for (int i = 1; i <= 200; i++) {
      warn.append(i).append(',').append(i == 50 ? "" : "n" + i).append('\n');
    }
    Files.writeString(root.resolve("warn.csv"), warn.toString());
    Files.writeString(root.resolve("qty.schema.yaml"), "columns:\n  - {name: id, type: INTEGER}\n"
        + "  - {name: qty, type: INTEGER}\n");
    Files.createDirectories(root.resolve("data/sub"));
    Files.writeString(root.resolve("data/a.csv"), "id,qty\n1,5\n2,-1\n");
    Files.writeString(root.resolve("data/b.csv"), "id,qty\n1,5\n2,6\n");
    Files.writeString(root.resolve("data/sub/c.csv"), "id,qty\n1,0\n");
  }

  private static Cli.Result examples(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", EXAMPLES, "validate", "orders.csv"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private static Cli.Result here(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", root.toString(), "validate"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void ordersTableListsTheThreeParseErrorsAndFourWarningsAndFailsOnError() {
    Cli.Result r = examples();
    assertEquals(1, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals("line | column     | check    | severity | value      | message", lines.get(0));
    assertTrue(lines.get(2).startsWith("  43 | order_date | parse    | error    | 2024-02-30 | orders.csv:43: value"),
        r::toString);
    List<String> checks = lines.subList(2, lines.size() - 1).stream()
        .map(l -> l.split("\\|")[0].trim() + " " + l.split("\\|")[2].trim() + " " + l.split("\\|")[3].trim())
        .toList();
    assertEquals(List.of("43 parse error", "100 not_null warning", "137 not_null warning", "153 parse error",
        "179 not_null warning", "213 not_null warning", "235 parse error"), checks);
    assertEquals("(7 issues)", lines.get(lines.size() - 1));
    assertEquals(SUMMARY, r.err().strip());
  }

  @Test
  void failOnWarningAlsoExits1OnOrders() {
    Cli.Result r = examples("--fail-on", "warning");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(SUMMARY, r.err().strip());
  }

  @Test
  void warningsOnlyExit0UnlessFailOnWarning() {
    Cli.Result onError = here("warn.csv", "--fail-on", "error");
    assertEquals(0, onError.exitCode(), onError::toString);
    assertEquals("warn.csv: 0 errors, 1 warning in 200 rows", onError.err().strip());
    assertTrue(onError.out().contains(" 51 | name   | not_null | warning "), onError::toString);
    Cli.Result onWarning = here("warn.csv", "--fail-on", "warning");
    assertEquals(1, onWarning.exitCode(), onWarning::toString);
  }

  @Test
  void aCleanFileExits0() {
    Cli.Result r = here("clean.csv", "--fail-on", "warning");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(List.of("line | column | check | severity | value | message",
        "-----+--------+-------+----------+-------+--------", "(0 issues)"), r.out().lines().toList());
    assertEquals("clean.csv: 0 errors, 0 warnings in 3 rows", r.err().strip());
  }

  @Test
  void jsonIsOneObjectPerLine() throws IOException {
    Cli.Result r = examples("--format", "json");
    assertEquals(1, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(7, lines.size(), r::toString);
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines.get(0));
    assertEquals("orders.csv", first.get("file").asText());
    assertEquals(43, first.get("line").asLong());
    assertEquals("order_date", first.get("column").asText());
    assertEquals("parse", first.get("check").asText());
    assertEquals("error", first.get("severity").asText());
    assertEquals("2024-02-30", first.get("value").asText());
    for (String line : lines) {
      assertTrue(line.startsWith("{") && m.readTree(line).isObject(), line);
    }
    assertTrue(m.readTree(lines.get(1)).get("value").isNull());
  }

  @Test
  void junitXmlParsesAndHasOneTestcasePerCheck() throws Exception {
    Cli.Result r = examples("--format", "junit");
    assertEquals(1, r.exitCode(), r::toString);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertEquals("orders.csv", suite.getAttribute("name"));
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    NodeList cases = doc.getElementsByTagName("testcase");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    assertEquals(List.of("parse", "not_null(unit_price)", "not_null(country)", "duplicate_row"), names);
    Element failure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
    assertEquals("3 of 240 failed (1.25%), severity error, status fail", failure.getAttribute("message"));
    assertEquals("error", failure.getAttribute("type"));
    assertTrue(failure.getTextContent().startsWith("line 43: orders.csv:43: value '2024-02-30'"), r::toString);
    assertTrue(failure.getTextContent().contains("line 235: "), r::toString);

    Cli.Result strict = examples("--format", "junit", "--fail-on", "warning");
    Document d2 = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(strict.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, d2.getElementsByTagName("failure").getLength());
    assertEquals(SUMMARY, strict.err().strip());
  }

  @Test
  void aGlobValidatesEveryMatchUnderTheRoot() {
    Cli.Result r = here("data/*.csv", "--rules", "qty > 0");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(List.of("data/a.csv: 1 error, 0 warnings in 2 rows", "data/b.csv: 0 errors, 0 warnings in 2 rows"),
        r.err().lines().toList());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("file       | line | column | check"), r::toString);
    assertTrue(lines.get(2).startsWith("data/a.csv |    3 |"), r::toString);
    assertEquals("(1 issue)", lines.get(lines.size() - 1));

    Cli.Result deep = here("**/*.csv");
    assertEquals(List.of("data/a.csv", "data/b.csv", "data/sub/c.csv"),
        deep.err().lines().map(l -> l.substring(0, l.indexOf(':'))).toList(), deep::toString);
    Cli.Result all = here("{*.csv,**/*.csv}");
    assertEquals(List.of("clean.csv", "data/a.csv", "data/b.csv", "data/sub/c.csv", "warn.csv"),
        all.err().lines().map(l -> l.substring(0, l.indexOf(':'))).toList(), all::toString);
    Cli.Result top = here("*.csv");
    assertEquals(List.of("clean.csv", "warn.csv"),
        top.err().lines().map(l -> l.substring(0, l.indexOf(':'))).toList(), top::toString);
  }

  @Test
  void aSchemaFileOutsideTheRootIsUsed() throws IOException {
    Path schema = Files.createTempFile("qty", ".schema.yaml");
    try {
      Files.writeString(schema, "columns:\n  - {name: id, type: INTEGER}\n  - {name: qty, type: INTEGER, min: 1}\n");
      Cli.Result r = here("data/a.csv", "--schema-file", schema.toString());
      assertEquals(1, r.exitCode(), r::toString);
      assertTrue(r.out().contains("   3 | qty    | range | error    | -1    | qty -1 is below the minimum 1"), r::toString);
      assertEquals("data/a.csv: 1 error, 0 warnings in 2 rows", r.err().strip());
    } finally {
      Files.delete(schema);
    }
  }

  @Test
  void helpShowsOptionsExitCodesAndExamples() {
    Cli.Result r = Cli.run("validate", "--help");
    assertEquals(0, r.exitCode(), r::toString);
    for (String s : List.of("--schema-file", "--fail-on", "junit", "Exit codes:", "Examples:")) {
      assertTrue(r.out().contains(s), s + " in " + r.out());
    }
  }

  @Test
  void rulesAreAddedToASchema() {
    Cli.Result r = here("data/b.csv", "--schema", "qty.schema.yaml", "--rules", "qty < 6");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("data/b.csv: 1 error, 0 warnings in 2 rows", r.err().strip());
  }

  @Test
  void rulesComeFromAFileWithOneConditionPerLine() throws IOException {
    Path rulesFile = root.resolve("qty.rules");
    Files.writeString(rulesFile, "# quantities are positive and small\nqty > 0\n\nqty < 6\n");
    Cli.Result r = here("data/a.csv", "--rules", rulesFile.toString(), "--format", "json");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("data/a.csv: 1 error, 0 warnings in 2 rows", r.err().strip(), r::toString);
    assertTrue(r.out().contains("\"check\":\"rule:qty > 0\""), r::toString);
    Cli.Result both = here("data/b.csv", "--rules", rulesFile.toString());
    assertEquals("data/b.csv: 1 error, 0 warnings in 2 rows", both.err().strip(), both::toString); // 6 is not < 6
    Files.writeString(rulesFile, "# nothing\n");
    Cli.Result empty = here("data/a.csv", "--rules", rulesFile.toString());
    assertEquals(2, empty.exitCode(), empty::toString);
    assertTrue(empty.err().contains("has no rule"), empty::toString);
  }

  @Test
  void usageAndRuntimeErrorsExit2() {
    Cli.Result missing = here("nope.csv");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("file not found"), missing::toString);
    Cli.Result noMatch = here("*.parquet");
    assertEquals(2, noMatch.exitCode(), noMatch::toString);
    assertTrue(noMatch.err().contains("no file under"), noMatch::toString);
    Cli.Result both = here("clean.csv", "--schema", "x", "--schema-file", "y.yaml");
    assertEquals(2, both.exitCode(), both::toString);
    Cli.Result badFormat = here("clean.csv", "--format", "xml");
    assertEquals(2, badFormat.exitCode(), badFormat::toString);
    Cli.Result badRule = here("clean.csv", "--rules", "nosuch > 0");
    assertEquals(2, badRule.exitCode(), badRule::toString);
    assertTrue(badRule.err().contains("DSAP-1022"), badRule::toString);
    Cli.Result unknownSchema = here("clean.csv", "--schema", "nosuch");
    assertEquals(2, unknownSchema.exitCode(), unknownSchema::toString);
  }

  /**
   * A generated dirty file (every check of the benchmark's schema failing somewhere, ids repeated): every
   * output format has every issue validate() returns through JDBC, and the same counts as
   * validation_summary() (which reuses the finished run).
   */
  @Test
  void everyFormatHasEveryIssueOfADirtyFile() throws Exception {
    StringBuilder s = new StringBuilder("order_id,customer_email,order_date,status,quantity,unit_price\n");
    String[] status = {"paid", "shipped", "in_transit", "pending"};
    for (int i = 1; i <= 5000; i++) {
      s.append(i % 97 == 0 ? i - 3 : i).append(',')
          .append(i % 31 == 0 ? "" : i % 43 == 0 ? "bad.email@" : "u" + i + "@example.com").append(',')
          .append(i % 53 == 0 ? "2024-13-01" : "2024-05-" + (10 + i % 18)).append(',')
          .append(status[i % 59 == 0 ? 2 : i % 2]).append(',')
          .append(i % 37 == 0 ? -1 : 1 + i % 9).append(',')
          .append(i % 41 == 0 ? "20000.00" : "12.50").append('\n');
    }
    Files.writeString(root.resolve("dirty.csv"), s);
    String schema = "{\"columns\": [{\"name\": \"order_id\", \"unique\": true}, {\"name\": \"customer_email\","
        + " \"nullable\": false, \"semantic\": \"email\"}, {\"name\": \"order_date\", \"type\": \"DATE\","
        + " \"format\": \"yyyy-MM-dd\"}, {\"name\": \"status\", \"allowed_values\": [\"pending\", \"paid\","
        + " \"shipped\"]}, {\"name\": \"unit_price\", \"min\": 0, \"max\": 10000}], \"unexpected_columns\": \"ignore\","
        + " \"column_order\": \"ignore\", \"duplicate_rows\": \"ignore\"}";
    Files.writeString(root.resolve("dirty.schema.json"), schema);
    long expected;
    List<String> checks = new ArrayList<>();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:dsap:" + root);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT check_name FROM validate('dirty.csv', 'dirty.schema.json',"
            + " 'quantity > 0')")) {
      while (rs.next()) {
        checks.add(rs.getString(1));
      }
      expected = checks.size();
    }
    assertEquals(java.util.Set.of("not_null", "parse", "range", "rule:quantity > 0", "semantic", "allowed_values",
        "unique"), new java.util.HashSet<>(checks));
    String summary = "dirty.csv: " + expected + " errors, 0 warnings in 5000 rows";

    Cli.Result json = here("dirty.csv", "--schema", "dirty.schema.json", "--rules", "quantity > 0", "--format", "json");
    assertEquals(1, json.exitCode(), json::toString);
    assertEquals(summary, json.err().strip());
    ObjectMapper m = new ObjectMapper();
    List<String> lines = json.out().lines().toList();
    assertEquals(expected, lines.size());
    List<String> jsonChecks = new ArrayList<>();
    for (String line : lines) {
      jsonChecks.add(m.readTree(line).get("check").asText());
    }
    assertEquals(checks, jsonChecks);

    Cli.Result table = here("dirty.csv", "--schema", "dirty.schema.json", "--rules", "quantity > 0");
    assertEquals(1, table.exitCode(), table::toString);
    assertEquals(summary, table.err().strip());
    List<String> rows = table.out().lines().toList();
    assertEquals("(" + expected + " issues)", rows.get(rows.size() - 1));
    assertEquals(expected + 3, rows.size());

    Cli.Result junit = here("dirty.csv", "--schema", "dirty.schema.json", "--rules", "quantity > 0", "--format", "junit");
    assertEquals(1, junit.exitCode(), junit::toString);
    assertEquals(summary, junit.err().strip());
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
    NodeList failures = doc.getElementsByTagName("failure");
    long failed = 0;
    for (int i = 0; i < failures.getLength(); i++) {
      String message = ((Element) failures.item(i)).getAttribute("message");
      failed += Long.parseLong(message.substring(0, message.indexOf(' ')));
      assertTrue(failures.item(i).getTextContent().startsWith("line "), failures.item(i).getTextContent());
    }
    assertEquals(expected, failed);
  }
}
