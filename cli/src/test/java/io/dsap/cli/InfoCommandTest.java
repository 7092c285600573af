package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code dsap info} against Calcite's own driver. */
class InfoCommandTest {
  @Test
  void printsVersionFormatsAndTheFunctionsTheDriverReports() {
    Cli.Result result = Cli.run("--url", Cli.CALCITE, "info");

    assertEquals(0, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("dsap " + Version.version() + "\n"), out);
    assertTrue(out.contains("\nurl: jdbc:calcite:\n"), out);
    assertTrue(out.contains("\nformats: csv, tsv\n"), out);
    assertTrue(out.contains("Functions in schema 'files' (0):\n  (none reported by the driver)"), out);
    assertTrue(out.contains("  numeric: ABS, ACOS"), out);
    assertTrue(out.contains("  string: ASCII, CHAR"), out);
    assertEquals("", result.err());
  }
}
