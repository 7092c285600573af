package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.source.ReadMetrics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded driver end to end: real files, a real JDBC connection through DriverManager. */
class DriverTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES);
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void identifiesItselfAsDsap() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    assertEquals("dsap", md.getDatabaseProductName());
    assertEquals("dsap JDBC Driver", md.getDriverName());
    assertEquals(DsapDriver.VERSION, md.getDriverVersion());
    assertEquals("\"", md.getIdentifierQuoteString());
    assertEquals("files", c.getSchema());
    assertTrue(DriverManager.getDriver("jdbc:dsap:/x") instanceof DsapDriver);
  }

  @Test
  void everyCsvFileIsATableWithTypedColumns() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, "files", "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
      }
    }
    tables.sort(null);
    assertTrue(tables.containsAll(List.of("customers:TABLE", "orders:TABLE", "products.parquet:TABLE", "products.xml:TABLE", "targets:TABLE",
        "targets$Targets:TABLE", "targets$Countries:TABLE")), tables.toString());
    Map<String, Integer> types = new HashMap<>();
    Map<String, String> typeNames = new HashMap<>();
    try (ResultSet rs = md.getColumns(null, "files", "orders", "%")) {
      while (rs.next()) {
        types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        typeNames.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
      }
    }
    assertEquals(Types.INTEGER, types.get("order_id"));
    assertEquals(Types.DATE, types.get("order_date"));
    assertEquals(Types.DECIMAL, types.get("unit_price"));
    assertEquals(Types.VARCHAR, types.get("status"));
    assertEquals(10, types.size());
    try (ResultSet rs = md.getColumns(null, "files", "customers", "postal_code")) {
      assertTrue(rs.next());
      assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"), "zero-padded postal codes stay text");
    }
  }

  @Test
  void selectFilterGroupAndJoin() throws SQLException {
    assertEquals("237", Sql.scalar(c, "SELECT count(*) FROM orders"));
    assertEquals(List.of(List.of("delivered", "98"), List.of("shipped", "49"), List.of("paid", "34"),
            List.of("pending", "25"), List.of("cancelled", "19"), List.of("returned", "12")),
        Sql.rows(c, "SELECT status, count(*) AS n FROM orders GROUP BY status ORDER BY n DESC, status"));
    // unquoted names in any case resolve (lex=MYSQL_ANSI)
    assertEquals("98", Sql.scalar(c, "SELECT COUNT(*) FROM ORDERS WHERE Status = 'delivered'"));
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT order_id, order_date, unit_price, notes FROM orders WHERE order_id = 1001")) {
      assertTrue(rs.next());
      assertEquals(1001, rs.getInt(1));
      assertEquals(Date.valueOf("2024-01-03"), rs.getDate(2));
      assertEquals(new BigDecimal("24.95"), rs.getBigDecimal(3));
      assertEquals("Gift order", rs.getString(4));
      assertFalse(rs.next());
    }
    List<List<String>> joined = Sql.rows(c, "SELECT c.postal_code, count(*) FROM orders o "
        + "JOIN customers c ON o.customer_id = c.customer_id "
        + "WHERE c.postal_code LIKE '0%' GROUP BY c.postal_code ORDER BY 2 DESC, 1 LIMIT 3");
    assertEquals(3, joined.size());
    assertTrue(joined.get(0).get(0).startsWith("0"), "postal codes keep their leading zero: " + joined);
    // every order's customer exists: the join loses nothing
    assertEquals(Sql.scalar(c, "SELECT count(*) FROM orders"),
        Sql.scalar(c, "SELECT count(*) FROM orders o JOIN customers c ON o.customer_id = c.customer_id"));
  }

  @Test
  void scansThatRejectRowsAreJournaledForTheClient() throws SQLException {
    io.dsap.engine.calcite.FilesSchema files = c.unwrap(org.apache.calcite.jdbc.CalciteConnection.class)
        .getRootSchema().subSchemas().get("files").unwrap(io.dsap.engine.calcite.FilesSchema.class);
    files.journal().drain();
    assertEquals("48", Sql.scalar(c, "SELECT count(*) FROM customers"));
    assertTrue(files.journal().drain().isEmpty(), "clean file: nothing to report");
    assertEquals("237", Sql.scalar(c, "SELECT count(*) FROM orders"));
    List<io.dsap.engine.rejects.ScanJournal.Entry> entries = files.journal().drain();
    assertEquals(1, entries.size());
    assertEquals("orders.csv", entries.get(0).file());
    assertEquals(240, entries.get(0).recordsRead());
    assertEquals(3, entries.get(0).rowsRejected());
    assertEquals(43, entries.get(0).firstReject().line());
  }

  @Test
  void scansReadOnlyTheColumnsAQueryUses() throws SQLException {
    String count = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT count(*) FROM orders");
    // count(*) is counted in the scan: no column read, no row handed to Calcite
    assertTrue(count.contains("FileCountScan(table=[[files, orders]], count=[1])"), count);
    assertFalse(count.contains("FileTableScan"), count);
    String filtered = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT count(*) FROM orders WHERE quantity > 2");
    assertTrue(filtered.contains("fields=[[5]]"), filtered);
    String grouped = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT status, max(quantity) FROM orders GROUP BY status");
    assertTrue(grouped.contains("fields=[[4, 5]]"), grouped);
    String projected = Sql.scalar(c, "EXPLAIN PLAN FOR SELECT notes, order_id FROM orders");
    assertTrue(projected.contains("fields=[[9, 0]]"), projected);
  }

  @Test
  void countPushedIntoTheScanEqualsCountingTheRows() throws SQLException {
    // sum(1) is not pushed: Calcite counts the rows the scan hands it; rejected records are not rows
    assertEquals(Sql.scalar(c, "SELECT sum(1) FROM orders"), Sql.scalar(c, "SELECT count(*) FROM orders"));
    assertEquals("237,237", String.join(",", Sql.rows(c, "SELECT count(*), count(*) FROM orders").get(0)));
    assertEquals("0", Sql.scalar(c, "SELECT count(*) FROM orders WHERE 1 = 0"));
  }

  @Test
  void quotedNewlinesAndCommasSurvive() throws SQLException {
    List<List<String>> notes = Sql.rows(c, "SELECT notes FROM orders WHERE notes LIKE '%' || CHR(10) || '%'");
    assertEquals(2, notes.size(), "two notes hold a line break inside quotes");
  }

  @Test
  void limitZeroAndPreparedMetadataDoNotScanTheFile() throws Exception {
    Path big = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(big)) {
      w.write("id,name,amount\n");
      for (int i = 0; i < 200_000; i++) {
        w.write(i + ",name " + i + "," + (i % 1000) + ".50\n");
      }
    }
    try (Connection conn = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      long scans = ReadMetrics.scansOpened();
      long sampled = ReadMetrics.bytesSampled();
      try (PreparedStatement ps = conn.prepareStatement("SELECT id, amount FROM big WHERE amount > ?")) {
        ResultSetMetaData md = ps.getMetaData();
        assertEquals(2, md.getColumnCount());
        assertEquals(Types.INTEGER, md.getColumnType(1));
        assertEquals(Types.DECIMAL, md.getColumnType(2));
      }
      try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM big LIMIT 0")) {
        assertEquals(3, rs.getMetaData().getColumnCount());
        assertFalse(rs.next());
      }
      assertEquals(scans, ReadMetrics.scansOpened(), "no scan was opened");
      assertTrue(ReadMetrics.bytesSampled() - sampled < Files.size(big),
          "detection read a sample, not the file");
      assertEquals("200000", Sql.scalar(conn, "SELECT count(*) FROM big"));
      assertEquals(scans + 1, ReadMetrics.scansOpened());
    }
  }

  @Test
  void preparedStatementWithParameter() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders WHERE status = ? AND quantity > ?")) {
      ps.setString(1, "shipped");
      ps.setInt(2, 1);
      assertEquals(List.of(List.of(Sql.scalar(c,
          "SELECT count(*) FROM orders WHERE status = 'shipped' AND quantity > 1"))), Sql.rows(ps.executeQuery()));
    }
  }

  @Test
  void commitAndRollbackAreHarmlessNoOps() throws SQLException {
    c.setAutoCommit(false);
    assertEquals("237", Sql.scalar(c, "SELECT count(*) FROM orders"));
    c.commit();
    c.rollback();
  }

  @Test
  void readCsvAppliesNamedOptions() throws Exception {
    Files.writeString(dir.resolve("data.txt.csv"), "# exported\nzip;qty;day\n00501;1;05/01/2024\n10001;NA;06/01/2024\n");
    try (Connection conn = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(conn, "SELECT * FROM read_csv(path => 'data.txt.csv', skip => 1, "
          + "delimiter => ';', nullstr => 'NA', types => 'day:DATE(MM/dd/yyyy)')");
      assertEquals(List.of(List.of("00501", "1", "2024-05-01"), List.of("10001", "null", "2024-06-01")), rows);
      assertEquals(List.of(List.of("0", "00501")), Sql.rows(conn,
          "SELECT count(*) - 2 AS d, min(zip) FROM read_csv('data.txt.csv', ';', NULL, NULL, NULL, 1)"));
      // positional first, then named: the DuckDB habit works
      assertEquals("2", Sql.scalar(conn, "SELECT count(*) FROM read_csv('data.txt.csv', skip => 1, delimiter => ';')"));
      SQLException mixed = assertThrows(SQLException.class,
          () -> Sql.rows(conn, "SELECT * FROM read_csv(skip => 1, 'data.txt.csv')"));
      assertTrue(message(mixed).contains("mixes positional and named arguments"), message(mixed));
      ResultSet all = conn.createStatement().executeQuery(
          "SELECT * FROM read_csv(path => 'data.txt.csv', skip => 1, all_varchar => true)");
      assertEquals(Types.VARCHAR, all.getMetaData().getColumnType(2));
      all.close();
    }
  }

  @Test
  void fileInfoDescribesTheDetectionAndItsReadStatementReproducesIt() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM file_info('orders.csv')")) {
      assertTrue(rs.next());
      assertEquals("orders.csv", rs.getString("path"));
      assertEquals("csv", rs.getString("format"));
      assertEquals(",", rs.getString("delimiter"));
      assertTrue(rs.getBoolean("header"));
      assertEquals(237, rs.getLong("row_count"));
      assertEquals(3, rs.getLong("rejected_rows"));
      assertEquals(10, rs.getInt("column_count"));
      assertTrue(rs.getLong("size_bytes") > 10_000);
      String read = rs.getString("read_statement");
      assertTrue(read.startsWith("SELECT * FROM read_csv(path => 'orders.csv'"), read);
      try (Statement s2 = c.createStatement(); ResultSet again = s2.executeQuery(read);
          ResultSet direct = c.createStatement().executeQuery("SELECT * FROM orders")) {
        ResultSetMetaData a = again.getMetaData();
        ResultSetMetaData b = direct.getMetaData();
        for (int i = 1; i <= b.getColumnCount(); i++) {
          assertEquals(b.getColumnName(i), a.getColumnName(i));
          assertEquals(b.getColumnType(i), a.getColumnType(i), b.getColumnName(i));
          assertEquals(b.getScale(i), a.getScale(i), b.getColumnName(i));
        }
        assertEquals(Sql.rows(direct), Sql.rows(again));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT row_count FROM file_info(?)")) {
      ps.setString(1, "customers.csv");
      assertEquals(List.of(List.of("48")), Sql.rows(ps.executeQuery()));
    }
  }

  @Test
  void tableNamesFollowPathsAndClashesAreResolved() throws Exception {
    Files.createDirectories(dir.resolve("sales/2024"));
    Files.writeString(dir.resolve("sales/2024/orders.csv"), "id\n1\n2\n");
    Files.writeString(dir.resolve("items.csv"), "id\n1\n");
    Files.writeString(dir.resolve("items.tsv"), "id\tx\n1\t2\n2\t3\n");
    Files.writeString(dir.resolve(".hidden.csv"), "id\n1\n");
    try (Connection conn = DriverManager.getConnection("jdbc:dsap:root=" + dir)) {
      assertEquals("2", Sql.scalar(conn, "SELECT count(*) FROM \"sales/2024/orders\""));
      assertEquals("1", Sql.scalar(conn, "SELECT count(*) FROM \"items.csv\""));
      assertEquals("2", Sql.scalar(conn, "SELECT count(*) FROM \"items.tsv\""));
      List<String> names = new ArrayList<>();
      try (ResultSet rs = conn.getMetaData().getTables(null, "files", "%", null)) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      names.sort(null);
      assertEquals(List.of("items.csv", "items.tsv", "sales/2024/orders"), names);
      // a new file is picked up by the next statement
      Files.writeString(dir.resolve("late.csv"), "a,b\n1,2\n");
      assertEquals("1", Sql.scalar(conn, "SELECT count(*) FROM late"));
    }
  }

  @Test
  void clearErrorsNameThePathAndTheFix() throws Exception {
    Path missing = dir.resolve("nope");
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:dsap:" + missing));
    assertTrue(e.getMessage().contains("data root '" + missing + "' does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("jdbc:dsap:/path/to/folder"), e.getMessage());

    e = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM read_csv('missing.csv')"));
    assertTrue(message(e).contains("file 'missing.csv' not found"), message(e));

    e = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM read_csv('../pom.xml')"));
    assertTrue(message(e).contains("is outside the data root"), message(e));

    e = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM file_info('/etc/passwd')"));
    assertTrue(message(e).contains("is outside the data root"), message(e));

    Files.createDirectories(dir.resolve("folder.csv"));
    try (Connection conn = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      e = assertThrows(SQLException.class, () -> Sql.rows(conn, "SELECT * FROM read_csv('folder.csv')"));
      assertTrue(message(e).contains("a file, but this is a folder"), message(e));
      Path secret = dir.resolve("secret.csv");
      Files.writeString(secret, "a\n1\n");
      Files.setPosixFilePermissions(secret, java.util.Set.of());
      if (!Files.isReadable(secret)) { // root reads everything: then there is nothing to test
        e = assertThrows(SQLException.class, () -> Sql.rows(conn, "SELECT * FROM read_csv('secret.csv')"));
        assertTrue(message(e).contains("cannot be read"), message(e));
        assertTrue(message(e).contains("permissions"), message(e));
      }
    }
  }

  @Test
  void connectionPropertiesOverrideDetectionForEveryFile() throws Exception {
    Files.writeString(dir.resolve("n.csv"), "1,2\n3,4\n");
    try (Connection conn = DriverManager.getConnection("jdbc:dsap:" + dir + ";header=true;all_varchar=true")) {
      ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM n");
      assertEquals("1", rs.getMetaData().getColumnName(1));
      assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
      assertEquals(List.of(List.of("3", "4")), Sql.rows(rs));
    }
  }

  static String message(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause()) {
      s.append(x.getMessage()).append(" | ");
    }
    assertNotNull(t);
    return s.toString();
  }
}
