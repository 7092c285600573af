package io.dsap.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Run in a child JVM by {@link ValidationPluginTest}: prints what {@code validate()} returns for a
 * schema that uses a plugin check, or the statement's error when the plugin is not installed.
 */
public final class ValidationPluginProbe {
  private ValidationPluginProbe() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + args[0])) {
      try {
        System.out.println("issues=" + Sql.rows(c, "SELECT line, column_name, check_name, severity, \"value\","
            + " expected, message FROM validate('accounts.csv', 'accounts.schema.yaml')"));
        System.out.println("summary=" + Sql.rows(c, "SELECT check_name, checked, failed, status"
            + " FROM validation_summary('accounts.csv', 'accounts.schema.yaml') WHERE check_name = 'iban'"));
      } catch (SQLException e) {
        System.out.println("error=" + e.getMessage());
      }
    }
  }
}
