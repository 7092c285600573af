package io.dsap.cli.format;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writes a query result to a stream in one output format (table, csv, json); see {@link ResultFormats}. */
@FunctionalInterface
public interface ResultFormat {
  /**
   * Writes the column names and every row of {@code rows} to {@code out}.
   *
   * @return the number of rows written
   */
  long write(ResultSet rows, PrintStream out) throws SQLException;
}
