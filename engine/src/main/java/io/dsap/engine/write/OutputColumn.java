package io.dsap.engine.write;

import io.dsap.engine.types.ColumnType;
import java.sql.Types;
import java.util.Objects;

/**
 * A column of written output.
 *
 * @param name column name
 * @param sqlType a {@link java.sql.Types} constant
 * @param precision precision for DECIMAL, else 0
 * @param scale scale for DECIMAL, else 0
 */
public record OutputColumn(String name, int sqlType, int precision, int scale) {
  public OutputColumn {
    Objects.requireNonNull(name, "name is null");
  }

  /** The {@link Types} constant the writers expect for a column of type {@code type}. */
  public static int sqlType(ColumnType type) {
    return switch (type) {
      case BOOLEAN -> Types.BOOLEAN;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case DECIMAL -> Types.DECIMAL;
      case DOUBLE -> Types.DOUBLE;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case TIME -> Types.TIME;
      case VARBINARY -> Types.VARBINARY;
      case VARCHAR -> Types.VARCHAR;
    };
  }
}
