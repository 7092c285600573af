package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * detect_relationships() and the detected keys in DatabaseMetaData (what DBeaver's ER diagram
 * reads), on generated files with a known foreign key, through real JDBC connections.
 */
class RelationshipsTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  /**
   * sales/customers.csv: customer_id 1..30 (the key), email unique too, segment repeats.
   * sales/orders.csv: order_id 100.., customer_id cycles over all 30 (the foreign key), line 1..3.
   * notes.csv at the root: note_id 1..5, not under sales/.
   */
  static Path shop(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sales"));
    StringBuilder customers = new StringBuilder("customer_id,email,segment\n");
    for (int i = 1; i <= 30; i++) {
      customers.append(i).append(",u").append(i).append("@example.com,").append(i % 3 == 0 ? "b2b" : "b2c").append('\n');
    }
    StringBuilder orders = new StringBuilder("order_id,customer_id,line\n");
    for (int i = 0; i < 90; i++) {
      orders.append(100 + i).append(',').append(i % 30 + 1).append(',').append(i % 3 + 1).append('\n');
    }
    Files.writeString(dir.resolve("sales/customers.csv"), customers);
    Files.writeString(dir.resolve("sales/orders.csv"), orders);
    Files.writeString(dir.resolve("notes.csv"), "note_id,text\n1,a\n2,b\n3,c\n4,d\n5,e\n");
    return dir;
  }

  @Test
  void detectRelationshipsFindsTheForeignKeyOfAFolder(@TempDir Path dir) throws Exception {
    shop(dir);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> rows = Sql.rows(c, "SELECT fk_table, fk_column, pk_table, pk_column, coverage_pct,"
          + " fk_distinct, matched, pk_distinct, name_match FROM detect_relationships('sales') WHERE name_match");
      assertEquals(List.of(List.of("sales/orders", "customer_id", "sales/customers", "customer_id", "100.0", "30", "30",
          "30", "true")), rows);
      // line (1..3) is inside customer_id's values too: listed, flagged as a likely coincidence
      List<List<String>> other = Sql.rows(c, "SELECT fk_column, remarks FROM detect_relationships('sales')"
          + " WHERE NOT name_match");
      assertEquals(List.of(List.of("line", "all 3 distinct values are keys of sales/customers.customer_id;"
          + " the names do not match: the inclusion may be a coincidence")), other);
      // the root holds notes too: its note_id 1..5 lands in customer_id 1..30, and line 1..3 in note_id
      assertEquals("4", Sql.scalar(c, "SELECT count(*) FROM detect_relationships('.')"));
      assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM detect_relationships(dir => 'sales', min_coverage => 100)"
          + " WHERE name_match"));
      SQLException outside = assertThrows(SQLException.class, () -> Sql.rows(c, "SELECT * FROM detect_relationships('..')"));
      assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
      SQLException notDir = assertThrows(SQLException.class,
          () -> Sql.rows(c, "SELECT * FROM detect_relationships('notes.csv')"));
      assertTrue(notDir.getMessage().contains("a folder under the data root"), notDir.getMessage());
    }
  }

  @Test
  void ordersReferToCustomersInTheExamples() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      assertEquals(List.of(List.of("customers", "customer_id", "100.0", "true")), Sql.rows(c,
          "SELECT pk_table, pk_column, coverage_pct, name_match FROM detect_relationships('.')"
              + " WHERE fk_table = 'orders' AND fk_column = 'customer_id'"));
    }
  }

  @Test
  void theExamplesDrawOrdersToCustomers() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals("customer_id", pk(md, "customers").get(0).get(2));
      List<List<String>> imported = keys(md.getImportedKeys(null, "files", "orders"));
      assertEquals(List.of(
          List.of("files", "customers", "customer_id", "files", "orders", "customer_id", "1",
              "detected_fk_orders_customer_id", "detected_pk_customers"),
          List.of("files", "targets$Countries", "code", "files", "orders", "country", "1",
              "detected_fk_orders_country", "detected_pk_targets$Countries")), imported);
    }
  }

  @Test
  void metadataReportsDetectedKeysForErDiagrams(@TempDir Path dir) throws Exception {
    shop(dir);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(List.of("files", "sales/customers", "customer_id", "1", "detected_pk_sales/customers")),
          pk(md, "sales/customers"));
      assertEquals(List.of(List.of("files", "sales/orders", "order_id", "1", "detected_pk_sales/orders")),
          pk(md, "sales/orders"));
      List<String> fk = List.of("files", "sales/customers", "customer_id", "files", "sales/orders", "customer_id", "1",
          "detected_fk_sales/orders_customer_id", "detected_pk_sales/customers");
      assertEquals(List.of(fk), keys(md.getImportedKeys(null, "files", "sales/orders")));
      assertEquals(List.of(fk), keys(md.getExportedKeys(null, "files", "sales/customers")));
      // notes.note_id (1..5) is inside customer_id's values, but the names do not say so: not a foreign key here
      assertEquals(List.of(), keys(md.getImportedKeys(null, "files", "notes")));
      assertEquals(List.of(), keys(md.getExportedKeys(null, "files", "sales/orders")));
      assertEquals(List.of(), pk(md, "no_such_table"));
      assertEquals(List.of(), keys(md.getImportedKeys(null, "dsap", "schemas")));
    }
  }

  @Test
  void filesOverTheSizeCapGetNoKeys(@TempDir Path dir) throws Exception {
    shop(dir);
    long customers = Files.size(dir.resolve("sales/customers.csv"));
    Properties p = new Properties();
    p.setProperty("metadata_keys_max_bytes", Long.toString(customers)); // orders.csv is larger
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir, p)) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(1, pk(md, "sales/customers").size());
      assertEquals(List.of(), pk(md, "sales/orders"));
      assertEquals(List.of(), keys(md.getImportedKeys(null, "files", "sales/orders")));
    }
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir + ";metadata_keys_max_bytes=0")) {
      assertEquals(List.of(), pk(c.getMetaData(), "sales/customers"));
    }
    SQLException bad = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:dsap:" + dir + ";metadata_keys_max_bytes=lots"));
    assertTrue(bad.getMessage().contains("metadata_keys_max_bytes"), bad.getMessage());
  }

  @Test
  void columnRemarksSayHowEachTypeWasDetected(@TempDir Path dir) throws Exception {
    Files.copy(EXAMPLES.resolve("customers.csv"), dir.resolve("customers.csv"));
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      String before = remarks(c, "postal_code");
      assertTrue(before.startsWith("detected VARCHAR: "), before);
      assertFalse(before.contains("semantic"), "no full detection has run yet: " + before);
      Sql.rows(c, "SELECT * FROM detect_schema('customers.csv')");
      String after = remarks(c, "postal_code");
      assertTrue(after.startsWith(before + "; semantic type postal_code (100.0% match); flags leading_zeros; quality 1.0"),
          after);
      assertTrue(remarks(c, "email").contains("; semantic type email (93.8% match)"), remarks(c, "email"));
    }
  }

  @Test
  void approximateTopValueCountsSaySo(@TempDir Path dir) throws Exception {
    // 70,000 distinct values (past the exact limit of 65,536), and "7" 30,000 times more
    StringBuilder csv = new StringBuilder("v\n");
    for (int i = 0; i < 70_000; i++) {
      csv.append('k').append(i).append('\n');
    }
    for (int i = 0; i < 30_000; i++) {
      csv.append("k7\n");
    }
    Files.writeString(dir.resolve("big.csv"), csv);
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + dir)) {
      List<List<String>> r = Sql.rows(c, "SELECT top_values, top_values_exact FROM profile('big.csv')");
      String top = r.get(0).get(0);
      assertEquals("false", r.get(0).get(1));
      com.fasterxml.jackson.databind.JsonNode first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(top).get(0);
      assertEquals("k7", first.get("value").asText());
      assertTrue(first.get("approximate").asBoolean(), top);
      assertTrue(first.get("count_min").asLong() <= 30_001 && 30_001 <= first.get("count_max").asLong(), top);
    }
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      String exact = Sql.scalar(c, "SELECT top_values FROM profile('orders.csv') WHERE column_name = 'status'");
      assertFalse(exact.contains("approximate"), exact);
    }
  }

  private static String remarks(Connection c, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, "files", "customers", column)) {
      assertTrue(rs.next());
      return rs.getString("REMARKS");
    }
  }

  private static List<List<String>> pk(DatabaseMetaData md, String table) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (ResultSet rs = md.getPrimaryKeys(null, "files", table)) {
      while (rs.next()) {
        out.add(List.of(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
            Short.toString(rs.getShort("KEY_SEQ")), rs.getString("PK_NAME")));
      }
    }
    return out;
  }

  private static List<List<String>> keys(ResultSet rs) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(List.of(rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"),
            rs.getString("FKTABLE_SCHEM"), rs.getString("FKTABLE_NAME"), rs.getString("FKCOLUMN_NAME"),
            Short.toString(rs.getShort("KEY_SEQ")), rs.getString("FK_NAME"), rs.getString("PK_NAME")));
      }
    }
    return out;
  }
}
