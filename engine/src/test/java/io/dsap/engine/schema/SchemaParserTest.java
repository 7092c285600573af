package io.dsap.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dsap.engine.error.DsapException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema documents: every key read, round-tripped, and every mistake reported with its place. */
class SchemaParserTest {
  static final String FULL = String.join("\n",
      "name: orders",
      "description: one row per order",
      "columns:",
      "  - name: order_id",
      "    type: INTEGER",
      "    nullable: false",
      "    unique: true",
      "  - name: order_date",
      "    type: DATE",
      "    format: yyyy-MM-dd",
      "    min: 2024-01-01",
      "  - name: email",
      "    semantic: email",
      "    severity: warning",
      "    mostly: 0.99",
      "  - name: status",
      "    allowed_values: [pending, paid]",
      "  - name: code",
      "    pattern: '[A-Z]{3}'",
      "    min_length: 3",
      "    max_length: 3",
      "  - name: price",
      "    type: DECIMAL(18,2)",
      "    outliers: {method: zscore, threshold: 4}",
      "    description: unit price in EUR",
      "rules:",
      "  - name: positive",
      "    check: quantity > 0",
      "    severity: warning",
      "    mostly: 0.99",
      "foreign_keys:",
      "  - {column: customer_id, references: customers.csv, ref_column: id}",
      "row_count: {min: 1, max: 1000}",
      "freshness: {column: order_date, max_age: 2d}",
      "checks:",
      "  - {use: iban, column: account, with: {country: DE}}",
      "unexpected_columns: error",
      "column_order: ignore",
      "duplicate_rows: ignore",
      "");

  @Test
  void everyKeyIsReadAndSurvivesARoundTrip() {
    SchemaDocument d = SchemaParser.parse(FULL, "orders.yaml");
    assertEquals(6, d.columns().size());
    assertEquals(Severity.WARNING, d.column("EMAIL").orElseThrow().severity());
    assertEquals(List.of("pending", "paid"), d.column("status").orElseThrow().allowedValues());
    assertEquals("2024-01-01", d.column("order_date").orElseThrow().min());
    assertEquals(4.0, d.column("price").orElseThrow().outliers().thresholdOrDefault());
    assertEquals(0.99, d.rules().get(0).mostlyOrDefault());
    assertEquals("id", d.foreignKeys().get(0).refColumnOrDefault());
    assertEquals(1000L, d.rowCount().max());
    assertEquals(172_800_000L, d.freshness().duration().toMillis());
    assertEquals("DE", d.checks().get(0).with().get("country"));
    assertEquals(Policy.ERROR, d.unexpectedColumnsOrDefault());
    assertEquals(Policy.IGNORE, d.duplicateRowsOrDefault());
    assertEquals(d, SchemaParser.parse(SchemaWriter.yaml(d), "again.yaml"));
    assertEquals(d, SchemaParser.parse(SchemaWriter.json(d), "again.json"));
  }

  private static String error(String text) {
    return assertThrows(DsapException.class, () -> SchemaParser.parse(text, "s.yaml")).getMessage();
  }

  @Test
  void mistakesNameTheFileLineColumnAndKey() {
    assertEquals("DSAP-1020: s.yaml:3:5: columns[0].nulable: unknown key 'nulable'. Did you mean 'nullable'? Keys"
        + " allowed here: allowed_values, description, format, max, max_length, min, min_length, mostly, name, nullable,"
        + " outliers, pattern, semantic, severity, type, unique.",
        error("columns:\n  - name: quantity\n    nulable: false\n"));
    assertEquals("DSAP-1020: s.yaml:3:15: columns[0].nullable: expected true or false here (Cannot deserialize value"
        + " of type `java.lang.Boolean` from String \"sometimes\": only \"true\" or \"false\" recognized).",
        error("columns:\n  - name: quantity\n    nullable: sometimes\n"));
    assertEquals("DSAP-1020: s.yaml:3:5: columns[0].type: unknown type 'INTEGR'; use one of BOOLEAN, INTEGER,"
        + " BIGINT, DECIMAL(p,s), DOUBLE, DATE, TIMESTAMP, TIME, VARCHAR.",
        error("columns:\n  - name: quantity\n    type: INTEGR\n"));
    assertEquals("DSAP-1020: s.yaml:2:30: rules[0].severity: severity 'fatal' is not one of: error, warning.",
        error("rules:\n  - {check: a > 0, severity: fatal}\n"));
    assertEquals("DSAP-1020: s.yaml:1:21: columns[0].mostly: column 'a': mostly 1.5 must be above 0 and at most 1 (0.99 ="
        + " 99% of rows must pass).", error("columns: [{name: a, mostly: 1.5}]\n"));
  }

  @Test
  void jsonIsAcceptedToo() {
    SchemaDocument d = SchemaParser.parse("{\"columns\": [{\"name\": \"a\", \"type\": \"BIGINT\"}]}", "s.json");
    assertEquals("BIGINT", d.columns().get(0).type());
    assertEquals("DSAP-1020: s.json:1:28: columns[0].typ: unknown key 'typ'. Did you mean 'type'? Keys allowed here:"
        + " allowed_values, description, format, max, max_length, min, min_length, mostly, name, nullable, outliers,"
        + " pattern, semantic, severity, type, unique.", assertThrows(DsapException.class,
            () -> SchemaParser.parse("{\"columns\": [{\"name\": \"a\", \"typ\": \"BIGINT\"}]}", "s.json")).getMessage());
  }
}
