package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.ValueTypeStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence about one field of the sampled records ({@code address.city}): how often it held each
 * kind of JSON value, number ranges, and the strings' own type evidence. Objects within the depth
 * limit keep evidence for their fields as children.
 */
final class JsonFieldStats {
  /** Integers up to this magnitude are INTEGER unless the whole file was sampled. */
  private static final long INTEGER_HEADROOM = 100_000_000L;
  private static final int MAX_DECIMAL_SCALE = 4;

  final String name;
  final int depth;
  private long nulls;
  private long booleans;
  private long integers;
  private long decimals;
  private long strings;
  private long objects;
  private long arrays;
  private long bigIntegers;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private int maxScale;
  private int maxDigits;
  private boolean exponent;
  private String exampleNumber;
  private String exampleString;
  private String exampleBoolean;
  private String exampleBig;
  private final ValueTypeStats text = new ValueTypeStats();
  private final Map<String, JsonFieldStats> children = new LinkedHashMap<>();

  JsonFieldStats(String name, int depth) {
    this.name = name;
    this.depth = depth;
  }

  /** Adds the value the parser is on (its first token is current); leaves the parser after it. */
  void add(JsonParser p, int maxDepth, ByteParsers parsers) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case VALUE_NULL -> nulls++;
      case VALUE_TRUE, VALUE_FALSE -> {
        booleans++;
        exampleBoolean = exampleBoolean == null ? p.getText() : exampleBoolean;
      }
      case VALUE_NUMBER_INT -> addInteger(p);
      case VALUE_NUMBER_FLOAT -> addDecimal(p.getText());
      case VALUE_STRING -> {
        strings++;
        String s = p.getText();
        exampleString = exampleString == null ? s : exampleString;
        if (s.isEmpty()) {
          text.addNull();
        } else {
          text.add(s, parsers);
        }
      }
      case START_ARRAY -> {
        arrays++;
        p.skipChildren();
      }
      case START_OBJECT -> {
        objects++;
        if (depth >= maxDepth) {
          p.skipChildren();
          return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          children.computeIfAbsent(field, f -> new JsonFieldStats(f, depth + 1)).add(p, maxDepth, parsers);
        }
      }
      default -> throw new IllegalStateException("unexpected " + t);
    }
  }

  private void addInteger(JsonParser p) throws IOException {
    integers++;
    String s = p.getText();
    exampleNumber = exampleNumber == null ? s : exampleNumber;
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      bigIntegers++;
      exampleBig = exampleBig == null ? s : exampleBig;
      return;
    }
    long v = p.getLongValue();
    min = Math.min(min, v);
    max = Math.max(max, v);
    maxDigits = Math.max(maxDigits, digits(s));
  }

  private void addDecimal(String s) {
    decimals++;
    exampleNumber = exampleNumber == null ? s : exampleNumber;
    int e = Math.max(s.indexOf('e'), s.indexOf('E'));
    if (e >= 0) {
      exponent = true;
      return;
    }
    int dot = s.indexOf('.');
    int scale = dot < 0 ? 0 : s.length() - dot - 1;
    maxScale = Math.max(maxScale, scale);
    maxDigits = Math.max(maxDigits, digits(s) - scale);
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += Character.isDigit(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }

  /** Whether this field becomes dotted columns for its fields rather than one column. */
  boolean flattened() {
    return objects > 0 && !children.isEmpty() && values() == objects;
  }

  /** The fields of this object field, in order of first appearance. */
  List<JsonFieldStats> children() {
    return new ArrayList<>(children.values());
  }

  private long values() {
    return booleans + integers + decimals + strings + objects + arrays;
  }

  /** Whether the strings of a VARCHAR column looked like numbers with leading zeros. */
  boolean leadingZeros() {
    return strings > 0 && text.leadingZeros();
  }

  boolean ambiguousDate(ColumnSpec spec) {
    return strings == values() && text.ambiguousDate(spec);
  }

  /** The column this evidence supports, named {@code column}; {@code complete} if every record was sampled. */
  ColumnSpec resolve(String column, boolean complete, int maxDepth) {
    long n = values();
    if (n == 0) {
      return ColumnSpec.varchar(column, "VARCHAR: only null in the " + nulls + " sampled records that have it");
    }
    int kinds = (booleans > 0 ? 1 : 0) + (integers + decimals > 0 ? 1 : 0) + (strings > 0 ? 1 : 0)
        + (objects > 0 ? 1 : 0) + (arrays > 0 ? 1 : 0);
    if (kinds > 1) {
      return ColumnSpec.varchar(column, "VARCHAR: mixed JSON types (" + mix() + "); every value is kept as text,"
          + " objects and arrays as JSON");
    }
    if (booleans > 0) {
      return new ColumnSpec(column, ColumnType.BOOLEAN, 0, null, "BOOLEAN: all " + n + " values are JSON true/false");
    }
    if (integers + decimals > 0) {
      return number(column, complete, n);
    }
    if (strings > 0) {
      return string(column, complete);
    }
    if (arrays > 0) {
      return ColumnSpec.varchar(column, "VARCHAR: JSON arrays, kept as JSON text");
    }
    return ColumnSpec.varchar(column, "VARCHAR: JSON objects, kept as JSON text ("
        + (children.isEmpty() && depth < maxDepth ? "they are empty" : "nested deeper than max_depth => " + maxDepth)
        + ")");
  }

  private ColumnSpec number(String column, boolean complete, long n) {
    if (bigIntegers > 0) {
      return ColumnSpec.varchar(column, "VARCHAR: whole numbers beyond the 64-bit range ('" + exampleBig
          + "') are kept exactly, as text");
    }
    if (decimals == 0) {
      boolean small = complete ? min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE
          : min >= -INTEGER_HEADROOM && max <= INTEGER_HEADROOM;
      ColumnType t = small ? ColumnType.INTEGER : ColumnType.BIGINT;
      return new ColumnSpec(column, t, 0, null, t + ": all " + n + " values are JSON whole numbers from " + min
          + " to " + max + (small || complete ? "" : " (BIGINT leaves room for larger values in records not sampled)"));
    }
    if (!exponent && maxScale <= MAX_DECIMAL_SCALE && maxDigits + maxScale <= 18) {
      return new ColumnSpec(column, ColumnType.DECIMAL, maxScale, null, "DECIMAL(18," + maxScale + "): all " + n
          + " values are JSON numbers with at most " + maxScale + " digits after the point");
    }
    return new ColumnSpec(column, ColumnType.DOUBLE, 0, null, "DOUBLE: all " + n + " values are JSON numbers"
        + (exponent ? ", some with an exponent" : ", some with more than " + MAX_DECIMAL_SCALE
            + " digits after the point"));
  }

  /** Strings: dates and timestamps are recognised; a string the file quotes stays text otherwise. */
  private ColumnSpec string(String column, boolean complete) {
    ColumnSpec s = text.resolve(column, complete);
    if (s.type().isTemporal() || s.type() == ColumnType.VARCHAR) {
      return s;
    }
    return ColumnSpec.varchar(column, "VARCHAR: JSON strings (e.g. '" + exampleString + "'); they read as "
        + s.typeText() + " but the file quotes them, so they stay text; types => '" + column + ":" + s.typeText()
        + "' converts them");
  }

  private String mix() {
    List<String> parts = new ArrayList<>();
    part(parts, integers + decimals, "number", exampleNumber);
    part(parts, strings, "string", exampleString);
    part(parts, booleans, "boolean", exampleBoolean);
    part(parts, objects, "object", null);
    part(parts, arrays, "array", null);
    return String.join(", ", parts);
  }

  private static void part(List<String> parts, long n, String what, String example) {
    if (n > 0) {
      parts.add(n + " " + what + (n == 1 ? "" : "s") + (example == null ? "" : " (e.g. '" + example + "')"));
    }
  }
}
