package io.dsap.engine.validate;

import io.dsap.engine.schema.SemanticType;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exact statistics of one column from a full pass, for built-in checks and rule suggestions:
 * nulls, values, rejects, min/max, lengths, semantic matches, and the distinct values while
 * there are few (value counts up to {@link #MAX_COUNTED}; a distinct set up to
 * {@link #MAX_DISTINCT}, after which uniqueness is unknown).
 */
public final class ColumnProfile {
  static final int MAX_COUNTED = 1000;
  static final int MAX_DISTINCT = 2_000_000;

  private final ColumnSpec spec;
  long nulls;
  long values;
  long rejected;
  long negatives;
  BigDecimal min;
  BigDecimal max;
  String minText;
  String maxText;
  int minLength = Integer.MAX_VALUE;
  int maxLength;
  final Map<SemanticType, Long> semanticMatches = new EnumMap<>(SemanticType.class);
  Map<String, Long> counts = new LinkedHashMap<>();
  Set<Object> distinct = new HashSet<>();
  boolean duplicates;

  private final SemanticType[] semanticTypes;

  ColumnProfile(ColumnSpec spec, boolean values) {
    this.spec = spec;
    this.semanticTypes = values ? SemanticType.values() : BuiltInChecks.STRICT_TYPES.toArray(new SemanticType[0]);
    if (!values) {
      counts = null;
      distinct = null;
    }
  }

  void add(Object v, String text) {
    if (v == null) {
      nulls++;
      return;
    }
    values++;
    if (spec.type() == ColumnType.VARCHAR) {
      int n = text.codePointCount(0, text.length());
      minLength = Math.min(minLength, n);
      maxLength = Math.max(maxLength, n);
      if (minText == null || text.compareTo(minText) < 0) {
        minText = text;
      }
      if (maxText == null || text.compareTo(maxText) > 0) {
        maxText = text;
      }
      for (SemanticType t : semanticTypes) {
        if (mayMatch(t, text) && t.matches(text)) {
          semanticMatches.merge(t, 1L, Long::sum);
        }
      }
    } else {
      BigDecimal x = Values.comparable(spec.type(), v);
      if (x != null && spec.type().isNumeric() && x.signum() < 0) {
        negatives++;
      }
      if (x != null) {
        if (min == null || x.compareTo(min) < 0) {
          min = x;
          minText = text;
        }
        if (max == null || x.compareTo(max) > 0) {
          max = x;
          maxText = text;
        }
      }
    }
    if (counts != null) {
      counts.merge(text, 1L, Long::sum);
      if (counts.size() > MAX_COUNTED) {
        counts = null;
      }
    }
    if (distinct != null && !duplicates) {
      if (!distinct.add(v instanceof String ? text : v)) {
        duplicates = true;
        distinct = null; // known not unique: free the memory
      } else if (distinct.size() > MAX_DISTINCT) {
        distinct = null;
      }
    }
  }

  /**
   * False when {@code text} cannot match {@code t}'s pattern (a condition every match meets), so
   * most values skip most regular expressions.
   */
  static boolean mayMatch(SemanticType t, String text) {
    switch (t) {
      case EMAIL: return text.indexOf('@') > 0;
      case URL: return text.contains("://");
      case UUID: return text.length() == 36;
      case IPV4: return text.length() >= 7 && text.length() <= 15 && text.chars().allMatch(c -> c == '.'
          || c >= '0' && c <= '9');
      case IPV6: return text.indexOf(':') >= 0;
      default: return true;
    }
  }

  public ColumnSpec spec() {
    return spec;
  }

  public long nulls() {
    return nulls;
  }

  /** Non-null values returned by the reader. */
  public long values() {
    return values;
  }

  /** Records rejected because of this column's value. */
  public long rejected() {
    return rejected;
  }

  /** Rows seen (returned or rejected for this column). */
  public long rows() {
    return nulls + values + rejected;
  }

  /** Smallest value as text, or null. */
  public String minText() {
    return minText;
  }

  public String maxText() {
    return maxText;
  }

  public BigDecimal min() {
    return min;
  }

  public BigDecimal max() {
    return max;
  }

  public int minLength() {
    return values == 0 ? 0 : minLength;
  }

  public int maxLength() {
    return maxLength;
  }

  /** Values below zero (numeric columns). */
  public long negatives() {
    return negatives;
  }

  public long semanticMatches(SemanticType t) {
    return semanticMatches.getOrDefault(t, 0L);
  }

  /** Value counts when there are at most {@link #MAX_COUNTED} distinct values, else null. */
  public Map<String, Long> valueCounts() {
    return counts == null ? null : new HashMap<>(counts);
  }

  /** True: no value repeats; false: one does; null: too many values to tell. */
  public Boolean unique() {
    return duplicates ? Boolean.FALSE : distinct == null ? null : Boolean.TRUE;
  }
}
