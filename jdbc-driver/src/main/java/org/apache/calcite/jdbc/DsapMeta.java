package org.apache.calcite.jdbc;

import io.dsap.udfs.DsapFunctions;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.schema.SchemaPlus;

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

  /**
   * Appends dsap's function names to {@code getSystemFunctions}. It is the one function list that
   * crosses Avatica's wire (there is no functions request), and DBeaver reads it for highlighting
   * and autocomplete; the remote driver turns it back into {@code getFunctions} rows.
   */
  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> map = new EnumMap<>(DatabaseProperty.class);
    map.putAll(super.getDatabaseProperties(ch));
    SchemaPlus files = getConnection().getRootSchema().subSchemas().get(DsapFunctions.FILES_SCHEMA);
    if (files != null) {
      StringBuilder names = new StringBuilder(String.valueOf(
          map.getOrDefault(DatabaseProperty.GET_SYSTEM_FUNCTIONS, DatabaseProperty.GET_SYSTEM_FUNCTIONS.defaultValue)));
      for (String name : new TreeSet<>(files.getFunctionNames())) {
        names.append(names.length() == 0 ? "" : ",").append(name);
      }
      map.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, names.toString());
    }
    return map;
  }
}
