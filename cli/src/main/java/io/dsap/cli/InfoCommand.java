package io.dsap.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code dsap info}: the version, the connection, the file formats and the SQL functions. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {
        "Print the dsap version, what it connects to, the file formats it reads and the SQL functions",
        "the driver reports: its own functions in schema 'files' and the built-in JDBC functions."},
    footer = {"", "Example:", "  dsap --root data info"})
final class InfoCommand implements Callable<Integer> {
  /** The formats the engine reads today; to come from the engine's format registry once it has one. */
  /** The formats this build reads, with their extensions: {@code csv (csv, tsv, psv)}. */
  static List<String> formats() {
    return io.dsap.engine.format.FormatRegistry.defaults().formats().stream()
        .map(f -> f.name() + " (" + String.join(", ", f.extensions()) + ")").toList();
  }
  /** The schema whose functions are listed. */
  static final String SCHEMA = "files";

  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;

  @Override
  public Integer call() throws SQLException {
    PrintStream out = main.io().out();
    String url = connection.jdbcUrl();
    try (Connection db = connection.open()) {
      DatabaseMetaData meta = db.getMetaData();
      out.println("dsap " + Version.version());
      out.println("java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
      out.println("url: " + url);
      out.println("driver: " + meta.getDriverName() + " " + meta.getDriverVersion()
          + " (" + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ")");
      out.println("formats: " + String.join(", ", formats()));
      out.println();
      printFunctions(meta, out);
      out.println();
      out.println("Built-in functions (JDBC escape lists reported by the driver):");
      printList(out, "numeric", meta.getNumericFunctions());
      printList(out, "string", meta.getStringFunctions());
      printList(out, "date/time", meta.getTimeDateFunctions());
      printList(out, "system", meta.getSystemFunctions());
    }
    return ExitCodes.OK;
  }

  private static void printFunctions(DatabaseMetaData meta, PrintStream out) throws SQLException {
    Map<String, String> functions = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try (ResultSet rows = meta.getFunctions(null, SCHEMA, "%")) {
      while (rows.next()) {
        String remarks = rows.getString("REMARKS");
        functions.merge(rows.getString("FUNCTION_NAME"),
            kind(rows.getShort("FUNCTION_TYPE")) + (remarks == null || remarks.isBlank() ? "" : "  " + remarks),
            (first, overload) -> first);
      }
    }
    out.println("Functions in schema '" + SCHEMA + "' (" + functions.size() + "):");
    if (functions.isEmpty()) {
      out.println("  (none reported by the driver)");
    }
    int width = functions.keySet().stream().mapToInt(String::length).max().orElse(0);
    functions.forEach((name, description) ->
        out.println("  " + name + " ".repeat(width - name.length()) + "  " + description));
  }

  private static String kind(short functionType) {
    return switch (functionType) {
      case DatabaseMetaData.functionReturnsTable -> "table function";
      case DatabaseMetaData.functionNoTable -> "scalar function";
      default -> "function";
    };
  }

  private static void printList(PrintStream out, String label, String commaList) {
    String names = commaList == null || commaList.isBlank() ? "(none reported)" : commaList.replace(",", ", ");
    out.println("  " + label + ": " + names);
  }
}
