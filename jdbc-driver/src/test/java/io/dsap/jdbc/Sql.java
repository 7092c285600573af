package io.dsap.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs a query and returns its rows as lists of strings (NULL as "null"). */
final class Sql {
  private Sql() {}

  static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<String>> rows(ResultSet rs) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(String.valueOf(rs.getObject(i)));
      }
      out.add(row);
    }
    return out;
  }

  static String scalar(Connection c, String sql) throws SQLException {
    List<List<String>> r = rows(c, sql);
    if (r.size() != 1 || r.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + r);
    }
    return r.get(0).get(0);
  }
}
