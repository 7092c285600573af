package io.dsap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of the picocli tree has a section in docs/cli.md, shows examples in its --help, and `dsap help`
 * reaches it.
 */
class CliDocTest {
  static final Path DOC = Path.of("..", "docs", "cli.md");

  /** Every runnable command below dsap, as "dsap data head", without the help commands. */
  static List<CommandLine> commands() {
    List<CommandLine> all = new ArrayList<>();
    collect(new CommandLine(new Main(new Io(System.in, System.out, System.err, false), Map.of())), all);
    return all;
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    for (CommandLine sub : c.getSubcommands().values()) {
      if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand || into.contains(sub)) {
        continue;
      }
      into.add(sub);
      collect(sub, into);
    }
  }

  @Test
  void everyCommandHasASectionInCliMd() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (CommandLine c : commands()) {
      String name = c.getCommandSpec().qualifiedName();
      if (!doc.contains("## `" + name + "`\n")) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "commands without a '## `dsap ...`' or '### `dsap ...`' heading in " + DOC);
    assertTrue(commands().size() >= 17, "the tree was walked: " + commands().size());
  }

  @Test
  void everyCommandsHelpShowsExamplesAndDsapHelpReachesIt() {
    for (CommandLine c : commands()) {
      String name = c.getCommandSpec().qualifiedName();
      String usage = c.getUsageMessage();
      assertTrue(usage.contains("Example"), name + " --help has examples:\n" + usage);
      if (c.getSubcommands().isEmpty()) {
        String[] args = (name.substring("dsap ".length()) + " --help").split(" ");
        Cli.Result help = Cli.runWithEnv(Map.of(), args);
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("Usage: " + name), help::toString);
      }
    }
    Cli.Result top = Cli.runWithEnv(Map.of(), "--help");
    for (String command : List.of("validate", "data", "schema", "sql", "config", "info", "help")) {
      assertTrue(top.out().contains("\n  " + command + " "), command + " in dsap --help:\n" + top.out());
    }
    Cli.Result viaHelp = Cli.runWithEnv(Map.of(), "data", "help", "convert");
    assertTrue(viaHelp.out().contains("Usage: dsap data convert"), viaHelp::toString);
    Cli.Result helpGroup = Cli.runWithEnv(Map.of(), "help", "schema");
    assertTrue(helpGroup.out().contains("Usage: dsap schema") && helpGroup.out().contains("register"),
        helpGroup::toString);
  }
}
