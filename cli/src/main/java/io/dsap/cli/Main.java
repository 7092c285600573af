package io.dsap.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code dsap} command: a folder of data files as a SQL database. */
@Command(name = "dsap",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Query a folder of data files with SQL: every CSV file under the data root is a table.",
    subcommands = {SqlCommand.class, ValidateCommand.class, InfoCommand.class, HelpCommand.class,
        ProfileCommand.class,
        ReportCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:dsap validate: a check failed at or above --fail-on",
        "2:usage error or failure (missing root, bad SQL, ...); the message is on stderr"},
    footer = {
        "",
        "Global options (--root, --url, --verbose) may also follow the subcommand.",
        "Examples:",
        "  dsap --root data sql \"SELECT * FROM orders\"",
        "  dsap validate examples/orders.csv --fail-on warning",
        "  dsap info"})
public final class Main implements Callable<Integer> {
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @Spec
  private CommandSpec spec;

  private final Io io;

  private Main(Io io) {
    this.io = io;
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
    ErrorReporter errors = new ErrorReporter();
    CommandLine commandLine = new CommandLine(new Main(io))
        .setOut(new PrintWriter(io.out(), true))
        .setErr(new PrintWriter(io.err(), true))
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
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

  /** With no subcommand: print the usage on stderr and fail. */
  @Override
  public Integer call() {
    io.err().println("dsap: missing subcommand");
    spec.commandLine().usage(io.err());
    return ExitCodes.ERROR;
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
