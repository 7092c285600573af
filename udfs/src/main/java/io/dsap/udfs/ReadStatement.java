package io.dsap.udfs;

import io.dsap.engine.csv.CsvDialect;
import io.dsap.engine.csv.CsvFileSchema;
import io.dsap.engine.types.ColumnSpec;
import java.util.stream.Collectors;

/** Writes the {@code read_csv(...)} call that reproduces a detection exactly. */
public final class ReadStatement {
  private ReadStatement() {}

  public static String of(String path, CsvFileSchema schema) {
    CsvDialect d = schema.dialect();
    StringBuilder s = new StringBuilder("SELECT * FROM read_csv(path => ").append(literal(path));
    s.append(", delimiter => ").append(literal(d.delimiterText()));
    s.append(", quote => ").append(literal(d.quoteText()));
    s.append(", escape => ").append(literal(d.escapeText()));
    s.append(", header => ").append(d.header());
    if (d.skip() > 0) {
      s.append(", skip => ").append(d.skip());
    }
    if (schema.nullString() != null) {
      s.append(", nullstr => ").append(literal(schema.nullString()));
    }
    String types = schema.columns().stream()
        .map(c -> c.name() + ":" + c.typeText())
        .collect(Collectors.joining(","));
    s.append(", types => ").append(literal(types));
    return s.append(")").toString();
  }

  static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  static String describeColumns(CsvFileSchema schema) {
    return schema.columns().stream().map(c -> c.name() + " " + c.typeText())
        .collect(Collectors.joining(", "));
  }

  static String columnName(ColumnSpec c) {
    return c.name();
  }
}
