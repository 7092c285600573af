package io.dsap.cli;

import io.dsap.cli.format.ResultFormat;
import io.dsap.cli.format.ResultFormats;
import io.dsap.engine.config.SettingKeys;
import io.dsap.engine.config.SettingSource;
import io.dsap.engine.config.SettingValue;
import io.dsap.engine.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dsap config show|check}: the effective settings with their sources, and a check of them. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {
        "Show or check dsap's configuration. Settings are resolved in this order, later wins: built-in defaults,",
        "dsap.yaml (~/.config/dsap, the current directory, the data root, then --config FILE), .env,",
        "DSAP_* environment variables, command-line options, and named function arguments.",
        "Every key is described in docs/configuration.md."},
    subcommands = {ConfigCommand.Show.class, ConfigCommand.Check.class, picocli.CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  dsap config show", "  dsap --config prod.yaml config check",
        "  DSAP_LOG_LEVEL=info dsap config show --format json"})
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand
  Main main;
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: show or check");
  }

  /** {@code dsap config show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {
          "Print every setting: key, effective value and where it came from (default, a file and line,",
          "an environment variable or an option). Secrets are shown as ****.",
          "SELECT * FROM dsap.settings shows the same in SQL."},
      footer = {"", "Examples:", "  dsap config show", "  dsap config show --format json",
          "  dsap --root data --log-level info config show"})
  static final class Show implements Callable<Integer> {
    @ParentCommand
    ConfigCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Option(names = "--details",
        description = "Also print each key's default, environment variable and description.")
    boolean details;

    @Override
    public Integer call() throws SQLException {
      Main main = parent.main;
      main.io().out().flush();
      try (ResultSet rs = table(main.settings(), details)) {
        format.write(rs, main.io().out());
      }
      main.io().out().flush();
      return ExitCodes.OK;
    }
  }

  /** The rows of {@code config show}: the columns of {@code dsap.settings}. */
  static ResultSet table(Settings settings, boolean details) throws SQLException {
    List<String> columns = details
        ? List.of("key", "value", "source", "default_value", "env_name", "description")
        : List.of("key", "value", "source");
    List<String[]> rows = new ArrayList<>();
    for (SettingValue v : settings.values()) {
      rows.add(details
          ? new String[] {v.key().name(), v.display(), v.source().toString(), v.key().defaultValue(),
              v.key().envName(), v.key().description()}
          : new String[] {v.key().name(), v.display(), v.source().toString()});
    }
    return Rows.of(columns, rows);
  }

  /** {@code dsap config check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {
          "Check the configuration: every file and variable parses, every key is known, every value is",
          "allowed, and the folders and files it names exist. Exit 0 when all is well, 2 otherwise;",
          "each problem names the key, where it was set and what is allowed."},
      footer = {"", "Examples:", "  dsap config check", "  dsap --config /etc/dsap/dsap.yaml config check"})
  static final class Check implements Callable<Integer> {
    @ParentCommand
    ConfigCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
      Main main = parent.main;
      Settings settings = main.settings(); // a bad key or value fails here, with its source
      List<String> problems = new ArrayList<>();
      for (Path root : settings.roots()) {
        if (!Files.isDirectory(root)) {
          problems.add(where(settings, SettingKeys.ROOT) + ": root " + root + " is not an existing folder");
        }
      }
      for (var key : List.of(SettingKeys.SERVER_USERS_FILE, SettingKeys.SERVER_TLS_KEYSTORE)) {
        SettingValue v = settings.value(key);
        if (v.isSet() && !Files.isRegularFile((Path) v.value())) {
          problems.add(where(settings, key) + ": " + key.name() + " names " + v.value() + ", which is not a file");
        }
      }
      if (settings.serverTlsKeystore().isPresent() && settings.serverTlsKeystorePassword().isEmpty()) {
        problems.add(where(settings, SettingKeys.SERVER_TLS_KEYSTORE) + ": server.tls.keystore is set but"
            + " server.tls.keystore_password is not (set " + SettingKeys.SERVER_TLS_KEYSTORE_PASSWORD.envName()
            + ")");
      }
      boolean loopback = List.of("127.0.0.1", "localhost", "::1").contains(settings.serverHost());
      if (!loopback && settings.serverUsersFile().isEmpty()) {
        problems.add(where(settings, SettingKeys.SERVER_HOST) + ": server.host " + settings.serverHost()
            + " is not loopback, so the server requires server.users_file, which is not set");
      }
      for (String p : problems) {
        main.io().err().println("dsap: config: " + p);
      }
      if (!problems.isEmpty()) {
        return ExitCodes.ERROR;
      }
      long changed = settings.values().stream()
          .filter(v -> v.source().layer() != SettingSource.Layer.DEFAULT).count();
      main.io().out().println("configuration OK: " + settings.values().size() + " settings, " + changed
          + " set outside the defaults");
      return ExitCodes.OK;
    }

    private static String where(Settings settings, io.dsap.engine.config.SettingKey key) {
      return settings.source(key).toString();
    }
  }
}
