package io.dsap.cli.format;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A result column: its label and JDBC type ({@link Types}).
 *
 * @param label    the column label (the name a query gave it)
 * @param jdbcType the {@link Types} code
 */
record Column(String label, int jdbcType) {

  /** Returns the columns of a result, in order. */
  static List<Column> of(ResultSetMetaData metaData) throws SQLException {
    List<Column> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(new Column(metaData.getColumnLabel(i), metaData.getColumnType(i)));
    }
    return columns;
  }

  /** Returns whether values are numbers (right-aligned in a table, JSON numbers). */
  boolean isNumeric() {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
          Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }
}
