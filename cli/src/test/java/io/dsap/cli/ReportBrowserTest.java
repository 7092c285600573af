package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the HTML reports of {@code dsap report} and {@code dsap profile} in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}): the page renders without console errors, every column has its
 * chart, the numbers shown are those of {@code profile()} and {@code validation_summary()} over JDBC, data cannot
 * inject markup, and print works. Screenshots and a PDF are kept in {@code target/report-browser/}.
 *
 * <p>Selenium with chromedriver rather than hand-written DevTools calls: W3C WebDriver gives DOM queries, the
 * browser console log and screenshots through a maintained client; Debian builds chromedriver from the same source
 * as chromium, so their versions always match, and Selenium Manager never runs (both paths are given).
 *
 * <p>Without a browser the test is skipped with a message, unless {@value #REQUIRE} is set (as .ci/run does): then it
 * fails.
 */
class ReportBrowserTest {
  static final String REQUIRE = "REPORT_TEST_REQUIRE_BROWSER";
  static final Path ARTIFACTS = Path.of("target", "report-browser").toAbsolutePath();
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  static final String EVIL_CSV = String.join("\n",
      "id,\"<img src=x onerror=\"\"window.pwned=1\"\">\",comment",
      "1,a,<script>window.pwned=1</script>",
      "2,b,\"</style><script>alert(1)</script>\"",
      "3,a,x' onmouseover='window.pwned=1",
      "4,c,&amp; <b>bold</b>",
      "");

  @TempDir
  static Path root;
  static ChromeDriver browser;
  /** Why the tests are skipped, or null when a browser is there. */
  static String skipped;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    Path chromium = Path.of(env("REPORT_TEST_CHROMIUM", "/usr/bin/chromium"));
    Path chromedriver = Path.of(env("REPORT_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      String message = "no headless browser: " + chromium + " and " + chromedriver + " must exist"
          + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
      if ("1".equals(System.getenv(REQUIRE)) || "true".equalsIgnoreCase(System.getenv(REQUIRE))) {
        fail(message + "; " + REQUIRE + " is set, so this is an error");
      }
      skipped = "skipped: " + message;
      System.err.println("ReportBrowserTest " + skipped); // visible in the build output, not only in the report
      return;
    }
    Files.createDirectories(ARTIFACTS);
    Files.copy(EXAMPLES.resolve("orders.csv"), root.resolve("orders.csv"), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(root.resolve("evil.csv"), EVIL_CSV);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    Path profile = Files.createTempDirectory("dsap-chromium-");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .withLogFile(ARTIFACTS.resolve("chromedriver.log").toFile())
        .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @BeforeEach
  void needsBrowser() {
    Assumptions.assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  // ---- the quality report of examples/orders.csv

  @Test
  void qualityReportShowsTheNumbersOfProfileAndValidationSummary() throws Exception {
    Path html = ARTIFACTS.resolve("orders-report.html");
    Cli.Result r = Cli.run("--root", root.toString(), "report", "orders.csv", "--html", html.toString(),
        "--rules", "quantity > 0");
    assertEquals(0, r.exitCode(), r::toString);

    open(html);
    assertNoConsoleErrors();
    assertEquals("dsap quality report: orders.csv", browser.getTitle());

    List<Map<String, Object>> profile = query("SELECT * FROM profile('orders.csv') ORDER BY column_index");
    List<WebElement> sections = browser.findElements(By.cssSelector("section.column"));
    assertEquals(profile.size(), sections.size(), "one section per column");
    assertEquals(10, sections.size());
    assertEquals(profile.get(0).get("row_count").toString(),
        number(browser.findElement(By.cssSelector(".card[data-stat=row_count] .v")).getText()));

    int checkedStats = 0;
    for (int i = 0; i < sections.size(); i++) {
      WebElement section = sections.get(i);
      Map<String, Object> row = profile.get(i);
      assertEquals(row.get("column_name"), section.getAttribute("data-column"));
      assertTrue(section.isDisplayed());

      List<WebElement> charts = section.findElements(By.cssSelector("svg.chart"));
      assertEquals(1, charts.size(), "one chart for " + row.get("column_name"));
      WebElement chart = charts.get(0);
      assertTrue(chart.getRect().getWidth() > 100 && chart.getRect().getHeight() > 50, "chart is drawn");
      List<Long> bars = section.findElements(By.cssSelector("svg.chart rect.bar")).stream()
          .map(b -> Long.parseLong(b.getAttribute("data-count"))).toList();
      String chartJson = row.get("histogram") != null ? (String) row.get("histogram") : (String) row.get("top_values");
      List<Long> expected = new ArrayList<>();
      for (JsonNode n : JSON.readTree(chartJson)) {
        expected.add(n.get("count").asLong());
      }
      assertEquals(expected, bars, "bars of " + row.get("column_name") + " are profile()'s counts");
      assertBarsDrawnToScale(section, row.get("histogram") != null);

      for (WebElement cell : section.findElements(By.cssSelector("td[data-stat]"))) {
        String stat = cell.getAttribute("data-stat");
        String shown = cell.findElement(By.cssSelector(".v")).getText();
        assertMatches(row.get(stat), shown, row.get("column_name") + "." + stat);
        checkedStats++;
      }
    }
    assertTrue(checkedStats > 100, "statistics compared: " + checkedStats);

    List<Map<String, Object>> summary = query("SELECT * FROM validation_summary('orders.csv', '', 'quantity > 0')");
    List<WebElement> checkRows = browser.findElements(By.cssSelector("#validation table.checks tbody tr"));
    assertEquals(summary.size(), checkRows.size());
    for (int i = 0; i < summary.size(); i++) {
      List<WebElement> cells = checkRows.get(i).findElements(By.tagName("td"));
      assertEquals(summary.get(i).get("check_name"), cells.get(0).getText());
      assertEquals(summary.get(i).get("failed").toString(), number(cells.get(4).getText()));
      assertEquals(summary.get(i).get("status"), cells.get(6).getText());
    }
    String page = browser.findElement(By.tagName("body")).getText();
    assertTrue(page.contains("31/12/2024"), "a failing row of the parse check is shown");
    assertTrue(page.contains("rule:quantity > 0"), "the --rules check is listed");

    List<Map<String, Object>> overall = query("SELECT score FROM quality_report('orders.csv') WHERE \"scope\" = "
        + "'table' AND dimension = 'overall'");
    double score = ((Number) overall.get(0).get("score")).doubleValue();
    String card = browser.findElement(By.cssSelector(".card[data-stat=overall] .v")).getText();
    assertEquals(String.format(Locale.ROOT, "%.1f%%", score * 100), card);

    screenshot("orders-report.png");
    printToPdf("orders-report.pdf");
  }

  // ---- data that tries to become markup

  @Test
  void valuesAndColumnNamesWithMarkupAreShownAsText() throws Exception {
    Path html = ARTIFACTS.resolve("evil-profile.html");
    Cli.Result r = Cli.run("--root", root.toString(), "profile", "evil.csv", "--html", html.toString());
    assertEquals(0, r.exitCode(), r::toString);

    open(html);
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    assertEquals(0L, browser.executeScript("return document.scripts.length"));
    assertEquals(0L, browser.executeScript("return document.images.length"));
    assertEquals(0L, browser.executeScript("return document.querySelectorAll('b, [onmouseover], [onerror]').length"));
    assertEquals(null, browser.executeScript("return window.pwned === undefined ? null : 'pwned'"));
    assertNoConsoleErrors();

    String text = browser.findElement(By.tagName("body")).getText();
    assertTrue(text.contains("<img src=x onerror=\"window.pwned=1\">"), "the column name is shown as text");
    assertTrue(text.contains("<script>window.pwned=1</script>"), text);
    assertTrue(text.contains("&amp; <b>bold</b>"), text);
    assertEquals(3, browser.findElements(By.cssSelector("section.column svg.chart")).size());
    screenshot("evil-profile.png");
  }

  // ---- helpers

  private static void open(Path html) {
    browser.manage().logs().get(LogType.BROWSER); // drop entries of an earlier page
    browser.get(html.toUri().toString());
    assertEquals("complete", browser.executeScript("return document.readyState"));
  }

  private static void assertNoConsoleErrors() {
    List<String> problems = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        problems.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertEquals(List.of(), problems, "console errors and warnings");
  }

  /** A statistic as the page shows it against the value profile() returns over JDBC. */
  private static void assertMatches(Object sql, String shown, String what) {
    assertNotNull(sql, what + " is shown but profile() has no value");
    if (sql instanceof Long || sql instanceof Integer) {
      assertEquals(sql.toString(), number(shown), what);
    } else if (sql instanceof Number n) {
      double expected = n.doubleValue();
      double actual = Double.parseDouble(number(shown));
      double tolerance = Math.max(5e-5, Math.abs(expected) * 1e-4); // the page rounds to 4 decimals
      assertEquals(expected, actual, tolerance, what + ": page shows " + shown);
    } else {
      assertEquals(sql.toString(), shown, what);
    }
  }

  /** Each bar's drawn length (height of a histogram bar, width of a top-values bar) is proportional to its count. */
  private static void assertBarsDrawnToScale(WebElement section, boolean histogram) {
    List<WebElement> bars = section.findElements(By.cssSelector("svg.chart rect.bar"));
    long max = bars.stream().mapToLong(b -> Long.parseLong(b.getAttribute("data-count"))).max().orElse(0);
    double longest = bars.stream().mapToDouble(b -> length(b, histogram)).max().orElse(0);
    for (WebElement bar : bars) {
      long count = Long.parseLong(bar.getAttribute("data-count"));
      if (count > 0) {
        assertEquals((double) count / max, length(bar, histogram) / longest, 0.02, "bar of count " + count);
      }
    }
  }

  private static double length(WebElement bar, boolean histogram) {
    return Double.parseDouble(bar.getAttribute(histogram ? "height" : "width"));
  }

  private static String number(String shown) {
    return shown.replace(",", "").strip();
  }

  private static void screenshot(String name) throws IOException {
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1280, "height", height, "scale", 1);
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    assertTrue(png.length > 10_000, "a real screenshot");
    Files.write(ARTIFACTS.resolve(name), png);
  }

  private static void printToPdf(String name) throws IOException {
    Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
        Map.of("printBackground", true, "preferCSSPageSize", true));
    byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
    assertTrue(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    Files.write(ARTIFACTS.resolve(name), bytes);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    long pages = text.split("/Type\\s*/Page[^s]", -1).length - 1;
    assertTrue(pages >= 2, "the report prints on several pages: " + pages);
    assertFalse(text.isEmpty());
  }

  private static List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + root);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
