package io.dsap.engine.validate;

import java.util.Map;

/**
 * A check supplied by a plugin. A jar that lists an implementation in
 * {@code META-INF/services/io.dsap.engine.validate.ValidationRule} adds it; a schema uses it by
 * name on a column:
 *
 * <pre>
 * checks:
 *   - use: iban
 *     column: account
 *     with: {country: DE}
 * </pre>
 *
 * <p>Implementations are stateless and thread-safe; {@link #bind} is called once per
 * validation and the returned test once per non-null value. docs/schemas.md has an example.
 */
public interface ValidationRule {
  /** The name schemas refer to ({@code use: iban}); lower case, no spaces. */
  String name();

  /** One line for people: what the rule checks. */
  String description();

  /**
   * Prepares the rule for one column with the schema's {@code with:} parameters. Throw
   * {@link IllegalArgumentException} with a clear message for a bad parameter.
   */
  ValueTest bind(String column, Map<String, Object> parameters);

  /** The rule bound to a column. */
  interface ValueTest {
    /** What a good value looks like, for the issue's {@code expected} column. */
    String expected();

    /** Null when {@code value} (the value's text, never null) passes; else what is wrong, in a few words. */
    String test(String value);
  }
}
