package io.dsap.cli;

import io.dsap.cli.format.ResultFormat;
import io.dsap.cli.format.ResultFormats;
import io.dsap.engine.schema.SchemaParser;
import io.dsap.engine.schema.SchemaWriter;
import io.dsap.engine.validate.DataValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dsap schema detect|register|list|show|history|diff}: detected schemas and the schema registry. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {
        "Detect the schema of a data file, and keep versioned schemas in the registry",
        "(<root>/.dsap/registry unless the setting registry says otherwise) for dsap validate --schema NAME[@V].",
        "The schema language is described in docs/schemas.md."},
    subcommands = {SchemaCommand.Detect.class, SchemaCommand.Register.class, SchemaCommand.ListSchemas.class,
        SchemaCommand.Show.class, SchemaCommand.History.class, SchemaCommand.Diff.class,
        picocli.CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  dsap schema detect examples/orders.csv",
        "  dsap schema detect examples/orders.csv --format yaml > orders.schema.yaml",
        "  dsap --root examples schema register orders orders.csv",
        "  dsap --root examples schema list",
        "  dsap --root examples schema show orders@1",
        "  dsap --root examples schema diff orders@1 orders@2"})
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand
  Main main;
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing subcommand: detect, register, list, show, history or diff");
  }

  static long query(Main main, ConnectionOptions connection, String sql, ResultFormat format, String... params)
      throws SQLException {
    try (Connection db = connection.open(); PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setString(i + 1, params[i]);
      }
      long rows;
      try (ResultSet rs = st.executeQuery()) {
        rows = format.write(rs, main.io().out());
      }
      main.io().out().flush();
      return rows;
    }
  }

  /** {@code name} or {@code name@version}. */
  record Ref(String name, Integer version) {
    static Ref parse(String text) {
      int at = text.lastIndexOf('@');
      if (at < 0) {
        return new Ref(text, null);
      }
      try {
        return new Ref(text.substring(0, at), Integer.parseInt(text.substring(at + 1)));
      } catch (NumberFormatException e) {
        throw new CliException("'" + text + "' is not NAME or NAME@VERSION (a version is a number: orders@2)");
      }
    }
  }

  /** {@code dsap schema detect}. */
  @Command(name = "detect", mixinStandardHelpOptions = true,
      description = {"Detect a data file's schema: per column the type, nullability, semantic type (email, url,",
          "date format ...), counts and why. --format yaml prints a schema document to edit and register."},
      footer = {"", "Examples:", "  dsap schema detect examples/customers.csv",
          "  dsap schema detect examples/orders.csv --format yaml > orders.schema.yaml"})
  static final class Detect implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE", description = "A data file, relative to the data root.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table, csv, json (the detect_schema() rows) or yaml (a schema document); default: table.")
    String format;

    @Override
    public Integer call() throws SQLException, IOException {
      String path = FileArgs.expand(connection, List.of(file)).get(0);
      String f = format.toLowerCase(Locale.ROOT);
      if (f.equals("yaml") || f.equals("yml")) {
        if (connection.jdbcUrl().contains(":remote:")) {
          throw new CliException("--format yaml reads the file locally: use --root, not --url");
        }
        String yaml = SchemaWriter.yaml(DataValidator.of(connection.dataRoot()).generateSchema(path));
        parent.main.io().out().print(yaml);
        parent.main.io().out().flush();
        return ExitCodes.OK;
      }
      String columns = f.equals("table")
          ? "column_name, sql_type, nullable, semantic_type, format, null_count, distinct_count, is_unique,"
              + " min_value, max_value, quality_score, detection"
          : "*";
      query(parent.main, connection, "SELECT " + columns + " FROM detect_schema(" + FileArgs.literal(path) + ")",
          formatNamed(format));
      return ExitCodes.OK;
    }
  }

  static ResultFormat formatNamed(String name) {
    try {
      return ResultFormats.named(name);
    } catch (IllegalArgumentException e) {
      throw new CliException("--format: " + e.getMessage());
    }
  }

  /** {@code dsap schema register}. */
  @Command(name = "register", mixinStandardHelpOptions = true,
      description = {"Store a new version of schema NAME in the registry. SOURCE is a data file (its detected",
          "schema is stored), or a schema file (YAML or JSON; relative to the data root or the current",
          "directory). Prints the version written and whether it is compatible with the one before."},
      footer = {"", "Examples:", "  dsap --root examples schema register orders orders.csv",
          "  dsap --root data schema register orders ../schemas/orders.schema.yaml"})
  static final class Register implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "NAME", description = "The schema's name (letters, digits, _ and -).")
    String name;

    @Parameters(index = "1", paramLabel = "SOURCE", description = "A data file or a schema file.")
    String source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() throws SQLException, IOException {
      String arg = source;
      if (!connection.jdbcUrl().contains(":remote:") && connection.jdbcUrl().startsWith(ConnectionOptions.DSAP_URL_PREFIX)) {
        Path root = connection.dataRoot();
        Path inRoot = root.resolve(source).normalize();
        Path here = Path.of(source).toAbsolutePath().normalize();
        if (Files.isRegularFile(inRoot) && inRoot.startsWith(root)) {
          arg = root.relativize(inRoot).toString().replace('\\', '/');
        } else if (Files.isRegularFile(here)) {
          String text = Files.readString(here, StandardCharsets.UTF_8);
          SchemaParser.parse(text, here.toString()); // a bad schema fails naming its file and line
          arg = text.contains("\n") ? text : text + "\n";
        } else {
          throw new CliException("SOURCE not found: " + source + " (looked for " + inRoot + " and " + here + ")");
        }
      }
      query(parent.main, connection, "SELECT * FROM register_schema(?, ?)", format, name, arg);
      return ExitCodes.OK;
    }
  }

  /** {@code dsap schema list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"List the registered schemas: name, latest version, number of versions, last update."},
      footer = {"", "Example:", "  dsap --root examples schema list --format json"})
  static final class ListSchemas implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() throws SQLException {
      query(parent.main, connection, "SELECT * FROM dsap.schemas ORDER BY name", format);
      return ExitCodes.OK;
    }
  }

  /** {@code dsap schema show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Print a registered schema document: NAME for the latest version, NAME@V for version V."},
      footer = {"", "Examples:", "  dsap --root examples schema show orders",
          "  dsap --root examples schema show orders@1 --format json"})
  static final class Show implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "NAME[@V]", description = "The schema, optionally with a version.")
    String ref;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
        description = "yaml or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws SQLException {
      Ref r = Ref.parse(ref);
      String yaml;
      try (Connection db = connection.open(); PreparedStatement st = db.prepareStatement(
          "SELECT version, schema_yaml FROM dsap.schema_versions WHERE name = ? ORDER BY version DESC")) {
        st.setString(1, r.name());
        yaml = null;
        int latest = 0;
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            latest = Math.max(latest, rs.getInt(1));
            if (r.version() == null ? yaml == null : rs.getInt(1) == r.version()) {
              yaml = rs.getString(2);
            }
          }
        }
        if (latest == 0) {
          throw new CliException("schema '" + r.name() + "' is not registered; dsap schema list shows the"
              + " registered schemas");
        }
        if (yaml == null) {
          throw new CliException("schema '" + r.name() + "' has no version " + r.version() + "; its versions are"
              + " 1 to " + latest);
        }
      }
      String out = switch (format.toLowerCase(Locale.ROOT)) {
        case "yaml", "yml" -> yaml;
        case "json" -> SchemaWriter.json(SchemaParser.parse(yaml, ref)) + "\n";
        default -> throw new CliException("--format " + format + ": use yaml or json");
      };
      parent.main.io().out().print(out);
      parent.main.io().out().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code dsap schema history}. */
  @Command(name = "history", mixinStandardHelpOptions = true,
      description = {"List every version of a registered schema: version, when, from what, columns and rules."},
      footer = {"", "Example:", "  dsap --root examples schema history orders"})
  static final class History implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "NAME", description = "The schema.")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() throws SQLException {
      long n = query(parent.main, connection, "SELECT version, registered_at, source, column_count, rule_count"
          + " FROM dsap.schema_versions WHERE name = ? ORDER BY version", format, name);
      if (n == 0) {
        throw new CliException("schema '" + name + "' is not registered; dsap schema list shows the registered"
            + " schemas");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code dsap schema diff}. */
  @Command(name = "diff", mixinStandardHelpOptions = true,
      description = {"What changed from schema A to schema B, one row per change, with whether each change is",
          "backward compatible (data valid under A stays valid under B) and forward compatible.",
          "A and B are registered schemas (orders, orders@2) or schema files under the data root.",
          "With --fail-on-breaking, exit 1 when a change is not backward compatible."},
      footer = {"", "Examples:", "  dsap --root examples schema diff orders@1 orders@2",
          "  dsap --root data schema diff orders new/orders.schema.yaml --fail-on-breaking"},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:printed (and, with --fail-on-breaking, every change is backward compatible)",
          "1:--fail-on-breaking and a change is not backward compatible", "2:usage or runtime error"})
  static final class Diff implements Callable<Integer> {
    @ParentCommand
    SchemaCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "A", description = "The old schema.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The new schema.")
    String b;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Option(names = "--fail-on-breaking", description = "Exit 1 when a change is not backward compatible.")
    boolean failOnBreaking;

    @Override
    public Integer call() throws SQLException {
      query(parent.main, connection, "SELECT change, column_name, \"key\", old_value, new_value, backward, forward,"
          + " compatibility, message FROM schema_diff(?, ?)", format, a, b);
      if (failOnBreaking) {
        try (Connection db = connection.open(); PreparedStatement st = db.prepareStatement(
            "SELECT count(*) FROM schema_diff(?, ?) WHERE NOT backward")) {
          st.setString(1, a);
          st.setString(2, b);
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) {
              parent.main.io().err().println("dsap: " + ValidateCommand.plural(rs.getLong(1), "change")
                  + " from " + a + " to " + b + " not backward compatible");
              return ExitCodes.VALIDATION_FAILED;
            }
          }
        }
      }
      return ExitCodes.OK;
    }
  }

}
