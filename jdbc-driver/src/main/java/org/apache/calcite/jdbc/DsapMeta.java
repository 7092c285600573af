package org.apache.calcite.jdbc;

import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.udfs.functions.FunctionCatalog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Calcite's function lists plus dsap's names. These four lists are what crosses the Avatica wire
   * (there is no getFunctions request), and DBeaver reads them for highlighting and autocomplete.
   */
  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> props = new EnumMap<>(DatabaseProperty.class);
    props.putAll(super.getDatabaseProperties(ch));
    List<FormatReader> formats = FormatRegistry.defaults().formats();
    append(props, DatabaseProperty.GET_STRING_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.STRING, formats));
    append(props, DatabaseProperty.GET_NUMERIC_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.NUMERIC, formats));
    append(props, DatabaseProperty.GET_TIME_DATE_FUNCTIONS,
        FunctionCatalog.names(FunctionCatalog.Group.TIME_DATE, formats));
    append(props, DatabaseProperty.GET_SYSTEM_FUNCTIONS, FunctionCatalog.names(FunctionCatalog.Group.SYSTEM, formats));
    return props;
  }

  private static void append(Map<DatabaseProperty, Object> props, DatabaseProperty p, String names) {
    Object v = props.get(p);
    String calcite = v == null ? "" : v.toString();
    props.put(p, calcite.isEmpty() ? names : calcite + "," + names);
  }
}
