package io.dsap.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsap.cli.format.ResultFormats;
import io.dsap.cli.report.AtomicOutput;
import io.dsap.cli.report.HtmlReport;
import io.dsap.cli.report.ReportData;
import io.dsap.cli.report.ReportData.RunInfo;
import io.dsap.cli.report.ReportLoader;
import io.dsap.cli.report.SqlRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dsap profile}: the statistics of {@code profile()} for one file, as a table, as JSON, or as a
 * self-contained HTML page with a chart per column.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = {
        "Profile a data file: per column counts, missing and distinct values, range, mean, quantiles,",
        "lengths, top values, a histogram and alerts; the numbers of SELECT * FROM profile('FILE').",
        "FILE is relative to the data root (--root, default: the current directory); with",
        "--url jdbc:dsap:remote:..., FILE is on that server, relative to its data root, and the server computes.",
        "Prints a table; --json prints every statistic as JSON; --html writes a report page (then nothing",
        "is printed unless --json is given too)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the profile was printed or written",
        "2:usage or runtime error (no such file, unreadable file, cannot write --html); the message is on stderr"},
    footer = {
        "",
        "Examples:",
        "  dsap profile examples/orders.csv",
        "  dsap --root examples profile orders.csv --html orders-profile.html",
        "  dsap profile examples/orders.csv --json | jq '.columns[] | {column_name, null_count}'",
        "  dsap --url jdbc:dsap:remote:url=http://dsap.example:8765 profile orders.csv"})
final class ProfileCommand implements Callable<Integer> {
  /** Statistics whose SQL value is JSON text; --json writes them as JSON. */
  private static final Set<String> JSON_COLUMNS = Set.of("top_values", "histogram");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A data file, relative to the data root.")
  private String file;

  @Option(names = "--html", paramLabel = "PATH",
      description = "Write the profile as one HTML page (no network needed to view it); '-' writes it to stdout.")
  private String html;

  @Option(names = "--json", description = "Print every statistic of every column as one JSON document.")
  private boolean json;

  @Override
  public Integer call() throws SQLException, IOException {
    Io io = main.io();
    Target target = Target.of(connection, file);
    try (Connection db = connection.open()) {
      ReportLoader loader = new ReportLoader(db);
      if (html != null) {
        RunInfo run = runInfo(spec, "Profile", connection, Map.of());
        ReportData data = loader.load(new ReportLoader.Request(target.file(), target.local(), false, null, null,
            null, 0), run);
        for (String note : data.notes()) {
          io.err().println("warning: " + note);
        }
        writeHtml(io, html, HtmlReport.render(data), "profile of " + target.file());
      }
      if (json) {
        writeJson(loader, target.file(), io);
      } else if (html == null) {
        writeTable(db, target.file(), io);
      }
    }
    io.out().flush();
    return ExitCodes.OK;
  }

  private static void writeTable(Connection db, String file, Io io) throws SQLException {
    String sql = "SELECT column_name AS \"column\", column_type AS \"type\", null_count AS \"missing\","
        + " invalid_count AS \"invalid\", distinct_count AS \"distinct\", min_value AS \"min\","
        + " max_value AS \"max\", ROUND(mean, 4) AS \"mean\", q50 AS \"median\", alerts"
        + " FROM profile(" + FileArgs.literal(file) + ") ORDER BY column_index";
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultFormats.named("table").write(rs, io.out());
    }
  }

  /**
   * One JSON object: the file's facts and, per column, every column of {@code profile()} under its SQL name, with
   * {@code top_values} and {@code histogram} as JSON arrays rather than text.
   */
  private static void writeJson(ReportLoader loader, String file, Io io) throws SQLException, IOException {
    SqlRow info = loader.fileInfo(file);
    List<SqlRow> profile = loader.profile(file);
    ObjectNode doc = JSON.createObjectNode();
    doc.put("file", file);
    doc.put("format", info.text("format"));
    put(doc, "size_bytes", info.values().get("size_bytes"));
    put(doc, "row_count", profile.isEmpty() ? info.values().get("row_count") : profile.get(0).values().get("row_count"));
    put(doc, "rejected_rows", info.values().get("rejected_rows"));
    put(doc, "duplicate_rows", profile.isEmpty() ? 0L : profile.get(0).values().get("duplicate_rows"));
    ArrayNode columns = doc.putArray("columns");
    for (SqlRow row : profile) {
      ObjectNode column = columns.addObject();
      for (Map.Entry<String, Object> e : row.values().entrySet()) {
        if (JSON_COLUMNS.contains(e.getKey()) && e.getValue() != null) {
          column.set(e.getKey(), JSON.readTree(e.getValue().toString()));
        } else {
          put(column, e.getKey(), e.getValue());
        }
      }
    }
    try (JsonGenerator g = JSON.createGenerator(io.out())) {
      g.useDefaultPrettyPrinter();
      JSON.writeTree(g, doc);
    }
    io.out().println();
  }

  private static void put(ObjectNode node, String name, Object value) {
    if (value == null) {
      node.putNull(name);
    } else if (value instanceof Boolean b) {
      node.put(name, b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      node.put(name, ((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      node.put(name, d);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        node.put(name, d);
      } else {
        node.put(name, Double.toString(d)); // JSON has no NaN or Infinity
      }
    } else {
      node.put(name, value.toString());
    }
  }

  // ---- shared with ReportCommand

  /** The file as the SQL functions name it (relative to the root) and, when the data is local, on disk. */
  record Target(String file, Path local) {
    static Target of(ConnectionOptions connection, String arg) {
      if (FileArgs.isGlob(arg)) {
        throw new CliException("'" + arg + "' is a pattern; this command reads one file. Name one file, or run it"
            + " once per file");
      }
      if (!connection.embedded()) {
        // a server (jdbc:dsap:remote:) resolves the path against its own root, and refuses what is outside it
        return new Target(arg, null);
      }
      Path root = connection.dataRoot();
      String file = FileArgs.relative(root, arg); // inside the root, and a file
      return new Target(file, root.resolve(file));
    }
  }

  /** How this run was made, for the report's footer. */
  static RunInfo runInfo(CommandSpec spec, String title, ConnectionOptions connection, Map<String, String> options) {
    List<String> args = spec.root().commandLine().getParseResult().originalArgs();
    StringBuilder command = new StringBuilder("dsap");
    for (String arg : args) {
      String a = withoutPasswords(arg);
      command.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\*?;&|<>()].*")
          ? "'" + a.replace("'", "'\\''") + "'" : a);
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("connection", withoutPasswords(connection.jdbcUrl()));
    all.putAll(options);
    return new RunInfo(title, command.toString(), all, Version.version(), Instant.now());
  }

  /** {@code url} with the values of its password keys hidden (a report is shared; the URL may carry them). */
  static String withoutPasswords(String url) {
    return url.replaceAll("(?i)((?:avatica_)?password|truststore_password|keystore_password|key_password)=[^;&]*",
        "$1=***");
  }

  /** Writes the page atomically to {@code target}, or to stdout for '-', and says so on stderr. */
  static void writeHtml(Io io, String target, String page, String what) throws IOException {
    if (target.equals("-")) {
      io.out().print(page);
      return;
    }
    Path path;
    try {
      path = Path.of(target).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new CliException("--html '" + target + "' is not a valid path: " + e.getMessage(), e);
    }
    if (Files.isDirectory(path)) {
      throw new CliException("--html " + path + " is a folder; give a file name, e.g. --html "
          + path.resolve("report.html"));
    }
    try {
      AtomicOutput.writeString(path, page);
    } catch (IOException e) {
      throw new CliException("cannot write " + path + ": " + e.getMessage()
          + ". Check that its folder is writable, or pass another --html path", e);
    }
    io.err().println(what + " written to " + path);
  }
}
