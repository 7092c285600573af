package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dsap info}. */
class InfoCommandTest {
  @TempDir
  Path root;

  @Test
  void printsVersionDriverFormatsAndTheFunctionsTheDriverReports() {
    TestData.orders(root);

    Cli.Result result = Cli.run("info", "--root", root.toString());

    assertEquals(0, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("dsap " + Version.version() + "\n"), out);
    assertTrue(out.contains("\nurl: jdbc:dsap:" + root + "\n"), out);
    assertTrue(out.contains("\ndriver: dsap JDBC Driver "), out);
    assertTrue(out.contains("\nformats: csv (csv, tsv, psv)"), out);
    assertTrue(out.contains("Functions in schema 'files' ("), out);
    assertTrue(out.contains("\n  read_csv "), "the driver's own table functions are listed: " + out);
    assertTrue(out.contains("  numeric: ABS, ACOS"), out);
    assertEquals("", result.err());
  }

  @Test
  void saysSoWhenTheDriverReportsNoFunctions() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "info");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Functions in schema 'files' (0):\n  (none reported by the driver)"),
        result::toString);
  }
}
