package io.dsap.engine.schema;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema document from what detection found: each column's type (and date layout), and
 * {@code nullable: false} where a full pass saw no empty value. Richer constraints (ranges,
 * allowed values, uniqueness) are proposals, not facts: {@code suggest_rules} offers them.
 */
public final class SchemaGenerator {
  private SchemaGenerator() {}

  /**
   * @param columns the detected columns
   * @param nulls empty values per column name from a full pass, or an empty map when unknown
   */
  public static SchemaDocument fromDetection(List<ColumnSpec> columns, Map<String, Long> nulls) {
    List<ColumnSchema> out = new ArrayList<>();
    for (ColumnSpec c : columns) {
      String format = null;
      if (c.type() == ColumnType.DATE) {
        format = c.format().datePattern();
      } else if (c.type() == ColumnType.TIMESTAMP) {
        format = c.format().timestampPattern();
      }
      Long n = nulls.get(c.name());
      Boolean nullable = n == null ? null : n > 0;
      out.add(new ColumnSchema(c.name(), DeclaredType.of(c).text(), format, nullable, null, null, null, null, null,
          null, null, null, reason(c.detection()), null, null, null));
    }
    return SchemaDocument.ofColumns(out);
  }

  /** The detection reason's first clause ("DATE yyyy-MM-dd: 237 of 240 sampled values are valid"). */
  private static String reason(String detection) {
    if (detection == null || detection.isBlank()) {
      return null;
    }
    int cut = detection.indexOf("; ");
    return "detected " + (cut > 0 ? detection.substring(0, cut) : detection);
  }
}
