package io.dsap.engine.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.dsap.engine.types.TemporalFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a schema says about one column. Every key but {@code name} is optional; an absent key
 * checks nothing. Values are checked when the document is read, so a typo fails with the place.
 *
 * @param name column name (matched case-insensitively)
 * @param type SQL type: values that do not cast are reported by the {@code parse} check
 * @param format date/timestamp layout ({@code yyyy-MM-dd}); on a VARCHAR column, a {@code date_format} check
 * @param nullable false: every row needs a value ({@code not_null} check)
 * @param unique true: no value twice ({@code unique} check, exact)
 * @param semantic a {@link SemanticType} name ({@code email}, {@code url}, ...)
 * @param pattern a Java regular expression the whole value must match
 * @param allowedValues the only values allowed
 * @param min smallest allowed value (number, or date for DATE columns)
 * @param max largest allowed value
 * @param minLength fewest characters
 * @param maxLength most characters
 * @param description free text for people
 * @param severity severity of this column's checks (default error)
 * @param mostly share of rows that must pass for the checks to pass (default 1.0)
 * @param outliers outlier detection on a numeric column
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "type", "format", "nullable", "unique", "semantic", "pattern", "allowed_values",
    "min", "max", "min_length", "max_length", "outliers", "severity", "mostly", "description"})
public record ColumnSchema(
    @JsonProperty("name") String name,
    @JsonProperty("type") String type,
    @JsonProperty("format") String format,
    @JsonProperty("nullable") Boolean nullable,
    @JsonProperty("unique") Boolean unique,
    @JsonProperty("semantic") String semantic,
    @JsonProperty("pattern") String pattern,
    @JsonProperty("allowed_values") List<String> allowedValues,
    @JsonProperty("min") String min,
    @JsonProperty("max") String max,
    @JsonProperty("min_length") Integer minLength,
    @JsonProperty("max_length") Integer maxLength,
    @JsonProperty("description") String description,
    @JsonProperty("severity") Severity severity,
    @JsonProperty("mostly") Double mostly,
    @JsonProperty("outliers") OutlierSpec outliers) {

  public ColumnSchema {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a column needs a name (key 'name')");
    }
    final String t = type;
    final String f = format;
    final String sem = semantic;
    final String pat = pattern;
    final Integer minL = minLength;
    final Integer maxL = maxLength;
    final Double m = mostly;
    final String n = name;
    if (t != null) {
      InvalidKey.check("type", () -> DeclaredType.parse(t));
    }
    if (f != null) {
      InvalidKey.check("format", () -> checkFormat(f));
    }
    if (sem != null) {
      InvalidKey.check("semantic", () -> SemanticType.parse(sem));
    }
    if (pat != null) {
      try {
        Pattern.compile(pat);
      } catch (PatternSyntaxException e) {
        throw new InvalidKey("pattern", "'" + pat + "' is not a valid regular expression: " + e.getDescription()
            + " near index " + e.getIndex());
      }
    }
    if (minL != null && minL < 0 || maxL != null && maxL < 0) {
      throw new InvalidKey(minL != null && minL < 0 ? "min_length" : "max_length", "lengths must be >= 0");
    }
    if (minL != null && maxL != null && minL > maxL) {
      throw new InvalidKey("max_length", "max_length " + maxL + " is below min_length " + minL);
    }
    InvalidKey.check("mostly", () -> Tolerance.check(m, "column '" + n + "'"));
    allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
  }

  /** A column with only a name and a type. */
  public static ColumnSchema of(String name, String type) {
    return new ColumnSchema(name, type, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** The declared type, or null when the schema leaves it to detection. */
  @JsonIgnore
  public DeclaredType declaredType() {
    return type == null ? null : DeclaredType.parse(type);
  }

  @JsonIgnore
  public SemanticType semanticType() {
    return semantic == null ? null : SemanticType.parse(semantic);
  }

  @JsonIgnore
  public Severity severityOrDefault() {
    return severity == null ? Severity.ERROR : severity;
  }

  @JsonIgnore
  public double mostlyOrDefault() {
    return mostly == null ? 1.0 : mostly;
  }

  /** The format as a layout dsap's readers know, or null when only java.time can read it. */
  @JsonIgnore
  public TemporalFormat readerFormat() {
    if (format == null) {
      return null;
    }
    try {
      return TemporalFormat.parse(format);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkFormat(String format) {
    try {
      DateTimeFormatter.ofPattern(format);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("format '" + format + "' is not a date layout (" + e.getMessage()
          + "); write it like yyyy-MM-dd or dd/MM/yyyy HH:mm");
    }
  }

  /** This column with other values for some keys; used by generation and suggestions. */
  public ColumnSchema withNullable(Boolean n) {
    return new ColumnSchema(name, type, format, n, unique, semantic, pattern, allowedValues, min, max, minLength,
        maxLength, description, severity, mostly, outliers);
  }
}
