package io.dsap.cli;

import io.dsap.engine.config.SettingKeys;
import io.dsap.engine.config.SettingSource;
import io.dsap.engine.config.Settings;
import io.dsap.jdbc.DsapDriver;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Says which data a command reads: the data root (a folder whose files are tables) or a JDBC URL.
 *
 * <p>A mixin of the top-level command and of every subcommand, so {@code --root} may stand before or after the
 * subcommand name. Whichever command parses it, the value is kept in the top-level command's instance (picocli's
 * "mixee" pattern), and read from there.
 */
public final class ConnectionOptions {
  /** Class name of the embedded dsap driver (module jdbc-driver). */
  public static final String DSAP_DRIVER_CLASS = "io.dsap.jdbc.DsapDriver";
  /** URL prefix of the embedded dsap driver; the data root follows it. */
  public static final String DSAP_URL_PREFIX = "jdbc:dsap:";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private String root;
  private String url;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Data root: every data file under it is a table in schema 'files'. "
          + "Relative to the current directory; default: the current directory.")
  void setRoot(String root) {
    if (root != null) { // picocli may reset an option to its (null) initial value when a subcommand starts
      top().root = root;
    }
  }

  @Option(names = "--url", paramLabel = "JDBC_URL",
      description = "Connect to this JDBC URL instead of jdbc:dsap:<root> "
          + "(any driver on the class path; --root is then ignored).")
  void setUrl(String url) {
    if (url != null) {
      top().url = url;
    }
  }

  /** The --root text as given, or null. */
  String givenRoot() {
    return top().root;
  }

  /**
   * Returns the data root as an absolute path, checked to be an existing folder: --root, else the setting
   * {@code root} (dsap.yaml, DSAP_ROOT), else the current directory.
   */
  public Path dataRoot() {
    String given = top().root;
    Path path;
    SettingSource source = null;
    try {
      if (main() != null) {
        Settings settings = main().settings();
        path = settings.root();
        source = settings.source(SettingKeys.ROOT);
      } else {
        path = Path.of(given == null ? "" : given).toAbsolutePath().normalize();
      }
    } catch (InvalidPathException e) {
      throw new CliException("--root '" + given + "' is not a valid path: " + e.getMessage(), e);
    }
    if (!Files.exists(path)) {
      String from = given != null ? " (from --root '" + given + "')"
          : source != null && source.layer() != SettingSource.Layer.DEFAULT ? " (from " + source + ")" : "";
      throw new CliException("data root not found: " + path + from
          + ". Pass --root with an existing folder, or run dsap from inside one.");
    }
    if (!Files.isDirectory(path)) {
      throw new CliException("data root is not a folder: " + path
          + ". --root names the folder whose files are tables; to query this file, pass its folder: --root "
          + (path.getParent() == null ? "/" : path.getParent()));
    }
    return path;
  }

  /** Returns the JDBC URL to connect to: --url if given, else jdbc:dsap: and the data root. */
  public String jdbcUrl() {
    String explicit = top().url;
    return explicit != null ? explicit : DSAP_URL_PREFIX + dataRoot();
  }

  /** Whether {@link #jdbcUrl()} is dsap's embedded driver over a local data root (not a server, not another driver). */
  public boolean embedded() {
    String u = jdbcUrl();
    return u.startsWith(DSAP_URL_PREFIX) && !u.startsWith(DSAP_URL_PREFIX + "remote:");
  }

  /**
   * Opens a connection to {@link #jdbcUrl()}. An embedded dsap URL gets this command line's settings, so
   * {@code dsap.settings} shows what {@code dsap config show} shows.
   */
  public Connection open() throws SQLException {
    String jdbcUrl = jdbcUrl();
    if (jdbcUrl.startsWith(DSAP_URL_PREFIX) && !jdbcUrl.startsWith(DSAP_URL_PREFIX + "remote:")) {
      requireDsapDriver();
      if (main() != null) {
        return new DsapDriver().connect(jdbcUrl, new Properties(), main().settings());
      }
    }
    return DriverManager.getConnection(jdbcUrl);
  }

  private Main main() {
    return mixee != null && mixee.root().userObject() instanceof Main main ? main : null;
  }

  /** Fails with a clear message when this build has no dsap driver (before the jdbc-driver module has one). */
  static void requireDsapDriver() {
    try {
      Class.forName(DSAP_DRIVER_CLASS);
    } catch (ClassNotFoundException e) {
      throw new CliException("the dsap JDBC driver (" + DSAP_DRIVER_CLASS + ") is not in this build of dsap, "
          + "so jdbc:dsap: URLs cannot be opened; connect to another database with --url JDBC_URL", e);
    }
  }

  private ConnectionOptions top() {
    return mixee != null && mixee.root().userObject() instanceof Main main ? main.connectionOptions() : this;
  }
}
