package io.dsap.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.source.ReadMetrics;
import io.dsap.server.DsapServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What DBeaver does with a new connection, step by step, through the shaded jar in an isolated
 * class loader with no JVM flags: embedded ({@code jdbc:dsap:<folder>}) and remote
 * ({@code jdbc:dsap:remote:url=...} against a real server on loopback). Metadata first, the way
 * the navigator and the SQL editor ask for it, then the queries a user runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbeaverSequenceIT {
  static final int BIG_ROWS = 1_000_000;

  Path root;
  DsapServer server;
  ShadedDriver jar;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    root = TestFiles.root(dir, BIG_ROWS);
    server = DsapServer.start(root, 0);
    jar = new ShadedDriver();
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (jar != null) {
      jar.close();
    }
  }

  Connection connect(String mode) throws SQLException {
    String url = mode.equals("remote")
        ? "jdbc:dsap:remote:url=http://127.0.0.1:" + server.port()
        : "jdbc:dsap:" + root;
    return jar.connect(url, new Properties());
  }

  /** Full file scans opened by the engine that serves {@code mode}'s connections. */
  long scans(String mode) throws Exception {
    return mode.equals("remote") ? ReadMetrics.scansOpened() : jar.scansOpenedInJar();
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void navigatorMetadata(String mode) throws Exception {
    try (Connection c = connect(mode)) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("dsap", md.getDatabaseProductName());
      assertEquals("dsap JDBC Driver", md.getDriverName());
      // lex MYSQL_ANSI: names are kept as written and matched in any case
      assertFalse(md.storesUpperCaseIdentifiers(), "DBeaver would upper-case names it writes");
      assertTrue(md.storesMixedCaseIdentifiers());
      assertEquals("\"", md.getIdentifierQuoteString());

      try (ResultSet rs = md.getCatalogs()) {
        assertEquals("TABLE_CAT", rs.getMetaData().getColumnName(1));
        while (rs.next()) {
          rs.getString(1);
        }
      }
      Set<String> schemas = column(md.getSchemas(), "TABLE_SCHEM");
      assertTrue(schemas.containsAll(Set.of("files", "dsap")), "schemas: " + schemas);

      Set<String> tables = column(md.getTables(null, "files", "%", new String[] {"TABLE"}), "TABLE_NAME");
      assertTrue(tables.containsAll(Set.of("orders", "customers", "big", "products")), "tables: " + tables);

      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "files", "orders", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME"));
        }
      }
      assertTrue(columns.contains("order_id:INTEGER") || columns.contains("order_id:BIGINT"), "columns: " + columns);
      assertTrue(columns.contains("order_date:DATE"), "columns: " + columns);

      Set<String> types = column(md.getTypeInfo(), "TYPE_NAME");
      assertTrue(types.containsAll(Set.of("VARCHAR", "INTEGER", "DATE", "DOUBLE")), "types: " + types);

      // autocomplete and the function list: dsap's table functions, remote too
      Set<String> functions = new HashSet<>();
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        while (rs.next()) {
          functions.add(rs.getString("FUNCTION_SCHEM") + "." + rs.getString("FUNCTION_NAME"));
        }
      }
      assertTrue(functions.containsAll(Set.of("files.validate", "files.profile", "files.detect_schema")),
          "functions: " + functions);
      assertEquals(Set.of("files.validate", "files.validation_summary"),
          column(md.getFunctions(null, "files", "valid%"), "FUNCTION_SCHEM", "FUNCTION_NAME"));
      String system = md.getSystemFunctions().toLowerCase(Locale.ROOT);
      assertTrue(system.contains("validate") && system.contains("profile"), "system functions: " + system);

      // keys and indexes: answered with JDBC's columns (rows where keys are known), never an error
      assertHasColumns(md.getPrimaryKeys(null, "files", "orders"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
      assertHasColumns(md.getImportedKeys(null, "files", "orders"), "PKTABLE_NAME", "PKCOLUMN_NAME",
          "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ");
      assertHasColumns(md.getExportedKeys(null, "files", "customers"), "PKTABLE_NAME", "FKTABLE_NAME");
      assertHasColumns(md.getIndexInfo(null, "files", "orders", false, true), "TABLE_NAME", "INDEX_NAME",
          "COLUMN_NAME", "NON_UNIQUE");
      // detected keys, remote too (the server answers them as SQL: dsap.primary_keys and co.)
      Set<String> fks = column(md.getImportedKeys(null, "files", "orders"), "PKTABLE_NAME", "PKCOLUMN_NAME",
          "FKCOLUMN_NAME", "FK_NAME", "KEY_SEQ");
      assertTrue(fks.contains("customers.customer_id.customer_id.detected_fk_orders_customer_id.1"),
          "orders' detected foreign keys: " + fks);
      assertEquals(Set.of("customers.customer_id.1.detected_pk_customers"),
          column(md.getPrimaryKeys(null, "files", "customers"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
      Set<String> exported = column(md.getExportedKeys(null, "files", "customers"), "FKTABLE_NAME", "FKCOLUMN_NAME");
      assertTrue(exported.contains("orders.customer_id"), "customers' exported keys: " + exported);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void resultColumnsWithoutReadingTheFile(String mode) throws Exception {
    try (Connection c = connect(mode); Statement s = c.createStatement()) {
      s.executeQuery("SELECT count(*) FROM big WHERE v < 0").close(); // detection done once, before counting
      long before = scans(mode);
      try (ResultSet rs = s.executeQuery("SELECT * FROM big LIMIT 0")) {
        assertEquals(List.of("id", "v", "label"), labels(rs.getMetaData()));
        assertFalse(rs.next());
      }
      try (PreparedStatement p = c.prepareStatement("SELECT label, sum(v) AS total FROM big WHERE id > ? GROUP BY label")) {
        ResultSetMetaData m = p.getMetaData();
        assertEquals(List.of("label", "total"), labels(m));
        assertEquals(1, p.getParameterMetaData().getParameterCount());
      }
      assertEquals(before, scans(mode), "LIMIT 0 and PreparedStatement.getMetaData() opened no scan of big.csv");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void queriesAUserRuns(String mode) throws Exception {
    try (Connection c = connect(mode)) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT \"line\", check_name, \"value\" FROM validate('orders.csv', NULL, 'quantity > 0')"
              + " WHERE check_name LIKE 'rule:%'")) {
        assertTrue(rs.next(), "the negative quantity is reported");
        assertEquals(91, rs.getLong(1));
        assertEquals("rule:quantity > 0", rs.getString(2));
        assertEquals("-2", rs.getString(3));
        assertFalse(rs.next());
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT status, count(*) AS n FROM orders o "
              + "JOIN customers c ON o.customer_id = c.customer_id GROUP BY status ORDER BY n DESC LIMIT 1")) {
        assertTrue(rs.next());
        assertEquals("delivered", rs.getString(1));
        assertEquals(98, rs.getInt(2));
      }
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM orders WHERE status = ?")) {
        p.setString(1, "delivered");
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(98, rs.getLong(1));
        }
        p.setString(1, "no such status");
        try (ResultSet rs = p.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(0, rs.getLong(1));
        }
      }
      try (Statement s = c.createStatement()) {
        s.setMaxRows(3);
        int n = 0;
        try (ResultSet rs = s.executeQuery("SELECT * FROM orders")) {
          while (rs.next()) {
            n++;
          }
        }
        assertEquals(3, n, "setMaxRows(3)");
      }
      // DBeaver in manual-commit mode
      c.setAutoCommit(false);
      c.commit();
      c.rollback();
    }
  }

  /**
   * Remote, {@code cancel()} reaches the server through dsap's {@code POST /cancel} (Avatica
   * 1.27's protocol has no cancel request); the shaded jar's remote statements send it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"embedded", "remote"})
  void cancelStopsALongQueryWithAClearError(String mode) throws Exception {
    try (Connection c = connect(mode); Statement s = c.createStatement()) {
      long before = scans(mode);
      CompletableFuture<Long> query = CompletableFuture.supplyAsync(() -> {
        try (ResultSet rs = s.executeQuery(
            "SELECT count(DISTINCT label || CAST(v AS VARCHAR) || CAST(MOD(id, 7) AS VARCHAR)) FROM big")) {
          rs.next();
          return rs.getLong(1);
        } catch (SQLException e) {
          throw new RuntimeException(e);
        }
      });
      while (scans(mode) == before && !query.isDone()) {
        Thread.sleep(5); // wait until the engine is reading big.csv
      }
      boolean runningWhenCancelled = !query.isDone();
      s.cancel();
      ExecutionException e = assertThrows(ExecutionException.class, () -> query.get(5, TimeUnit.MINUTES),
          "a cancelled query must not return a (partial) count; still running when cancelled: "
              + runningWhenCancelled + ", scans " + before + " -> " + scans(mode));
      Throwable cause = e.getCause().getCause();
      assertTrue(cause instanceof SQLException, String.valueOf(cause));
      assertTrue(cause.getMessage().toLowerCase(Locale.ROOT).contains("cancel"), cause.getMessage());
      // the connection stays usable
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM customers")) {
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) > 0);
      }
    }
  }

  static Set<String> column(ResultSet rs, String... names) throws SQLException {
    Set<String> out = new HashSet<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
          b.append(b.length() == 0 ? "" : ".").append(rs.getString(n));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  static List<String> labels(ResultSetMetaData m) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      out.add(m.getColumnLabel(i));
    }
    return out;
  }

  static void assertHasColumns(ResultSet rs, String... names) throws SQLException {
    try (rs) {
      Set<String> have = new HashSet<>(labels(rs.getMetaData()));
      for (String n : names) {
        assertTrue(have.contains(n), n + " in " + have);
      }
      while (rs.next()) {
        assertTrue(rs.getString(names[0]) != null, names[0] + " is filled in every row");
      }
    }
  }
}
