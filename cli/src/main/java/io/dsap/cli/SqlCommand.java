package io.dsap.cli;

import io.dsap.cli.format.ResultFormat;
import io.dsap.cli.format.ResultFormats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dsap sql}: runs one SQL statement and prints its result, or opens the SQL shell. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {
        "Run one SQL statement against the files under the data root and print the result.",
        "Every data file is a table in schema 'files' (orders.csv is table orders).",
        "With no QUERY: reads the statement from standard input when that is not a terminal,",
        "and otherwise opens the interactive SQL shell."},
    footer = {
        "",
        "Examples:",
        "  dsap sql \"SELECT status, count(*) AS n FROM orders GROUP BY status\"",
        "  dsap --root data sql --format csv \"SELECT * FROM orders\" > orders-copy.csv",
        "  echo \"SELECT * FROM orders LIMIT 5\" | dsap sql --format json",
        "  dsap sql                      # interactive shell"})
final class SqlCommand implements Callable<Integer> {
  @Mixin
  private ConnectionOptions connection;
  @Mixin
  private VerboseOption verbose;
  @ParentCommand
  private Main main;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = ResultFormats.Converter.class, completionCandidates = ResultFormats.Names.class,
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private ResultFormat format;

  @Parameters(arity = "0..1", paramLabel = "QUERY",
      description = "The SQL statement; '-' reads it from standard input. A trailing ';' is allowed.")
  private String query;

  @Override
  public Integer call() throws SQLException, IOException {
    Io io = main.io();
    if (query == null && io.stdinIsTerminal()) {
      io.out().flush();
      return SqlShell.run(connection.jdbcUrl(), null, System.out, System.err);
    }
    String sql = statement(query == null || query.equals("-") ? readAll(io.in()) : query);
    try (Connection db = connection.open(); Statement statement = db.createStatement()) {
      RejectWarnings.reset(db);
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          format.write(rows, io.out());
        }
      } else {
        io.err().println(statement.getUpdateCount() + " rows affected");
      }
      io.out().flush();
      RejectWarnings.print(db, io.err());
    }
    return ExitCodes.OK;
  }

  /** Returns the statement without surrounding blanks and trailing semicolons; fails if nothing is left. */
  static String statement(String text) {
    String sql = text.strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).stripTrailing();
    }
    if (sql.isEmpty()) {
      throw new CliException("no SQL statement given: pass it as an argument (dsap sql \"SELECT ...\") "
          + "or on standard input (echo \"SELECT ...\" | dsap sql)");
    }
    return sql;
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
