package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap report} through {@link Main#run}: the quality report page, its options and its errors. */
class ReportCommandTest {
  @TempDir
  static Path root;

  @BeforeAll
  static void writeFiles() throws IOException {
    Files.copy(Path.of("..", "examples", "orders.csv"), root.resolve("orders.csv"));
    Files.copy(Path.of("..", "examples", "products.parquet"), root.resolve("products.parquet"));
  }

  private static Cli.Result dsap(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  @Test
  void reportHasScoresChecksWithFailingRowsColumnsAndFooter() throws IOException {
    Path html = root.resolve("orders-report.html");
    Cli.Result r = dsap("report", "orders.csv", "--html", html.toString(), "--examples", "2");
    assertEquals(0, r.exitCode(), "failed checks do not change the exit code: " + r);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("quality report of orders.csv (overall "), r::toString);
    assertTrue(r.err().contains("3 of 4 checks failing) written to " + html), r::toString);
    String page = Files.readString(html);
    assertTrue(page.contains("<title>dsap quality report: orders.csv</title>"));
    for (String dimension : List.of("completeness", "validity", "consistency", "uniqueness", "overall")) {
      assertTrue(page.contains("data-dimension=\"" + dimension + "\""), dimension);
    }
    assertTrue(page.contains("id=\"validation\""));
    assertTrue(page.contains("Failing rows: parse (first 2 of 3)"), "--examples 2 limits the rows per check");
    assertTrue(page.contains("2024-02-30") && page.contains("2024-13-01"));
    assertEquals(10, ProfileCommandTest.count(page, "<section class=\"column\""));
    assertTrue(page.matches("(?s).*<dt>SHA-256</dt><dd class=\"mono\">[0-9a-f]{64}</dd>.*"), "file fingerprint");
    assertTrue(page.contains("<dt>dsap version</dt><dd>" + Version.version() + "</dd>"));
    assertTrue(page.contains("report orders.csv --html"), "the command line");
  }

  @Test
  void rulesAndSchemaShapeTheValidation() throws IOException {
    Files.writeString(root.resolve("orders.schema.yaml"), "columns:\n  - {name: quantity, min: 1, max: 10}\n"
        + "unexpected_columns: ignore\n");
    Path html = root.resolve("rules.html");
    Cli.Result r = dsap("report", "orders.csv", "--html", html.toString(), "--schema", "orders.schema.yaml",
        "--rules", "ship_date >= order_date");
    assertEquals(0, r.exitCode(), r::toString);
    String page = Files.readString(html);
    assertTrue(page.contains("rule:ship_date &gt;= order_date"), "the rule is a check");
    assertTrue(page.contains(">range<"), "the schema's range check");
    assertTrue(page.contains("<dt>schema</dt><dd>orders.schema.yaml</dd>"));
  }

  @Test
  void aFailedRunLeavesAnEarlierReportAsItWas() throws IOException {
    Path html = root.resolve("kept.html");
    Files.writeString(html, "earlier report");
    Cli.Result r = dsap("report", "orders.csv", "--html", html.toString(), "--rules", "no_such_column > 0");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("no_such_column"), r::toString);
    assertEquals("earlier report", Files.readString(html));
    try (var files = Files.list(root)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  @Test
  void parquetReportSaysWhatItsFormatCannotGive() throws IOException {
    Path html = root.resolve("products.html");
    Cli.Result r = dsap("report", "products.parquet", "--html", html.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.err().contains("warning: Detection not available: DSAP-1006: detect_schema('products.parquet')"),
        r::toString);
    String page = Files.readString(html);
    assertTrue(page.contains("<p class=\"note\">Detection not available: DSAP-1006"), "the page says so too");
    assertEquals(8, ProfileCommandTest.count(page, "<section class=\"column\""), "the profile is there");
    assertTrue(page.contains("id=\"validation\""), "and the validation");
  }

  @Test
  void htmlIsRequiredAndExamplesMustNotBeNegative() {
    Cli.Result none = dsap("report", "orders.csv");
    assertEquals(2, none.exitCode(), none::toString);
    assertTrue(none.err().contains("Missing required option: '--html=PATH'"), none::toString);

    Cli.Result negative = dsap("report", "orders.csv", "--html", "-", "--examples", "-1");
    assertEquals(2, negative.exitCode(), negative::toString);
    assertTrue(negative.err().contains("--examples must be 0 or more, not -1"), negative::toString);
    assertEquals("", negative.out());
  }

  @Test
  void helpShowsExamples() {
    Cli.Result r = Cli.run("help", "report");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("dsap report examples/orders.csv --html orders-report.html"), r::toString);
    Cli.Result p = Cli.run("profile", "--help");
    assertEquals(0, p.exitCode(), p::toString);
    assertTrue(p.out().contains("--json") && p.out().contains("--html=PATH"), p::toString);
  }
}
