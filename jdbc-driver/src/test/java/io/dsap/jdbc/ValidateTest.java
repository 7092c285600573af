package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate(), validation_summary(), suggest_rules(), the registry functions, end to end over JDBC. */
class ValidateTest {
  static final String ORDERS_SCHEMA = String.join("\n",
      "columns:",
      "  - {name: order_id, type: INTEGER, nullable: false, unique: true}",
      "  - {name: customer_id, type: INTEGER, nullable: false}",
      "  - {name: order_date, type: DATE, format: yyyy-MM-dd, nullable: false}",
      "  - {name: ship_date, type: DATE, format: yyyy-MM-dd}",
      "  - {name: status, allowed_values: [pending, paid, shipped, delivered, cancelled, returned]}",
      "  - {name: quantity, type: INTEGER, min: 1, max: 10}",
      "  - {name: unit_price, type: 'DECIMAL(18,2)', nullable: false}",
      "  - {name: discount, min: 0, max: 0.5}",
      "  - {name: country, nullable: false, pattern: '[A-Z]{2}'}",
      "  - {name: notes, max_length: 200}",
      "rules:",
      "  - {name: ship_after_order, check: ship_date >= order_date}",
      "  - {name: shipped_has_date, check: \"status NOT IN ('shipped','delivered','returned') OR ship_date IS NOT NULL\"}",
      "foreign_keys:",
      "  - {column: customer_id, references: customers.csv}",
      "");

  @TempDir
  Path dir;

  private Path data() throws IOException {
    Path d = Files.createDirectories(dir.resolve("data"));
    for (String f : List.of("orders.csv", "customers.csv")) {
      Files.copy(SqlReferenceDocTest.EXAMPLES.resolve(f), d.resolve(f));
    }
    Files.writeString(d.resolve("orders.schema.yaml"), ORDERS_SCHEMA);
    return d;
  }

  private static List<String> pairs(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<String> r : Sql.rows(c, sql)) {
      out.add(r.get(0) + " " + r.get(1) + (r.size() > 2 ? " " + r.get(2) : ""));
    }
    return out;
  }

  @Test
  void everyPlantedFaultOfOrdersIsFoundAndNothingElse() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      assertEquals(List.of(
          "43 parse order_date",
          "65 rule:shipped_has_date status",
          "91 range quantity",
          "100 not_null unit_price",
          "122 rule:shipped_has_date status",
          "137 not_null country",
          "153 parse order_date",
          "170 rule:ship_after_order ship_date",
          "179 not_null unit_price",
          "204 rule:shipped_has_date status",
          "213 not_null country",
          "235 parse order_date"),
          pairs(c, "SELECT line, check_name, column_name FROM validate('orders.csv', 'orders.schema.yaml')"));
      // row_number counts records, not lines: record 18 and 74 span two lines each
      assertEquals(List.of(List.of("43", "41"), List.of("235", "232")),
          Sql.rows(c, "SELECT line, \"row_number\" FROM validate('orders.csv', 'orders.schema.yaml')"
              + " WHERE check_name = 'parse' AND line IN (43, 235)"));
    }
  }

  @Test
  void withoutASchemaDetectionAndBuiltInChecksFlagOnlyTheOddOnesOut() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      assertEquals(List.of("43 parse order_date", "100 not_null unit_price", "137 not_null country",
          "153 parse order_date", "179 not_null unit_price", "213 not_null country", "235 parse order_date"),
          pairs(c, "SELECT line, check_name, column_name FROM validate('orders.csv')"));
      assertEquals(List.of("8 semantic email", "20 semantic email", "34 semantic email"),
          pairs(c, "SELECT line, check_name, column_name FROM validate('customers.csv')"));
    }
  }

  @Test
  void inlineRulesAndParametersWork() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      assertEquals(List.of("91 rule:quantity > 0", "170 rule:ship_date >= order_date"),
          pairs(c, "SELECT line, check_name FROM validate('orders.csv', rules => 'quantity > 0; ship_date >= order_date')"
              + " WHERE check_name LIKE 'rule:%'"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM validate(?, ?, ?) WHERE check_name LIKE 'rule:%'")) {
        ps.setString(1, "orders.csv");
        ps.setString(2, null);
        ps.setString(3, "quantity > 0");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(1, rs.getLong(1));
        }
      }
    }
  }

  @Test
  void summaryGivesStatusFromSeverityAndTolerance() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      List<List<String>> rows = Sql.rows(c, "SELECT check_name, column_name, checked, failed, failed_pct, status"
          + " FROM validation_summary('orders.csv', 'orders.schema.yaml') WHERE failed > 0 OR check_name = 'unique'");
      assertEquals(List.of(
          List.of("parse", "null", "240", "3", "1.25", "fail"),
          List.of("unique", "order_id", "237", "0", "0.00", "pass"),
          List.of("range", "quantity", "237", "1", "0.42", "fail"),
          List.of("not_null", "unit_price", "237", "2", "0.84", "fail"),
          List.of("not_null", "country", "237", "2", "0.84", "fail"),
          List.of("rule:ship_after_order", "null", "237", "1", "0.42", "fail"),
          List.of("rule:shipped_has_date", "null", "237", "3", "1.27", "fail")), rows);
      String tolerant = "columns:\n  - {name: unit_price, nullable: false, mostly: 0.99, severity: warning}\n";
      assertEquals("pass", Sql.scalar(c, "SELECT status FROM validation_summary('orders.csv', '" + tolerant
          + "') WHERE check_name = 'not_null'"));
    }
  }

  @Test
  void aBadSchemaOrRuleFailsTheStatementWithThePlace() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      Files.writeString(dir.resolve("data/bad.yaml"), "columns:\n  - name: quantity\n    nulable: false\n");
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c,
          "SELECT * FROM validate('orders.csv', 'bad.yaml')"));
      assertTrue(e.getMessage().contains("bad.yaml:3:5: columns[0].nulable: unknown key 'nulable'. Did you mean"
          + " 'nullable'?"), e.getMessage());
      SQLException r = assertThrows(SQLException.class, () -> Sql.rows(c,
          "SELECT * FROM validate('orders.csv', rules => 'quantity > 0; ship_dat >= order_date')"));
      assertTrue(r.getMessage().contains("rule 'ship_dat >= order_date' at character 1: Column 'ship_dat' not found"),
          r.getMessage());
    }
  }

  @Test
  void registryVersionsDiffAndSystemTables() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      assertEquals(List.of(List.of("orders", "1", "new")),
          Sql.rows(c, "SELECT name, version, compatibility FROM register_schema('orders', 'orders.csv')"));
      // tighter ranges and a unique key, but also type pins dropped (status): neither direction holds
      assertEquals(List.of(List.of("orders", "2", "none")),
          Sql.rows(c, "SELECT name, version, compatibility FROM register_schema('orders', 'orders.schema.yaml')"));
      assertEquals(List.of(List.of("orders", "2", "2", "false")),
          Sql.rows(c, "SELECT name, latest_version, versions, deleted FROM dsap.schemas"));
      assertEquals("2", Sql.scalar(c, "SELECT count(*) FROM dsap.schema_versions WHERE name = 'orders'"));
      // the registered version validates like the file it came from
      assertEquals(12, Sql.rows(c, "SELECT * FROM validate('orders.csv', 'orders@2')").size());
      List<List<String>> diff = Sql.rows(c, "SELECT change, column_name, key, backward, forward FROM"
          + " schema_diff('orders@1', 'orders@2') WHERE column_name = 'quantity'");
      assertEquals(List.of(List.of("relaxed", "quantity", "nullable", "true", "false"),
          List.of("tightened", "quantity", "min", "false", "true"),
          List.of("tightened", "quantity", "max", "false", "true")), diff);
      SQLException e = assertThrows(SQLException.class, () -> Sql.rows(c,
          "SELECT * FROM validate('orders.csv', 'orders@9')"));
      assertTrue(e.getMessage().contains("schema 'orders@9' is not registered (versions of orders: [1, 2])"),
          e.getMessage());
    }
  }

  @Test
  void suggestRulesProposesSchemaYaml() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + data())) {
      List<List<String>> rows = Sql.rows(c, "SELECT column_name, rule, coverage FROM suggest_rules('orders.csv')"
          + " WHERE column_name IN ('order_id', 'quantity', 'status')");
      assertTrue(rows.contains(List.of("order_id", "unique: true", "100.00")), rows.toString());
      assertTrue(rows.contains(List.of("quantity", "min: 0", "99.58")), rows.toString());
      assertTrue(rows.contains(List.of("status",
          "allowed_values: [delivered, shipped, paid, pending, cancelled, returned]", "100.00")), rows.toString());
    }
  }
}
