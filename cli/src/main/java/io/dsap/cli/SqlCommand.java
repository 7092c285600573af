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
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
        "and otherwise opens the interactive SQL shell: history across sessions (~/.dsap/history, setting home),",
        "Tab completes SQL keywords, table and column names and function names (validate, profile, read_csv ...)."},
    footer = {
        "",
        "Examples:",
        "  dsap sql \"SELECT status, count(*) AS n FROM orders GROUP BY status\"",
        "  dsap --root data sql --format csv \"SELECT * FROM orders\" > orders-copy.csv",
        "  echo \"SELECT * FROM orders LIMIT 5\" | dsap sql --format json",
        "  dsap sql                      # interactive shell"})
final class SqlCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);

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
      return SqlShell.run(ShellConnections.serve(connection), SqlShell.home(main.settings()), null, System.out,
          System.err);
    }
    String sql = statement(query == null || query.equals("-") ? readAll(io.in()) : query);
    MDC.put("query_id", UUID.randomUUID().toString().substring(0, 8));
    LOG.debug("query: {}", sql);
    long start = System.nanoTime();
    try (Connection db = connection.open(); Statement statement = db.createStatement()) {
      RejectWarnings.reset(db);
      long rowCount;
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          rowCount = format.write(rows, io.out());
        }
      } else {
        rowCount = statement.getUpdateCount();
        io.err().println(statement.getUpdateCount() + " rows affected");
      }
      MDC.put("duration_ms", Long.toString((System.nanoTime() - start) / 1_000_000));
      MDC.put("rows", Long.toString(rowCount));
      LOG.info("query done: {} rows", rowCount);
      MDC.remove("duration_ms");
      MDC.remove("rows");
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
