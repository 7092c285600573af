package io.dsap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sqlline.Application;
import sqlline.BuiltInProperty;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

/**
 * The interactive SQL shell of {@code dsap sql}: sqlline connected to the same URL as every other command, with its
 * history in {@code ~/.dsap/history} and its saved settings ({@code !save}) in {@code ~/.dsap/sqlline.properties}.
 */
final class SqlShell {
  /** System property naming the folder for history and settings; wins over the environment variable. */
  static final String HOME_PROPERTY = "dsap.home";

  /** The folder of the running shell's history (sqlline asks for it when it builds its options). */
  private static volatile Path home;

  /**
   * The folder for the shell's history and settings: -Ddsap.home, else the setting {@code home} ($DSAP_HOME,
   * dsap.yaml; default ~/.dsap).
   */
  static Path home(io.dsap.engine.config.Settings settings) {
    String fromProperty = System.getProperty(HOME_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Path.of(fromProperty);
    }
    return settings.home();
  }

  private SqlShell() {
  }

  /**
   * Runs the shell until the user quits.
   *
   * @param url    the JDBC URL to connect to
   * @param home   the folder of the history and sqlline.properties
   * @param input  commands to read instead of the terminal (tests), or null for the terminal
   * @param out    where results go
   * @param err    where messages go
   * @return the exit code
   */
  static int run(String url, Path home, InputStream input, PrintStream out, PrintStream err) throws IOException {
    SqlShell.home = home;
    Files.createDirectories(home);
    // sqlline keeps sqlline.properties (!save) under this folder instead of ~/.sqlline
    System.setProperty(SqlLine.SQLLINE_BASE_DIR, home.toString());
    // settings are made in ShellApplication.getOpts: sqlline applies -ac after the --name=value arguments, and
    // the application's options replace theirs
    List<String> args = List.of(
        "-ac", ShellApplication.class.getName(),
        "-u", url,
        "-n", "",
        "-p", "");
    SqlLine sqlLine = new SqlLine();
    sqlLine.setOutputStream(out);
    sqlLine.setErrorStream(err);
    SqlLine.Status status = sqlLine.begin(args.toArray(String[]::new), input, input == null);
    return status == SqlLine.Status.OK ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /**
   * sqlline's application settings for dsap: banner, history file, no credentials prompt, no transaction isolation.
   * Public with a no-arg constructor: sqlline makes it from its name ({@code -ac}).
   */
  public static final class ShellApplication extends Application {
    @Override
    public String getInfoMessage() {
      return "dsap " + Version.version() + " SQL shell (" + super.getVersion() + "). "
          + "End statements with ';'. !tables lists tables, !help lists commands, !quit leaves.";
    }

    @Override
    public SqlLineOpts getOpts(SqlLine sqlLine) {
      SqlLineOpts opts = super.getOpts(sqlLine);
      opts.set(BuiltInProperty.CONNECT_INTERACTION_MODE, "notAskCredentials");
      opts.set(BuiltInProperty.ISOLATION, "TRANSACTION_NONE");
      opts.setHistoryFile(home.resolve("history").toString());
      return opts;
    }
  }
}
