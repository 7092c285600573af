package io.dsap.engine.csv;

import io.dsap.engine.error.Errors;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the user said about a CSV file; every null field is detected instead. Detection never
 * overrides a value set here.
 *
 * @param delimiter one character; {@code \t} for tab
 * @param quote one character, or empty for no quoting
 * @param escape the quote character (doubled quotes), {@code \}, or empty
 * @param header whether the first record is a header
 * @param skip lines to skip at the start
 * @param types column types by column name (case-insensitive)
 * @param allVarchar read every column as VARCHAR
 * @param nullString text that means NULL besides the empty field
 * @param sampleSize records sampled for type detection; -1 reads the whole file
 * @param encoding character set name; null detects it
 * @param comment character that starts a comment line, '' for none; null detects '#'
 * @param nullPadding pad records with too few fields with NULLs instead of rejecting them
 */
public record CsvOptions(String delimiter, String quote, String escape, Boolean header, Integer skip,
    Map<String, TypeOverride> types, Boolean allVarchar, String nullString, Integer sampleSize, String encoding,
    String comment, Boolean nullPadding) {

  public static final int DEFAULT_SAMPLE_SIZE = 20_480;
  public static final CsvOptions DETECT = new CsvOptions(null, null, null, null, null, Map.of(), null, null, null, null, null, null);

  /** A type forced by the user, with an optional date layout or decimal scale (-1: detect). */
  public record TypeOverride(ColumnType type, TemporalFormat format, int scale) {}

  /** Options without an encoding override. */
  public CsvOptions(String delimiter, String quote, String escape, Boolean header, Integer skip,
      Map<String, TypeOverride> types, Boolean allVarchar, String nullString, Integer sampleSize) {
    this(delimiter, quote, escape, header, skip, types, allVarchar, nullString, sampleSize, null, null, null);
  }

  /** Options without comment or padding settings. */
  public CsvOptions(String delimiter, String quote, String escape, Boolean header, Integer skip,
      Map<String, TypeOverride> types, Boolean allVarchar, String nullString, Integer sampleSize, String encoding) {
    this(delimiter, quote, escape, header, skip, types, allVarchar, nullString, sampleSize, encoding, null, null);
  }

  public CsvOptions {
    types = types == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(types));
    if (delimiter != null && parseDelimiter(delimiter) == 0) {
      throw Errors.invalidOption("delimiter", delimiter, "a single character such as ',' ';' '|' or '\\t'");
    }
    if (quote != null && quote.length() > 1) {
      throw Errors.invalidOption("quote", quote, "a single character such as '\"' or '''', or '' for none");
    }
    if (escape != null && escape.length() > 1) {
      throw Errors.invalidOption("escape", escape, "the quote character (doubled quotes), '\\\\' or ''");
    }
    if (skip != null && skip < 0) {
      throw Errors.invalidOption("skip", skip, "a number of lines >= 0");
    }
    if (comment != null && comment.length() > 1) {
      throw Errors.invalidOption("comment", comment, "a single character such as '#', or '' for none");
    }
    if (sampleSize != null && sampleSize == 0) {
      throw Errors.invalidOption("sample_size", sampleSize, "a positive number of rows, or -1 for the whole file");
    }
  }

  /** Parses {@code 'col:TYPE,col2:DATE(dd/MM/yyyy)'}. */
  public static Map<String, TypeOverride> parseTypes(String spec) {
    Map<String, TypeOverride> out = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String part : splitTopLevel(spec)) {
      int colon = part.lastIndexOf(':', part.indexOf('(') < 0 ? part.length() : part.indexOf('('));
      if (colon <= 0) {
        throw Errors.invalidOption("types", spec, "a list like 'zip:VARCHAR,amount:DECIMAL,day:DATE(dd/MM/yyyy)'");
      }
      String col = part.substring(0, colon).trim();
      String t = part.substring(colon + 1).trim();
      TemporalFormat fmt = null;
      int scale = -1;
      int paren = t.indexOf('(');
      if (paren > 0 && t.endsWith(")")) {
        String arg = t.substring(paren + 1, t.length() - 1);
        t = t.substring(0, paren);
        if (arg.matches("\\d+\\s*(,\\s*\\d+)?")) {
          int comma = arg.indexOf(',');
          scale = comma < 0 ? 0 : Integer.parseInt(arg.substring(comma + 1).trim());
          if (scale > 18) {
            throw Errors.invalidOption("types", spec, "a DECIMAL scale of at most 18");
          }
        } else {
          try {
            fmt = TemporalFormat.parse(arg);
          } catch (IllegalArgumentException e) {
            throw Errors.invalidOption("types", spec, e.getMessage());
          }
        }
      }
      try {
        out.put(col.toLowerCase(Locale.ROOT), new TypeOverride(ColumnType.parse(t), fmt, scale));
      } catch (IllegalArgumentException e) {
        throw Errors.invalidOption("types", spec, "types among BOOLEAN, INTEGER, BIGINT, DECIMAL, DOUBLE, DATE,"
            + " TIMESTAMP, VARCHAR (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static java.util.List<String> splitTopLevel(String s) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(s.substring(from));
    parts.removeIf(String::isBlank);
    return parts;
  }

  /** The delimiter byte for an option value, or 0 if it is not a single byte. */
  public static byte parseDelimiter(String d) {
    if (d.equals("\\t") || d.equalsIgnoreCase("tab") || d.equals("\t")) {
      return '\t';
    }
    if (d.length() == 1 && d.charAt(0) < 128 && d.charAt(0) != '\n' && d.charAt(0) != '\r') {
      return (byte) d.charAt(0);
    }
    return 0;
  }

  public int sampleSizeOrDefault() {
    return sampleSize == null ? DEFAULT_SAMPLE_SIZE : sampleSize;
  }

  public boolean allVarcharOrDefault() {
    return Boolean.TRUE.equals(allVarchar);
  }

  public TypeOverride typeFor(String column) {
    return types.get(column.toLowerCase(Locale.ROOT));
  }

  /** A stable key for caches: equal options give equal keys. */
  public String cacheKey() {
    return Objects.toString(delimiter) + '\u0001' + quote + '\u0001' + escape + '\u0001' + header + '\u0001'
        + skip + '\u0001' + types + '\u0001' + allVarchar + '\u0001' + nullString + '\u0001' + sampleSize
        + '\u0001' + encoding + '\u0001' + comment + '\u0001' + nullPadding;
  }
}
