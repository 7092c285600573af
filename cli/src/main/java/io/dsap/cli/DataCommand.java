package io.dsap.cli;

import io.dsap.cli.format.ResultFormat;
import io.dsap.cli.format.ResultFormats;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dsap data head|read|info|convert}: look at data files and convert them, without writing SQL. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = {
        "Look at data files and convert them without writing SQL. FILE is relative to the data root",
        "(--root, default: the current directory); the format, dialect, encoding and types are detected."},
    subcommands = {DataCommand.Head.class, DataCommand.Read.class, DataCommand.Info.class, ConvertCommand.class,
        picocli.CommandLine.HelpCommand.class},
    footer = {"", "Examples:",
        "  dsap data head examples/orders.csv",
        "  dsap data read examples/customers.csv --format json > customers.ndjson",
        "  dsap data info 'examples/*.csv'",
        "  dsap data convert examples/orders.csv orders.parquet"})
final class DataCommand implements Callable<Integer> {
  @ParentCommand
  Main main;
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: head, read, info or convert");
  }

  /** Runs {@code sql} and writes its result; returns the rows written. */
  static long query(Main main, ConnectionOptions connection, String sql, ResultFormat format) throws SQLException {
    Io io = main.io();
    try (Connection db = connection.open(); Statement st = db.createStatement()) {
      RejectWarnings.reset(db);
      long rows;
      try (ResultSet rs = st.executeQuery(sql)) {
        rows = format.write(rs, io.out());
      }
      io.out().flush();
      if (!main.quiet()) {
        RejectWarnings.print(db, io.err());
      }
      return rows;
    }
  }

  /** {@code dsap data head}. */
  @Command(name = "head", mixinStandardHelpOptions = true,
      description = {"Print the first rows of a data file, typed as detected."},
      footer = {"", "Examples:", "  dsap data head examples/orders.csv", "  dsap data head -n 3 --format csv data/big.csv.gz"})
  static final class Head implements Callable<Integer> {
    @ParentCommand
    DataCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE", description = "A data file, relative to the data root.")
    String file;

    @Option(names = {"-n", "--rows"}, paramLabel = "N", defaultValue = "10",
        description = "How many rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() throws SQLException, IOException {
      if (rows < 0) {
        throw new CliException("-n must be 0 or more, not " + rows);
      }
      String path = FileArgs.expand(connection, List.of(file)).get(0);
      MDC.put("file", path);
      query(parent.main, connection, "SELECT * FROM read_file(" + FileArgs.literal(path) + ") LIMIT " + rows, format);
      return ExitCodes.OK;
    }
  }

  /** {@code dsap data read}. */
  @Command(name = "read", mixinStandardHelpOptions = true,
      description = {"Print every row of a data file (or the first --limit rows), typed as detected.",
          "Rows that do not fit the detected types are left out and counted on stderr;",
          "dsap validate lists them."},
      footer = {"", "Examples:", "  dsap data read examples/orders.csv --format csv > orders-clean.csv",
          "  dsap data read --columns order_id,status --limit 100 examples/orders.csv"})
  static final class Read implements Callable<Integer> {
    @ParentCommand
    DataCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "FILE", description = "A data file, relative to the data root.")
    String file;

    @Option(names = "--columns", paramLabel = "COLS", split = ",",
        description = "Only these columns, in this order (comma-separated).")
    List<String> columns;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows.")
    Long limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ResultFormat format;

    @Override
    public Integer call() throws SQLException, IOException {
      String path = FileArgs.expand(connection, List.of(file)).get(0);
      MDC.put("file", path);
      String select = columns == null || columns.isEmpty() ? "*"
          : String.join(", ", columns.stream().map(c -> "\"" + c.strip().replace("\"", "\"\"") + "\"").toList());
      String sql = "SELECT " + select + " FROM read_file(" + FileArgs.literal(path) + ")"
          + (limit == null ? "" : " LIMIT " + Math.max(0, limit));
      query(parent.main, connection, sql, format);
      return ExitCodes.OK;
    }
  }

  /** {@code dsap data info}. */
  @Command(name = "info", mixinStandardHelpOptions = true,
      description = {"What dsap detected in data files: format, size, encoding, dialect, header, row count,",
          "rejected rows, columns with their types, and the read_file(...) call that reads the file the same way."},
      footer = {"", "Examples:", "  dsap data info examples/orders.csv", "  dsap data info examples/ --format csv"})
  static final class Info implements Callable<Integer> {
    @ParentCommand
    DataCommand parent;
    @Mixin
    ConnectionOptions connection;
    @Mixin
    VerboseOption verbose;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Data files, globs or folders, relative to the data root.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "Output: table (one block per file), csv or json (one row per file).")
    String format;

    @Override
    public Integer call() throws SQLException, IOException {
      List<String> paths = FileArgs.expand(connection, files);
      StringBuilder sql = new StringBuilder();
      for (String p : paths) {
        sql.append(sql.length() == 0 ? "" : " UNION ALL ").append("SELECT * FROM file_info(")
            .append(FileArgs.literal(p)).append(')');
      }
      if ("table".equalsIgnoreCase(format)) {
        query(parent.main, connection, sql.toString(), Info::vertical);
      } else {
        query(parent.main, connection, sql.toString(), ResultFormats.named(format));
      }
      return ExitCodes.OK;
    }

    /** One block per file, one "name: value" line per column: file_info has too many columns for a table. */
    static long vertical(ResultSet rs, PrintStream out) throws SQLException {
      ResultSetMetaData md = rs.getMetaData();
      int width = 0;
      for (int i = 1; i <= md.getColumnCount(); i++) {
        width = Math.max(width, md.getColumnLabel(i).length());
      }
      long n = 0;
      while (rs.next()) {
        if (n++ > 0) {
          out.println();
        }
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String v = rs.getString(i);
          String label = md.getColumnLabel(i);
          out.println(label + ":" + " ".repeat(width - label.length() + 1)
              + (v == null ? "NULL" : v.replace("\n", "\n" + " ".repeat(width + 2))));
        }
      }
      return n;
    }
  }
}
