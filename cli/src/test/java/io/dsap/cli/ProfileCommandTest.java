package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap profile} through {@link Main#run}: table, JSON and HTML output, and its errors. */
class ProfileCommandTest {
  @TempDir
  static Path root;

  @BeforeAll
  static void writeFiles() throws IOException {
    Files.copy(Path.of("..", "examples", "orders.csv"), root.resolve("orders.csv"));
    Files.writeString(root.resolve("evil.csv"), ReportBrowserTest.EVIL_CSV);
  }

  private static Cli.Result dsap(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  @Test
  void tableHasOneLinePerColumnWithProfileNumbers() {
    Cli.Result r = dsap("profile", "orders.csv");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("column +\\| type +\\| missing \\| invalid \\| distinct \\| min .*\\| alerts"),
        lines.get(0));
    assertEquals("(10 rows)", lines.get(lines.size() - 1));
    String notes = lines.stream().filter(l -> l.startsWith("notes ")).findFirst().orElseThrow();
    assertTrue(notes.matches("notes +\\| VARCHAR +\\| +206 \\| +0 \\| +15 \\| .*\\| missing"), notes);
    String quantity = lines.stream().filter(l -> l.startsWith("quantity ")).findFirst().orElseThrow();
    assertTrue(quantity.contains("| -2 ") && quantity.contains("3.5401"), quantity);
    assertEquals("", r.err());
  }

  @Test
  void jsonHasEveryProfileColumnWithChartsAsArrays() throws Exception {
    Cli.Result r = dsap("profile", "orders.csv", "--json");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("orders.csv", doc.get("file").asText());
    assertEquals(237, doc.get("row_count").asLong());
    assertEquals(3, doc.get("rejected_rows").asLong());
    JsonNode columns = doc.get("columns");
    assertEquals(10, columns.size());
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + root);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM profile('orders.csv') ORDER BY column_index")) {
      ResultSetMetaData md = rs.getMetaData();
      int i = 0;
      while (rs.next()) {
        JsonNode column = columns.get(i++);
        assertEquals(md.getColumnCount(), column.size(), "every column of profile()");
        for (int k = 1; k <= md.getColumnCount(); k++) {
          String name = md.getColumnLabel(k).toLowerCase(Locale.ROOT);
          Object sql = rs.getObject(k);
          JsonNode json = column.get(name);
          if (sql == null) {
            assertTrue(json.isNull(), name);
          } else if (name.equals("top_values") || name.equals("histogram")) {
            assertTrue(json.isArray(), name);
            assertEquals(new ObjectMapper().readTree(sql.toString()), json, name);
          } else if (sql instanceof Number n) {
            assertEquals(n.doubleValue(), json.asDouble(), 0.0, name);
          } else {
            assertEquals(sql.toString(), json.asText(), name);
          }
        }
      }
      assertEquals(10, i);
    }
  }

  @Test
  void htmlIsWrittenAndOnlyTheConfirmationIsPrinted() throws IOException {
    Path html = root.resolve("out/orders profile.html");
    Cli.Result r = dsap("profile", "orders.csv", "--html", html.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals("profile of orders.csv written to " + html, r.err().strip());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.contains("Content-Security-Policy"));
    assertFalse(page.contains("<script"), "no script");
    assertFalse(page.contains("http://") && !page.contains("http://www.w3.org/2000/svg"), "no link out");
    assertEquals(10, count(page, "<section class=\"column\""));
    assertEquals(10, count(page, "<svg xmlns="));
    assertFalse(page.contains("id=\"validation\""), "a profile has no validation");
    try (var files = Files.list(html.getParent())) {
      assertEquals(List.of(html), files.toList(), "no temporary file left");
    }
  }

  @Test
  void htmlToStdoutWithDash() {
    Cli.Result r = dsap("profile", "orders.csv", "--html", "-");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("<!DOCTYPE html>") && r.out().strip().endsWith("</html>"));
  }

  @Test
  void markupInDataIsEscaped() throws IOException {
    Path html = root.resolve("evil.html");
    Cli.Result r = dsap("profile", "evil.csv", "--html", html.toString());
    assertEquals(0, r.exitCode(), r::toString);
    String page = Files.readString(html);
    assertFalse(page.contains("<script"), "no script element");
    assertFalse(page.contains("<img"), "no img element");
    assertFalse(page.contains("<b>"), "no b element");
    assertFalse(page.contains("' onmouseover='"), "no attribute breakout");
    assertTrue(page.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;"));
    assertTrue(page.contains("&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;"));
  }

  @Test
  void missingFileGlobAndFolderAsOutputExitWith2() {
    Cli.Result missing = dsap("profile", "nope.csv");
    assertEquals(2, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("file not found: " + root.resolve("nope.csv")), missing::toString);

    Cli.Result glob = dsap("profile", "*.csv");
    assertEquals(2, glob.exitCode(), glob::toString);
    assertTrue(glob.err().contains("'*.csv' is a pattern; this command reads one file"), glob::toString);

    Cli.Result folder = dsap("profile", "orders.csv", "--html", root.toString());
    assertEquals(2, folder.exitCode(), folder::toString);
    assertTrue(folder.err().contains("is a folder; give a file name"), folder::toString);

    Cli.Result outside = dsap("profile", "../x.csv");
    assertEquals(2, outside.exitCode(), outside::toString);
    assertTrue(outside.err().contains("is outside the data root"), outside::toString);
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
