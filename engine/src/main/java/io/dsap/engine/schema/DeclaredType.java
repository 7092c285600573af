package io.dsap.engine.schema;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as a schema writes it: {@code INTEGER}, {@code DECIMAL(18,2)}, {@code DATE}.
 *
 * @param type the SQL type
 * @param precision DECIMAL digits (0 when not given)
 * @param scale DECIMAL digits after the point (-1 when not given)
 */
public record DeclaredType(ColumnType type, int precision, int scale) {
  private static final Pattern WITH_ARGS = Pattern.compile("\\s*([A-Za-z ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)\\s*");

  /** Parses a type; the message of the exception lists the accepted types. */
  public static DeclaredType parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("type is empty");
    }
    Matcher m = WITH_ARGS.matcher(text);
    try {
      if (m.matches()) {
        ColumnType t = ColumnType.parse(m.group(1));
        if (t == ColumnType.DECIMAL) {
          int p = Integer.parseInt(m.group(2));
          int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
          if (s > 18 || s > p) {
            throw new IllegalArgumentException("DECIMAL(" + p + "," + s + "): the scale must be at most 18 and"
                + " at most the precision");
          }
          return new DeclaredType(t, p, s);
        }
        if (t == ColumnType.VARCHAR) {
          return new DeclaredType(t, Integer.parseInt(m.group(2)), -1); // VARCHAR(n): n is a length hint only
        }
        throw new IllegalArgumentException("type '" + text + "' takes no arguments; write the date layout"
            + " under format:");
      }
      return new DeclaredType(ColumnType.parse(text), 0, -1);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("unknown type")) {
        throw new IllegalArgumentException("unknown type '" + text.trim() + "'; use one of BOOLEAN, INTEGER,"
            + " BIGINT, DECIMAL(p,s), DOUBLE, DATE, TIMESTAMP, TIME, VARCHAR");
      }
      throw e;
    }
  }

  /** The type as written in a schema document. */
  public String text() {
    if (type == ColumnType.DECIMAL && precision > 0) {
      return "DECIMAL(" + precision + "," + Math.max(0, scale) + ")";
    }
    return type.name();
  }

  /** The declared type of a detected column. */
  public static DeclaredType of(ColumnSpec spec) {
    if (spec.type() == ColumnType.DECIMAL) {
      return new DeclaredType(ColumnType.DECIMAL, spec.precision(), spec.scale());
    }
    return new DeclaredType(spec.type(), 0, -1);
  }

  @Override
  public String toString() {
    return text().toUpperCase(Locale.ROOT);
  }
}
