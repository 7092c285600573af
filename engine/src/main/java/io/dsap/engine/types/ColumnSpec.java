package io.dsap.engine.types;

import java.util.Objects;

/**
 * One column of a file as dsap reads it.
 *
 * @param name column name (from the header, or {@code column1..N})
 * @param type SQL type
 * @param precision total digits for DECIMAL (18 unless a typed format says more), else 0
 * @param scale digits after the point for DECIMAL, else 0
 * @param format date layout for DATE and TIMESTAMP read from text, else null
 * @param detection why this type was chosen, in one line (shown in metadata remarks)
 */
public record ColumnSpec(String name, ColumnType type, int precision, int scale, TemporalFormat format,
    String detection) implements java.io.Serializable {
  /** Decimals that fit a long use the fast {@code LongVector}; wider ones are objects. */
  public static final int LONG_DECIMAL_PRECISION = 18;

  public ColumnSpec(String name, ColumnType type, int scale, TemporalFormat format, String detection) {
    this(name, type, type == ColumnType.DECIMAL ? LONG_DECIMAL_PRECISION : 0, scale, format, detection);
  }

  public ColumnSpec {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(detection, "detection is null");
    if ((type == ColumnType.DATE || type == ColumnType.TIMESTAMP) && format == null) {
      format = TemporalFormat.ISO;
    }
  }

  public static ColumnSpec varchar(String name, String detection) {
    return new ColumnSpec(name, ColumnType.VARCHAR, 0, null, detection);
  }

  /** The type as written in {@code types => '...'}: {@code DECIMAL(18,2)}, {@code DATE(dd/MM/yyyy)}. */
  public String typeText() {
    switch (type) {
      case DECIMAL: return "DECIMAL(" + precision + "," + scale + ")";
      case DATE: return format.equals(TemporalFormat.ISO) ? "DATE" : "DATE(" + format.datePattern() + ")";
      case TIMESTAMP:
        return format.equals(TemporalFormat.ISO) ? "TIMESTAMP" : "TIMESTAMP(" + format.datePattern() + ")";
      default: return type.name();
    }
  }
}
