package org.apache.calcite.avatica.jdbc;

import java.sql.Statement;

/**
 * Reaches the JDBC statement behind one of {@link JdbcMeta}'s statement ids, so the dsap server
 * can cancel a statement that ran past its time limit. {@code StatementInfo.statement} is
 * package-private in Avatica 1.27, hence this class in Avatica's package (class path only).
 */
public final class StatementAccess {
  private StatementAccess() {}

  public static Statement statement(StatementInfo info) {
    return info.statement;
  }
}
