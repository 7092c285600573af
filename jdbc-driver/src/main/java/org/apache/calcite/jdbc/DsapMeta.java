package org.apache.calcite.jdbc;

import org.apache.calcite.avatica.AvaticaConnection;

/**
 * Calcite's metadata and statement handling with dsap's changes. It lives in Calcite's package
 * because {@link CalciteConnectionImpl} is package-private (see docs/architecture.md).
 *
 * <p>Commit and rollback are no-ops: files are read through snapshots and there is nothing to
 * commit, but BI tools in manual-commit mode call them and Calcite throws.
 */
public final class DsapMeta extends CalciteMetaImpl {
  private DsapMeta(CalciteConnectionImpl connection) {
    super(connection, CalciteMetaTableFactoryImpl.INSTANCE, CalciteMetaColumnFactoryImpl.INSTANCE);
  }

  public static DsapMeta create(AvaticaConnection connection) {
    return new DsapMeta((CalciteConnectionImpl) connection);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // nothing to commit: dsap's tables are files read as they are
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    // nothing to roll back
  }
}
