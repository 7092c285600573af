package org.apache.calcite.avatica.remote;

import java.sql.DatabaseMetaData;
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
 * <p>Keys and indexes stay empty result sets with the JDBC columns (inherited); the documented
 * equivalents are SQL: {@code detect_keys(...)} and the {@code dsap} system tables.
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
