package io.dsap.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** profile() and detect_schema() end to end against the planted faults of examples/ (examples/README.md). */
class ProfileTest {
  static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

  @Test
  void profileFindsThePlantedFaultsOfOrders() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      List<List<String>> rows = Sql.rows(c, "SELECT column_name, row_count, null_count, invalid_count, distinct_count,"
          + " distinct_exact, min_value, max_value, negatives, alerts FROM profile('orders.csv') ORDER BY column_index");
      assertEquals(List.of("order_date", "237", "0", "3", "191", "true", "2024-01-03", "2024-11-18", "null",
          "invalid"), rows.get(2), "3 bad dates are rejected rows, counted as invalid");
      assertEquals(List.of("quantity", "237", "0", "0", "8", "true", "-2", "10", "1", ""), rows.get(5));
      assertEquals("2", rows.get(6).get(2), "unit_price: 2 empty");
      assertTrue(rows.get(6).get(9).contains("missing"));
      assertEquals("2", rows.get(8).get(2), "country: 2 empty");
      assertEquals("unique", rows.get(0).get(9), "order_id");
    }
  }

  @Test
  void detectSchemaExplainsTypesAndFindsEmailsAndCodes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:dsap:" + EXAMPLES)) {
      List<List<String>> orders = Sql.rows(c, "SELECT sql_type, row_count, validity, counterexamples"
          + " FROM detect_schema(path => 'orders.csv') WHERE column_name = 'order_date'");
      assertEquals("DATE", orders.get(0).get(0));
      assertEquals("240", orders.get(0).get(1), "detect_schema reads every record as text");
      assertEquals("0.9875", orders.get(0).get(2), "237 of 240 are dates");
      assertEquals("[{\"type\":\"DATE\",\"value\":\"2024-02-30\",\"line\":43},"
          + "{\"type\":\"DATE\",\"value\":\"2024-13-01\",\"line\":153},"
          + "{\"type\":\"DATE\",\"value\":\"31/12/2024\",\"line\":235}]", orders.get(0).get(3));
      List<List<String>> customers = Sql.rows(c, "SELECT column_name, sql_type, semantic_type, semantic_match, flags"
          + " FROM detect_schema('customers.csv') WHERE column_name IN ('email', 'postal_code') ORDER BY column_index");
      assertEquals(List.of("email", "VARCHAR", "email", "0.9375", ""), customers.get(0), "45 of 48 valid");
      // docs/quality-score.md worked example: (1 + 45/48 + 1) / 3
      assertEquals("0.9792", Sql.scalar(c, "SELECT quality_score FROM detect_schema('customers.csv')"
          + " WHERE column_name = 'email'"));
      assertEquals(List.of("postal_code", "VARCHAR", "postal_code", "1.0", "leading_zeros"), customers.get(1));
      assertEquals("true", Sql.scalar(c, "SELECT sampled FROM (SELECT flags LIKE '%sampled%' AS sampled"
          + " FROM detect_schema('orders.csv', sample_size => 10) WHERE column_index = 1)"));
    }
  }
}
