package io.dsap.cli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/** Rows made in the CLI (not by a query) as a ResultSet, so they print through the same --format writers. */
final class Rows {
  private Rows() {}

  /** Text columns named {@code columns}; a null cell stays NULL. */
  static ResultSet of(List<String> columns, List<String[]> rows) throws SQLException {
    RowSetMetaDataImpl md = new RowSetMetaDataImpl();
    md.setColumnCount(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      md.setColumnName(i + 1, columns.get(i));
      md.setColumnLabel(i + 1, columns.get(i));
      md.setColumnType(i + 1, Types.VARCHAR);
      md.setColumnTypeName(i + 1, "VARCHAR");
      md.setNullable(i + 1, java.sql.ResultSetMetaData.columnNullable);
    }
    CachedRowSet rs = RowSetProvider.newFactory().createCachedRowSet();
    rs.setMetaData(md);
    for (String[] row : rows) {
      rs.last(); // CachedRowSet inserts after the current row: keep the given order
      rs.moveToInsertRow();
      for (int i = 0; i < columns.size(); i++) {
        if (row[i] == null) {
          rs.updateNull(i + 1);
        } else {
          rs.updateString(i + 1, row[i]);
        }
      }
      rs.insertRow();
      rs.moveToCurrentRow();
    }
    rs.beforeFirst();
    return rs;
  }
}
