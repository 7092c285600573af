package io.dsap.engine.transform;

import io.dsap.engine.types.ColumnType;
import java.util.Map;

/**
 * A cleaning step supplied by a plugin. A jar that lists an implementation in
 * {@code META-INF/services/io.dsap.engine.transform.Transformation} adds it; a spec uses it by
 * name on a column:
 *
 * <pre>
 * custom:
 *   - use: mask_digits
 *     column: phone
 *     with: {keep: 4}
 * </pre>
 *
 * or, as a named argument, {@code clean('x.csv', custom => 'phone:mask_digits')}. Custom steps
 * run after derived columns and before scaling. Implementations are stateless and thread-safe;
 * {@link #bind} is called once per run and the returned function once per value (nulls included).
 * docs/cleaning.md has a complete example.
 */
public interface Transformation {
  /** The name specs refer to ({@code use: mask_digits}); lower case, no spaces. */
  String name();

  /** One line for people: what the transformation does. */
  String description();

  /**
   * Prepares the transformation for one column of type {@code type} with the spec's {@code with:}
   * options. Throw {@link IllegalArgumentException} with a clear message for a bad option or a
   * column type it cannot handle.
   */
  ValueFunction bind(String column, ColumnType type, Map<String, Object> options);

  /** The transformation bound to a column. */
  interface ValueFunction {
    /**
     * The new value for {@code value}, of the same type: String for VARCHAR, Double for DOUBLE,
     * Integer for INTEGER, Long for BIGINT, BigDecimal for DECIMAL, Boolean for BOOLEAN, Integer
     * days since 1970-01-01 for DATE, Long milliseconds for TIMESTAMP. Null is allowed both ways.
     */
    Object apply(Object value);
  }
}
