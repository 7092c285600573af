package org.apache.calcite.avatica.remote;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ColumnMetaData;

/**
 * Avatica's remote metadata with dsap's function list. The Avatica protocol has no request for
 * functions, keys or indexes, so {@code getFunctions} would come back empty; the server's dsap
 * driver appends its own function names to {@code getSystemFunctions} (a property that does
 * cross the wire), and this class turns those names back into {@code getFunctions} rows. It
 * lives in Avatica's package because {@link RemoteMeta} is package-private (docs/architecture.md).
 *
 * <p>Keys: the dsap server adds {@code dsap.primary_keys}, {@code dsap.imported_keys} and
 * {@code dsap.exported_keys} to each connection (the embedded driver's detected keys, in JDBC's
 * columns); the key calls run them on this connection, so remote tools see the keys embedded
 * ones see. Indexes stay an empty result set with the JDBC columns (inherited).
 */
public final class DsapRemoteMeta extends RemoteMeta {
  /** The schema that holds dsap's functions on the server (DsapFunctions.FILES_SCHEMA). */
  static final String FUNCTION_SCHEMA = "files";
  /** JDBC's own system functions (spec appendix D), listed by Calcite: not dsap functions. */
  private static final Set<String> JDBC_SYSTEM_FUNCTIONS = Set.of("CONVERT", "DATABASE", "IFNULL", "USER");

  public DsapRemoteMeta(AvaticaConnection connection, Service service) {
    super(connection, service);
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat functionNamePattern) {
    // the server appends dsap's names (lower case) to Calcite's (upper case) in the four lists
    Map<DatabaseProperty, Object> props = getDatabaseProperties(ch);
    StringBuilder names = new StringBuilder();
    for (DatabaseProperty p : List.of(DatabaseProperty.GET_STRING_FUNCTIONS, DatabaseProperty.GET_NUMERIC_FUNCTIONS,
        DatabaseProperty.GET_TIME_DATE_FUNCTIONS, DatabaseProperty.GET_SYSTEM_FUNCTIONS)) {
      Object v = props.get(p);
      if (v != null) {
        names.append(',').append(v);
      }
    }
    List<Object> rows = new ArrayList<>();
    java.util.Set<String> seen = new java.util.TreeSet<>();
    if ((catalog == null || catalog.isEmpty()) && like(schemaPattern, FUNCTION_SCHEMA)) {
      for (String name : names.toString().split(",")) {
        String n = name.trim();
        if (!n.isEmpty() && !n.equals(n.toUpperCase(Locale.ROOT)) && !JDBC_SYSTEM_FUNCTIONS.contains(n.toUpperCase(Locale.ROOT))
            && like(functionNamePattern, n) && seen.add(n)) {
          rows.add(new Object[] {null, FUNCTION_SCHEMA, n, null, (short) DatabaseMetaData.functionResultUnknown, n});
        }
      }
    }
    // the columns of JDBC's getFunctions, in its order (FUNCTION_CAT ... SPECIFIC_NAME)
    List<ColumnMetaData> columns = fieldMetaData(MetaFunction.class).columns;
    return createResultSet(Collections.emptyMap(), columns,
        CursorFactory.ARRAY, new Frame(0, true, rows));
  }

  /** JDBC's getPrimaryKeys columns, and which are SMALLINT (the rest are VARCHAR). */
  private static final List<String> PRIMARY_KEY_COLUMNS = List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
      "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
  private static final List<String> FOREIGN_KEY_COLUMNS = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
      "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
      "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
  private static final Set<String> SMALLINT_COLUMNS = Set.of("KEY_SEQ", "UPDATE_RULE", "DELETE_RULE",
      "DEFERRABILITY");

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return keys("primary_keys", PRIMARY_KEY_COLUMNS, catalog, schema, table);
  }

  @Override
  public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return keys("imported_keys", FOREIGN_KEY_COLUMNS, catalog, schema, table);
  }

  @Override
  public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return keys("exported_keys", FOREIGN_KEY_COLUMNS, catalog, schema, table);
  }

  /**
   * The rows of the server's {@code dsap.<function>(schema, table)} as a metadata result. Like the
   * embedded driver, a null table or a catalog (dsap has none) gives no rows.
   */
  private MetaResultSet keys(String function, List<String> columnNames, String catalog, String schema, String table) {
    List<Object> rows = new ArrayList<>();
    if ((catalog == null || catalog.isEmpty()) && table != null) {
      try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM dsap." + function + "(?, ?)")) {
        ps.setString(1, schema);
        ps.setString(2, table);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Object[] row = new Object[columnNames.size()];
            for (int i = 0; i < row.length; i++) {
              row[i] = SMALLINT_COLUMNS.contains(columnNames.get(i)) ? (Object) rs.getShort(i + 1) : rs.getString(i + 1);
            }
            rows.add(row);
          }
        }
      } catch (SQLException e) {
        throw new RuntimeException("the dsap server did not answer " + function + " for " + table + ": "
            + e.getMessage() + " (a server older than this driver has no dsap." + function + ")", e);
      }
    }
    List<ColumnMetaData> columns = new ArrayList<>();
    for (String c : columnNames) {
      columns.add(columnMetaData(c, columns.size(), SMALLINT_COLUMNS.contains(c) ? short.class : String.class,
          !SMALLINT_COLUMNS.contains(c)));
    }
    return createResultSet(Collections.emptyMap(), columns, CursorFactory.ARRAY, new Frame(0, true, rows));
  }

  /** JDBC pattern matching: {@code %} any text, {@code _} one character, null matches all. */
  static boolean like(Pat pattern, String value) {
    if (pattern == null || pattern.s == null) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.s.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    // the server matches names case-insensitively (lex MYSQL_ANSI); so does this list
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
  }
}
