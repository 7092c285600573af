package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A schema document: what a file must look like, written by people (YAML or JSON) or generated
 * from detection. docs/schemas.md documents every key.
 *
 * @param name the schema's name (set by the registry; optional in files)
 * @param version registry version (set by the registry)
 * @param registeredAt when the registry stored this version (ISO-8601)
 * @param source the file or text it was registered from
 * @param description free text
 * @param columns the expected columns, in the expected order
 * @param rules SQL row rules
 * @param foreignKeys references into other files
 * @param rowCount expected number of records
 * @param freshness how new the newest date must be
 * @param checks plugin checks
 * @param unexpectedColumns what a file column absent from the schema is (default warning)
 * @param columnOrder what a different column order is (default warning)
 * @param duplicateRows what a row equal to an earlier row is (default warning)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "version", "registered_at", "source", "description", "columns", "rules", "foreign_keys",
    "row_count", "freshness", "checks", "unexpected_columns", "column_order", "duplicate_rows"})
public record SchemaDocument(
    @JsonProperty("name") String name,
    @JsonProperty("version") Integer version,
    @JsonProperty("registered_at") String registeredAt,
    @JsonProperty("source") String source,
    @JsonProperty("description") String description,
    @JsonProperty("columns") List<ColumnSchema> columns,
    @JsonProperty("rules") List<TableRule> rules,
    @JsonProperty("foreign_keys") List<ForeignKey> foreignKeys,
    @JsonProperty("row_count") RowCount rowCount,
    @JsonProperty("freshness") Freshness freshness,
    @JsonProperty("checks") List<CustomCheck> checks,
    @JsonProperty("unexpected_columns") Policy unexpectedColumns,
    @JsonProperty("column_order") Policy columnOrder,
    @JsonProperty("duplicate_rows") Policy duplicateRows) {

  public SchemaDocument {
    columns = columns == null ? List.of() : List.copyOf(columns);
    rules = rules == null ? List.of() : List.copyOf(rules);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    checks = checks == null ? List.of() : List.copyOf(checks);
    Set<String> seen = new HashSet<>();
    for (ColumnSchema c : columns) {
      if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("column '" + c.name() + "' is listed twice");
      }
    }
    Set<String> ruleNames = new HashSet<>();
    for (TableRule r : rules) {
      if (r.name() != null && !ruleNames.add(r.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("rule name '" + r.name() + "' is used twice");
      }
    }
  }

  /** A schema with only columns. */
  public static SchemaDocument ofColumns(List<ColumnSchema> columns) {
    return new SchemaDocument(null, null, null, null, null, columns, List.of(), List.of(), null, null, List.of(), null,
        null, null);
  }

  /** The column called {@code name} (case-insensitive). */
  public Optional<ColumnSchema> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  @JsonIgnore
  public Policy unexpectedColumnsOrDefault() {
    return unexpectedColumns == null ? Policy.WARNING : unexpectedColumns;
  }

  @JsonIgnore
  public Policy duplicateRowsOrDefault() {
    return duplicateRows == null ? Policy.WARNING : duplicateRows;
  }

  @JsonIgnore
  public Policy columnOrderOrDefault() {
    return columnOrder == null ? Policy.WARNING : columnOrder;
  }

  /** This schema as the registry stores it: name, version, time and source set. */
  public SchemaDocument withRegistration(String name, int version, String registeredAt, String source) {
    return new SchemaDocument(name, version, registeredAt, source, description, columns, rules, foreignKeys, rowCount,
        freshness, checks, unexpectedColumns, columnOrder, duplicateRows);
  }

  /** This schema with more rules (inline rules given to validate()). */
  public SchemaDocument withMoreRules(List<TableRule> more) {
    List<TableRule> all = new ArrayList<>(rules);
    all.addAll(more);
    return new SchemaDocument(name, version, registeredAt, source, description, columns, all, foreignKeys, rowCount,
        freshness, checks, unexpectedColumns, columnOrder, duplicateRows);
  }

  /** This schema without registry metadata: what two versions are compared on. */
  public SchemaDocument content() {
    return new SchemaDocument(null, null, null, null, description, columns, rules, foreignKeys, rowCount, freshness,
        checks, unexpectedColumns, columnOrder, duplicateRows);
  }
}
