package io.dsap.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * How the SQL shell connects: sqlline opens a URL, so this driver answers {@value #URL} with the command line's
 * own connection (its settings included). Its metadata adds dsap's functions (validate, profile, read_csv ...) to
 * the function lists sqlline completes from, next to the table and column names it reads itself.
 */
final class ShellConnections implements Driver {
  static final String URL = "jdbc:dsap-shell:";

  private static final ShellConnections INSTANCE = new ShellConnections();
  private static volatile ConnectionOptions current;

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ShellConnections() {}

  /** Makes {@value #URL} open connections with {@code options}; returns the URL to give sqlline. */
  static String serve(ConnectionOptions options) {
    current = options;
    return URL;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionOptions options = current;
    if (options == null) {
      throw new SQLException(URL + " is only for the dsap SQL shell");
    }
    return withCompletion(options.open());
  }

  /** {@code db} whose metadata lists dsap's own functions among the system functions. */
  static Connection withCompletion(Connection db) throws SQLException {
    String functions = dsapFunctions(db.getMetaData());
    InvocationHandler meta = forward(db.getMetaData(), (method, args) ->
        method.getName().equals("getSystemFunctions") && args == null ? functions : NOT_HANDLED);
    DatabaseMetaData metaProxy = (DatabaseMetaData) Proxy.newProxyInstance(
        ShellConnections.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class}, meta);
    InvocationHandler conn = forward(db, (method, args) ->
        method.getName().equals("getMetaData") && args == null ? metaProxy : NOT_HANDLED);
    return (Connection) Proxy.newProxyInstance(ShellConnections.class.getClassLoader(),
        new Class<?>[] {Connection.class}, conn);
  }

  /** The driver's system functions and every function of the connection's schemas, comma-separated. */
  static String dsapFunctions(DatabaseMetaData meta) throws SQLException {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    String system = meta.getSystemFunctions();
    if (system != null && !system.isBlank()) {
      for (String s : system.split(",")) {
        names.add(s.strip());
      }
    }
    try (ResultSet rs = meta.getFunctions(null, null, "%")) {
      while (rs.next()) {
        names.add(rs.getString("FUNCTION_NAME"));
      }
    }
    return String.join(",", names);
  }

  private static final Object NOT_HANDLED = new Object();

  private interface Override2 {
    Object apply(Method method, Object[] args) throws SQLException;
  }

  private static InvocationHandler forward(Object target, Override2 override) {
    return (proxy, method, args) -> {
      Object own = override.apply(method, args);
      if (own != NOT_HANDLED) {
        return own;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(URL);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 1;
  }

  @Override
  public int getMinorVersion() {
    return 0;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }
}
