package io.dsap.jdbc.remote;

import io.dsap.jdbc.DsapDriver;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.DsapRemoteMeta;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/**
 * The remote dsap driver, {@code jdbc:dsap:remote:url=http://host:8765}: Avatica's HTTP client
 * with dsap's presets. {@link DsapDriver} hands it every {@code jdbc:dsap:remote:} URL, so one
 * driver class and one jar serve both embedded and remote connections.
 *
 * <p>Presets (each can be overridden in the URL or the properties): protobuf serialization (what
 * the dsap server speaks), transparent reconnection (a connection the server expired or forgot
 * in a restart is opened again), a 10 s connect timeout and a 10 min response timeout (long
 * {@code validate} and {@code profile} calls outlive Avatica's 3 min default). {@code user} and
 * {@code password} become Avatica's HTTP credentials, BASIC unless {@code authentication} says
 * DIGEST.
 */
public final class DsapRemoteDriver extends org.apache.calcite.avatica.remote.Driver {
  public static final String PREFIX = "jdbc:dsap:remote:";

  /** Connection defaults; the URL and the caller's properties win over them. */
  public static final Map<String, String> PRESETS = Map.of(
      "serialization", "protobuf",
      "transparent_reconnection", "true",
      "http_connection_timeout", "10000",
      "http_response_timeout", "600000");

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return DsapDriver.driverVersion();
  }

  /** Avatica's JDBC objects, except that a statement's cancel() also stops it on the server. */
  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return "org.apache.calcite.avatica.DsapRemoteFactory";
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    super.createMeta(connection); // makes the HTTP service (and logs in to Kerberos) and sets it
    return new DsapRemoteMeta(connection, connection.getService());
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    String suffix = url.substring(PREFIX.length()).trim();
    // shorthand: jdbc:dsap:remote:http://host:8765[;key=value...]
    if (suffix.regionMatches(true, 0, "http://", 0, 7) || suffix.regionMatches(true, 0, "https://", 0, 8)) {
      suffix = "url=" + suffix;
    }
    Properties props = withPresets(suffix, info);
    AvaticaConnection connection;
    try {
      connection = (AvaticaConnection) super.connect(PREFIX + suffix, props);
    } catch (RuntimeException | SQLException e) {
      throw RemoteErrors.onConnect(ConnectStringParser.parse(suffix, props).getProperty("url"), e);
    }
    // the server parses with lex MYSQL_ANSI; say so to tools that ask (Avatica's client defaults
    // to Oracle's upper-casing, which makes DBeaver upper-case the names it writes)
    connection.properties.put(InternalProperty.CASE_SENSITIVE, false);
    connection.properties.put(InternalProperty.UNQUOTED_CASING, Casing.UNCHANGED);
    connection.properties.put(InternalProperty.QUOTED_CASING, Casing.UNCHANGED);
    connection.properties.put(InternalProperty.QUOTING, Quoting.DOUBLE_QUOTE);
    return connection;
  }

  /**
   * The properties Avatica gets: presets under the caller's, and {@code user}/{@code password}
   * copied to Avatica's credential keys. All of these are Avatica-local keys, so none of them
   * is forwarded to the server as a connection property.
   */
  static Properties withPresets(String suffix, Properties info) throws SQLException {
    Properties props = new Properties();
    PRESETS.forEach(props::setProperty);
    if (info != null) {
      props.putAll(info);
    }
    Properties all = ConnectStringParser.parse(suffix, props);
    String url = all.getProperty("url");
    if (url == null || url.isBlank()) {
      throw new SQLException("jdbc:dsap:remote: needs the server's address, e.g. "
          + "jdbc:dsap:remote:url=http://localhost:8765 (the port `dsap serve` prints)", "08001");
    }
    String user = all.getProperty("avatica_user", all.getProperty("user"));
    String password = all.getProperty("avatica_password", all.getProperty("password"));
    if (user != null && !user.isEmpty()) {
      props.putIfAbsent("avatica_user", user);
      if (password != null) {
        props.putIfAbsent("avatica_password", password);
      }
      if (all.getProperty("authentication") == null) {
        props.setProperty("authentication", "BASIC");
      }
    }
    String auth = all.getProperty("authentication");
    if (auth != null && !auth.isEmpty() && !auth.toUpperCase(Locale.ROOT).matches("BASIC|DIGEST|SPNEGO|NONE")) {
      throw new SQLException("authentication=" + auth + " is not supported; use BASIC or DIGEST", "28000");
    }
    return props;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties with = new Properties();
    PRESETS.forEach(with::setProperty);
    if (info != null) {
      with.putAll(info);
    }
    return super.getPropertyInfo(url, with);
  }
}
