package io.dsap.cli.report;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a SQL result, keyed by column label (lower case), with the values as the driver returned them: the
 * report shows the numbers a user gets from the same query.
 */
public final class SqlRow {
  private final Map<String, Object> values;

  private SqlRow(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Reads every row of {@code rs}. */
  static List<SqlRow> readAll(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<SqlRow> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(read(rs, md));
    }
    return rows;
  }

  /** Reads the current row of {@code rs}. */
  static SqlRow read(ResultSet rs, ResultSetMetaData md) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      values.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
    }
    return new SqlRow(values);
  }

  /** Every column, in result order. */
  public Map<String, Object> values() {
    return values;
  }

  /** The value as text, or null. */
  public String text(String column) {
    Object v = values.get(column);
    return v == null ? null : v.toString();
  }

  /** The value as a number, or null (also for a column the row lacks). */
  public Double number(String column) {
    Object v = values.get(column);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return v == null ? null : Double.valueOf(v.toString());
  }

  /** The value as a count, or null. */
  public Long count(String column) {
    Object v = values.get(column);
    if (v instanceof Number n) {
      return n.longValue();
    }
    return v == null ? null : Long.valueOf(v.toString());
  }

  /** The value as a boolean, or null. */
  public Boolean bool(String column) {
    Object v = values.get(column);
    if (v instanceof Boolean b) {
      return b;
    }
    return v == null ? null : Boolean.valueOf(v.toString());
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
