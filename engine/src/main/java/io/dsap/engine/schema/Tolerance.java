package io.dsap.engine.schema;

/** Checks a {@code mostly:} value. */
final class Tolerance {
  private Tolerance() {}

  static void check(Double mostly, String where) {
    if (mostly != null && !(mostly > 0 && mostly <= 1)) {
      throw new IllegalArgumentException(where + ": mostly " + mostly + " must be above 0 and at most 1"
          + " (0.99 = 99% of rows must pass)");
    }
  }
}
