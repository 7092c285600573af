package org.apache.calcite.jdbc;

import io.dsap.engine.error.DsapException;
import java.sql.SQLException;

/**
 * Failures while rows are produced, as the SQLExceptions JDBC tools expect: the original message, the
 * original as cause, and for a {@link DsapException} its label as SQLState ({@code DSAP-1006})
 * and its number as vendor code.
 */
final class SqlErrors {
  private SqlErrors() {}

  /** A runtime failure while the cursor moved to the next row. */
  static SQLException fromRow(RuntimeException e) {
    DsapException d = dsapCause(e);
    if (d != null) {
      return new SQLException(d.getMessage(), d.code().label(), d.code().code(), d);
    }
    return new SQLException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
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
