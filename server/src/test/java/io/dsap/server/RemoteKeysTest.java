package io.dsap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.server.remote.TestFiles;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remote getPrimaryKeys/getImportedKeys/getExportedKeys give the embedded driver's rows, column for column. */
class RemoteKeysTest {
  @Test
  void remoteKeysAreTheEmbeddedKeys() throws Exception {
    try (DsapServer server = DsapServer.start(TestFiles.examples(), 0);
        Connection remote = DriverManager.getConnection("jdbc:dsap:remote:url=http://127.0.0.1:" + server.port());
        Connection embedded = DriverManager.getConnection("jdbc:dsap:" + TestFiles.examples())) {
      DatabaseMetaData r = remote.getMetaData();
      DatabaseMetaData e = embedded.getMetaData();
      List<String> imported = rows(r.getImportedKeys(null, "files", "orders"));
      assertTrue(imported.stream().anyMatch(row -> row.startsWith("null|files|customers|customer_id|null|files|orders"
          + "|customer_id|1|")), "orders imports customers.customer_id: " + imported);
      for (String table : List.of("orders", "customers", "ORDERS", "no_such_table")) {
        assertEquals(rows(e.getPrimaryKeys(null, "files", table)), rows(r.getPrimaryKeys(null, "files", table)), table);
        assertEquals(rows(e.getImportedKeys(null, "files", table)), rows(r.getImportedKeys(null, "files", table)),
            table);
        assertEquals(rows(e.getExportedKeys(null, "files", table)), rows(r.getExportedKeys(null, "files", table)),
            table);
      }
      assertEquals(List.of("null|files|customers|customer_id|1|detected_pk_customers"),
          data(r.getPrimaryKeys(null, "files", "customers")));
      assertFalse(data(r.getExportedKeys(null, null, "customers")).isEmpty(), "a null schema means any schema");
      assertTrue(data(r.getPrimaryKeys(null, "dsap", "files")).isEmpty(), "system tables have no detected keys");

      // the SQL docs/server.md shows
      List<String> sql = data(remote.createStatement().executeQuery("SELECT pktable_name, pkcolumn_name,"
          + " fkcolumn_name, fk_name FROM dsap.imported_keys('files', 'orders')"));
      assertTrue(sql.contains("customers|customer_id|customer_id|detected_fk_orders_customer_id"), "rows: " + sql);
      // a table argument names a table, never a path
      for (String trick : List.of("../secret", "/etc/passwd", "orders.csv", "")) {
        assertTrue(data(r.getPrimaryKeys(null, "files", trick)).isEmpty(), trick);
        assertTrue(data(r.getImportedKeys(null, "files", trick)).isEmpty(), trick);
      }
    }
  }

  static List<String> data(ResultSet rs) throws SQLException {
    List<String> all = rows(rs);
    return all.subList(0, all.size() - 1);
  }

  /** Each row's values joined by |, then a last line with the column labels and JDBC types. */
  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      ResultSetMetaData m = rs.getMetaData();
      StringBuilder header = new StringBuilder("#");
      for (int i = 1; i <= m.getColumnCount(); i++) {
        header.append(m.getColumnLabel(i)).append(':').append(m.getColumnType(i)).append(' ');
      }
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(b.toString());
      }
      out.add(header.toString());
    }
    return out;
  }
}
