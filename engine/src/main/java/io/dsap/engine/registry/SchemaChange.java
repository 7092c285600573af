package io.dsap.engine.registry;

/**
 * One difference between two schemas.
 *
 * @param change added, removed, retyped, tightened, relaxed or changed
 * @param column the column, or null for table-level keys (rules, row_count)
 * @param key the schema key ({@code type}, {@code nullable}, {@code rule:positive})
 * @param oldValue before, or null
 * @param newValue after, or null
 * @param backward whether data valid under the old schema stays valid under the new one
 * @param forward whether data valid under the new schema is valid under the old one
 * @param message the change in words, with what it breaks
 */
public record SchemaChange(String change, String column, String key, String oldValue, String newValue,
    boolean backward, boolean forward, String message) {

  public Compatibility compatibility() {
    return Compatibility.of(backward, forward);
  }
}
