package io.dsap.engine.batch;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import java.nio.charset.StandardCharsets;

/**
 * Writes values given as text (CSV fields, XML text, JSON strings) into typed vectors, and words
 * the reject reason when a value does not fit. One instance per reading thread.
 */
public final class TextValues {
  private final ByteParsers p = new ByteParsers();

  /** {@link #write(ColumnSpec, ColumnVector, int, byte[], int, int)} for a string. */
  public String write(ColumnSpec spec, ColumnVector v, int r, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return write(spec, v, r, b, 0, b.length);
  }

  /**
   * Parses the UTF-8 text {@code b[s, e)} as a value of {@code spec}'s type into row {@code r}
   * of {@code v} (or only checks it when {@code v} is null). Returns null, or what is wrong with
   * the value, phrased to follow "value 'x' in column c (TYPE) ...".
   */
  public String write(ColumnSpec spec, ColumnVector v, int r, byte[] b, int s, int e) {
    switch (spec.type()) {
      case INTEGER: {
        long x = p.parseLong(b, s, e);
        if (!p.ok) {
          return "is not a whole number";
        }
        if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
          return "is outside the INTEGER range; read the column as BIGINT (types => '" + spec.name() + ":BIGINT')";
        }
        if (v != null) {
          ((LongVector) v).set(r, x);
        }
        return null;
      }
      case BIGINT: {
        long x = p.parseLong(b, s, e);
        if (!p.ok) {
          return "is not a whole number in the BIGINT range";
        }
        if (v != null) {
          ((LongVector) v).set(r, x);
        }
        return null;
      }
      case DECIMAL: {
        long x = p.parseDecimal(b, s, e, spec.scale());
        if (!p.ok) {
          p.parseDecimal(b, s, e, -1);
          if (p.ok) {
            return "has more than " + spec.scale() + " digits after the point; read the column as DOUBLE"
                + " (types => '" + spec.name() + ":DOUBLE')";
          }
          return "is not a decimal number";
        }
        if (v != null) {
          ((LongVector) v).set(r, x);
        }
        return null;
      }
      case DOUBLE: {
        double x = p.parseDouble(b, s, e);
        if (!p.ok) {
          return "is not a number";
        }
        if (v != null) {
          ((DoubleVector) v).set(r, x);
        }
        return null;
      }
      case BOOLEAN: {
        boolean x = p.parseBoolean(b, s, e);
        if (!p.ok) {
          return "is not true or false";
        }
        if (v != null) {
          ((BooleanVector) v).set(r, x);
        }
        return null;
      }
      case DATE: {
        int x = p.parseDate(b, s, e, spec.format());
        if (!p.ok) {
          return "is not a valid date in the format " + spec.format().datePattern();
        }
        if (v != null) {
          ((LongVector) v).set(r, x);
        }
        return null;
      }
      case TIMESTAMP: {
        long x = p.parseTimestamp(b, s, e, spec.format());
        if (!p.ok) {
          return "is not a valid timestamp in the format " + spec.format().timestampPattern();
        }
        if (v != null) {
          ((LongVector) v).set(r, x);
        }
        return null;
      }
      case VARCHAR:
        if (v != null) {
          ((StringVector) v).set(r, b, s, e);
        }
        return null;
      default:
        return "cannot be read from text as " + spec.type();
    }
  }

  /** The reject reason for {@code value} of column {@code spec}: what is wrong and how to keep the row. */
  public static String reason(ColumnSpec spec, String value, String problem) {
    String hint = problem.contains("types =>") ? "" : ". Fix the value, or read the column as text with types => '"
        + spec.name() + ":VARCHAR'";
    return "value '" + value + "' in column " + spec.name() + " (" + spec.typeText() + ") " + problem + hint;
  }
}
