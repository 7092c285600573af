package io.dsap.engine.types;

/**
 * The SQL types dsap detects and reads, ordered from most to least specific: detection keeps the
 * first type every sampled value fits.
 */
public enum ColumnType {
  BOOLEAN,
  INTEGER,
  BIGINT,
  DECIMAL,
  DOUBLE,
  DATE,
  TIMESTAMP,
  /** Time of day in milliseconds; not detected in text, read from typed formats. */
  TIME,
  VARCHAR,
  /** Raw bytes; read from typed formats (Parquet, Arrow), never detected in text. */
  VARBINARY;

  /** Parses a type name as users write it in {@code types => 'col:TYPE'}; aliases included. */
  public static ColumnType parse(String name) {
    String n = name.trim().toUpperCase(java.util.Locale.ROOT);
    switch (n) {
      case "BOOL": return BOOLEAN;
      case "INT": case "INT4": return INTEGER;
      case "LONG": case "INT8": return BIGINT;
      case "NUMERIC": return DECIMAL;
      case "FLOAT": case "FLOAT8": case "DOUBLE PRECISION": case "REAL": return DOUBLE;
      case "DATETIME": return TIMESTAMP;
      case "TEXT": case "STRING": case "CHAR": return VARCHAR;
      case "BINARY": case "BYTES": case "BLOB": return VARBINARY;
      default:
        for (ColumnType t : values()) {
          if (t.name().equals(n)) {
            return t;
          }
        }
        throw new IllegalArgumentException("unknown type '" + name + "'");
    }
  }

  public boolean isNumeric() {
    return this == INTEGER || this == BIGINT || this == DECIMAL || this == DOUBLE;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIMESTAMP || this == TIME;
  }
}
