package io.dsap.engine.detect;

import io.dsap.engine.profile.ValueCountsState;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.types.ValueTypeStats;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What the full pass learns about one column from its values as text: type evidence over every
 * value ({@link ValueTypeStats}, the same rules as the sample), candidate shares and
 * counterexamples with lines, semantic matches, distinct values, formats, padding and ranges.
 * {@link ColumnVerdict} turns it into a {@link ColumnSchema}.
 */
final class ColumnEvidence {
  private static final List<TemporalFormat> FORMATS = TemporalFormat.CANDIDATES;

  final String name;
  final ColumnSpec proposed;
  final ValueTypeStats stats = new ValueTypeStats();
  final TypeCandidates types;
  final SemanticCounts semantic = new SemanticCounts();
  final ValueCountsState distinct = new ValueCountsState(true);
  final long[] dateFormats = new long[FORMATS.size() + 1]; // the last: dates with month names
  private final ByteParsers p = new ByteParsers();
  long rows;
  long nulls;
  long padded;
  long numeric;
  long leadingZeros;
  String firstValue;
  long firstLine;
  final Range numbers = new Range();
  final Range temporal = new Range();
  byte[] textMin;
  byte[] textMax;

  ColumnEvidence(ColumnSpec proposed) {
    this.name = proposed.name();
    this.proposed = proposed;
    this.types = new TypeCandidates(proposed);
  }

  void addNull() {
    rows++;
    nulls++;
    stats.addNull();
  }

  void add(byte[] b, int s, int e, long line) {
    rows++;
    if (firstValue == null) {
      firstValue = TypeCandidates.text(b, s, e);
      firstLine = line;
    }
    stats.add(b, s, e, p);
    types.add(b, s, e, line, p);
    distinct.addText(b, s, e, io.dsap.engine.profile.Hashing.bytes(b, s, e));
    if (Character.isWhitespace(b[s]) || Character.isWhitespace(b[e - 1])) {
      padded++;
    }
    String v = new String(b, s, e - s, StandardCharsets.UTF_8).trim();
    if (!v.isEmpty()) {
      semantic.add(v, line);
    }
    if (textMin == null || Arrays.compareUnsigned(b, s, e, textMin, 0, textMin.length) < 0) {
      textMin = Arrays.copyOfRange(b, s, e);
    }
    if (textMax == null || Arrays.compareUnsigned(b, s, e, textMax, 0, textMax.length) > 0) {
      textMax = Arrays.copyOfRange(b, s, e);
    }
    double d = p.parseDouble(b, s, e);
    if (p.ok) {
      numeric++;
      leadingZeros += ByteParsers.hasLeadingZero(b, s, e) ? 1 : 0;
      numbers.add(d, v);
      return;
    }
    formats(b, s, e, v);
  }

  /** Counts the date layout of a value (the first that reads it) and tracks the date range. */
  private void formats(byte[] b, int s, int e, String v) {
    long millis = p.parseTimestamp(b, s, e, trackedFormat());
    if (p.ok) {
      temporal.add(millis, v);
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      p.parseTimestamp(b, s, e, FORMATS.get(i));
      if (p.ok) {
        dateFormats[i]++;
        return;
      }
    }
    if (Character.isLetter(v.isEmpty() ? ' ' : v.charAt(0)) || Character.isDigit(v.isEmpty() ? ' ' : v.charAt(0))) {
      if (SemanticType.dateTextPattern(v) != null) {
        dateFormats[FORMATS.size()]++;
      }
    }
  }

  /** The date layout whose range is tracked: the sample's, else ISO. */
  TemporalFormat trackedFormat() {
    return proposed.format() != null ? proposed.format() : TemporalFormat.ISO;
  }

  long values() {
    return rows - nulls;
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** Smallest and largest value by a numeric order, kept as written. */
  static final class Range {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    String minText;
    String maxText;

    void add(double x, String text) {
      if (x < min) {
        min = x;
        minText = text;
      }
      if (x > max) {
        max = x;
        maxText = text;
      }
    }
  }
}
