package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command: help, version, global options, exit codes. */
class MainTest {
  @TempDir
  Path dir;

  @Test
  void versionAndHelpSucceedOnStdout() {
    Cli.Result version = Cli.run("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().matches("dsap \\d+\\.\\d+\\.\\d+.*\\R"), version::toString);

    Cli.Result help = Cli.run("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--root=DIR"), help::toString);
    assertTrue(help.out().contains("sql") && help.out().contains("info"), help::toString);
  }

  @Test
  void noSubcommandIsAUsageError() {
    Cli.Result result = Cli.run();

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertTrue(result.err().contains("missing subcommand"), result::toString);
  }

  @Test
  void unknownSubcommandSuggestsTheRightOne() {
    Cli.Result result = Cli.run("sqll");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("Did you mean: dsap sql?"), result::toString);
  }

  @Test
  void missingRootExitsWithTwoAndNamesThePathBeforeOrAfterTheSubcommand() {
    Path missing = dir.resolve("no-such-folder");
    for (String[] args : new String[][] {
        {"--root", missing.toString(), "sql", "SELECT 1"},
        {"sql", "--root", missing.toString(), "SELECT 1"},
        {"sql", "SELECT 1", "--root=" + missing},
        {"--root", missing.toString(), "info"}}) {
      Cli.Result result = Cli.run(args);

      assertEquals(2, result.exitCode(), result::toString);
      assertEquals("", result.out());
      assertTrue(result.err().contains("data root not found: " + missing), result::toString);
      assertFalse(result.err().contains("\tat "), result::toString);
    }
  }

  @Test
  void relativeRootIsResolvedAgainstTheWorkingDirectory() {
    Cli.Result result = Cli.run("--root", "surely-not-here-" + System.nanoTime(), "sql", "SELECT 1");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("data root not found: " + Path.of("").toAbsolutePath()), result::toString);
  }

  @Test
  void rootThatIsAFileIsRejectedWithItsFolderAsTheFix() throws IOException {
    Path file = Files.writeString(dir.resolve("orders.csv"), "id\n1\n");

    Cli.Result result = Cli.run("--root", file.toString(), "sql", "SELECT 1");

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("data root is not a folder: " + file), result::toString);
    assertTrue(result.err().contains("--root " + dir), result::toString);
  }

  @Test
  void helpSubcommandShowsASubcommandsOptions() {
    Cli.Result result = Cli.run("help", "sql");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("--format=FORMAT"), result::toString);
    assertTrue(result.out().contains("table, csv, json"), result::toString);
  }
}
