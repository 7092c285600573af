package io.dsap.jdbc;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.ConnectStringParser;

/**
 * Parses {@code jdbc:dsap:} URLs. Two forms: a folder path, optionally followed by
 * {@code ;key=value} pairs ({@code jdbc:dsap:/data;header=true}), or only pairs
 * ({@code jdbc:dsap:root=/data;header=true}). Properties given in the URL win over those passed
 * to {@code connect}.
 */
final class ConnectionUrl {
  private ConnectionUrl() {}

  static Properties parse(String suffix, Properties info) throws SQLException {
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    String s = suffix.trim();
    if (s.isEmpty()) {
      return props;
    }
    int semi = s.indexOf(';');
    String first = semi < 0 ? s : s.substring(0, semi);
    if (first.matches("[A-Za-z_.]+=.*")) {
      return ConnectStringParser.parse(s, props);
    }
    props.setProperty(DsapProperty.ROOT.key(), first);
    return semi < 0 ? props : ConnectStringParser.parse(s.substring(semi + 1), props);
  }
}
