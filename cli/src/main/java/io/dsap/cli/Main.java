package io.dsap.cli;

import io.dsap.engine.config.SettingKeys;
import io.dsap.engine.config.Settings;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code dsap} command: a folder of data files as a SQL database. */
@Command(name = "dsap",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Validate, profile, convert and query data files (CSV, TSV, JSON, Parquet, Excel, XML, Arrow) with SQL:",
        "every data file under the data root is a table."},
    // one command per line: helpers add theirs without touching the others
    subcommands = {
        ValidateCommand.class,
        ProfileCommand.class,
        ReportCommand.class,
        TransformCommand.class,
        SparkCommand.class,
        DataCommand.class,
        SchemaCommand.class,
        SqlCommand.class,
        ConfigCommand.class,
        InfoCommand.class,
        ServeCommand.class,
        ServerCommand.class,
        HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:dsap validate: a check failed at or above --fail-on",
        "2:usage error or failure (missing root, bad SQL, ...); the message is on stderr"},
    footer = {
        "",
        "Global options (--root, --url, --config, --log-level, --log-format, --quiet, --verbose) may also follow",
        "the subcommand. Settings come from dsap.yaml, .env, DSAP_* variables and these options: dsap config show.",
        "",
        "Examples:",
        "  dsap validate examples/orders.csv                      # exit 1: orders.csv has bad dates on purpose",
        "  dsap --root examples sql \"SELECT status, count(*) FROM orders GROUP BY status\"",
        "  dsap data head examples/orders.csv -n 5",
        "  dsap data convert examples/orders.csv orders.parquet",
        "  dsap schema detect examples/customers.csv",
        "  dsap config show",
        "  dsap help validate"})
public final class Main implements Callable<Integer> {
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @Mixin
  private GlobalOptions global;
  @Spec
  private CommandSpec spec;

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private final Io io;
  private final Map<String, String> environment;
  private Settings settings;

  Main(Io io, Map<String, String> environment) {
    this.io = io;
    this.environment = environment;
  }

  /** Runs dsap and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, Io.system()));
  }

  /**
   * Runs dsap with the given output streams and the process's standard input; returns the exit code and never
   * exits the JVM.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    InputStream in = System.in;
    return run(args, new Io(in, out, err, Io.detectStdinTerminal()));
  }

  /** Runs dsap with the given streams; returns the exit code and never exits the JVM. */
  public static int run(String[] args, Io io) {
    return run(args, io, System.getenv());
  }

  /** Runs dsap with the given streams and environment (for {@code DSAP_*} settings); never exits the JVM. */
  public static int run(String[] args, Io io, Map<String, String> environment) {
    ErrorReporter errors = new ErrorReporter();
    Main main = new Main(io, environment);
    CommandLine commandLine = new CommandLine(main)
        .setOut(new PrintWriter(io.out(), true))
        .setErr(new PrintWriter(io.err(), true))
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAllowSubcommandsAsOptionParameters(true) // --log-level info: 'info' is also a command
        .setUsageHelpWidth(120) // descriptions are written as lines of up to ~110 characters
        .setExecutionStrategy(main::execute);
    try {
      return commandLine.execute(sqlCommentsAsText(args));
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }

  /**
   * Keeps a query that starts with an SQL comment ({@code "-- totals\nSELECT ..."}) from being read as an option:
   * an argument of "--" and a blank gets a leading space (no option name has a blank after its dashes).
   */
  static String[] sqlCommentsAsText(String[] args) {
    String[] result = args.clone();
    for (int i = 0; i < result.length; i++) {
      String arg = result[i];
      if (arg.length() > 2 && arg.startsWith("--") && Character.isWhitespace(arg.charAt(2))) {
        result[i] = " " + arg;
      }
    }
    return result;
  }

  /**
   * Runs the chosen command with logging set up from the settings and the command in the log context; logs its
   * end with the exit code and the duration.
   */
  private int execute(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    CommandLine command = last.commandSpec().commandLine();
    String name = command.getCommandSpec().qualifiedName().replaceFirst("^dsap ?", "");
    if (command.isUsageHelpRequested() || command.isVersionHelpRequested() || name.startsWith("help")) {
      return new CommandLine.RunLast().execute(parsed);
    }
    long start = System.nanoTime();
    try {
      Settings s = settings();
      Logging.configure(s.logLevel(), s.logFormat(), io.err());
    } catch (RuntimeException e) {
      throw new CommandLine.ExecutionException(command, e.getMessage(), e);
    }
    MDC.put("command", name.isEmpty() ? "dsap" : name);
    int exit = ExitCodes.ERROR;
    try {
      exit = new CommandLine.RunLast().execute(parsed);
      return exit;
    } finally {
      MDC.put("exit_code", Integer.toString(exit));
      MDC.put("duration_ms", Long.toString((System.nanoTime() - start) / 1_000_000));
      LOG.info("dsap {} finished with exit code {}", name, exit);
      MDC.clear();
    }
  }

  /**
   * The effective settings: defaults, dsap.yaml (~/.config/dsap, the working directory, the data root, --config),
   * .env, DSAP_* variables, then this command line's options. Loaded once, on first use.
   */
  Settings settings() {
    if (settings == null) {
      String root = connection.givenRoot();
      Settings.Loader loader = Settings.loader().environment(environment)
          .configFile(global.config == null ? null : Path.of(global.config))
          .flag(SettingKeys.ROOT, root, "--root")
          .flag(SettingKeys.LOG_LEVEL, global.logLevel, "--log-level")
          .flag(SettingKeys.LOG_FORMAT, global.logFormat, "--log-format")
          .flag(SettingKeys.PROGRESS, global.quiet ? "never" : null, "--quiet");
      if (root != null) {
        loader.folder(Path.of(root));
      }
      settings = loader.load();
    }
    return settings;
  }

  boolean quiet() {
    return global.quiet;
  }

  /** Whether progress bars are shown (setting progress, --quiet, stderr a terminal). */
  boolean showProgress() {
    return Progress.enabled(settings().progress(), global.quiet);
  }

  /** With no subcommand: print the usage on stderr and fail. */
  @Override
  public Integer call() {
    io.err().println("dsap: missing subcommand");
    spec.commandLine().usage(io.err());
    return ExitCodes.ERROR;
  }

  /** The environment dsap runs in (the process's, or a test's). */
  Map<String, String> environment() {
    return environment;
  }

  Io io() {
    return io;
  }

  ConnectionOptions connectionOptions() {
    return connection;
  }

  VerboseOption verboseOption() {
    return verbose;
  }
}
