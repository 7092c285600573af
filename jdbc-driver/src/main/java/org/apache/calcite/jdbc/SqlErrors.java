package org.apache.calcite.jdbc;

import io.dsap.engine.error.DsapException;
import java.sql.SQLException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Failures while rows are produced, as the SQLExceptions JDBC tools expect: the original message, the
 * original as cause, and for a {@link DsapException} its label as SQLState ({@code DSAP-1006})
 * and its number as vendor code.
 */
final class SqlErrors {
  /** SQL's class "syntax error or access rule violation", which DBeaver and BI tools classify on. */
  static final String SYNTAX_OR_ACCESS = "42000";

  private SqlErrors() {}

  /** A runtime failure while the cursor moved to the next row. */
  static SQLException fromRow(RuntimeException e) {
    DsapException d = dsapCause(e);
    if (d != null) {
      return new SQLException(d.getMessage(), d.code().label(), d.code().code(), d);
    }
    return new SQLException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
  }

  /**
   * A failure inside {@code Statement.execute*} with an SQLState, or null when there is none to
   * give: the SQLException {@link DsapResultSet} made while the first rows were computed, or a
   * statement that does not parse or validate ({@link #SYNTAX_OR_ACCESS}, Avatica's message).
   */
  static SQLException stated(String sql, RuntimeException e) {
    if (e.getCause() instanceof SQLException made && made.getSQLState() != null) {
      return made;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CalciteContextException || t instanceof SqlParseException) {
        return new SQLException("Error while executing SQL \"" + sql + "\": " + e.getMessage(), SYNTAX_OR_ACCESS, e);
      }
    }
    return null;
  }

  private static DsapException dsapCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DsapException d) {
        return d;
      }
    }
    return null;
  }
}
