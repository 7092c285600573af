package io.dsap.engine.write;

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
}
