package io.dsap.engine.types;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Evidence about one column's type, from its values as text (CSV fields, XML text, JSON strings).
 * Feed it values with {@link #add} (or {@link #addNull}) and ask {@link #resolve} for the type.
 *
 * <p>Evidence about one column's type: for every candidate type, how many sampled values did not
 * fit, with the first few of them. A candidate survives when its misfits are at most
 * {@link #TOLERANCE} of the values (a few bad dates do not turn a date column into text: they
 * become rejects, with the reason); leading zeros and integers beyond 64 bits are never tolerated.
 */
public final class ValueTypeStats {
  /** Integers up to this magnitude are INTEGER; beyond it BIGINT, leaving room for unsampled rows. */
  static final long INTEGER_HEADROOM = 100_000_000L;
  /** DECIMAL keeps at most this many digits after the point; more becomes DOUBLE. */
  static final int MAX_DECIMAL_SCALE = 4;
  /** Share of sampled values that may miss the chosen type (and be rejected when read). */
  static final double TOLERANCE = 0.02;
  /** After this many values a candidate past the tolerance is dropped for good (saves work). */
  private static final long SETTLED = 1000;
  private static final int EXAMPLES = 3;

  private static final List<TemporalFormat> FORMATS = TemporalFormat.CANDIDATES;
  private static final int BOOL = 0;
  private static final int INT = 1;
  private static final int DEC = 2;
  private static final int DBL = 3;
  private static final int DATE0 = 4; // DATE in FORMATS[i] at DATE0 + i
  private static final int TS0 = DATE0 + FORMATS.size();
  private static final int CANDIDATES = TS0 + FORMATS.size();

  private long values;
  private long nulls;
  private final long[] misfits = new long[CANDIDATES];
  private final boolean[] dropped = new boolean[CANDIDATES];
  private final long[] checked = new long[CANDIDATES]; // values seen when the candidate was dropped
  private final String[][] examples = new String[CANDIDATES][EXAMPLES];
  private boolean leadingZero;
  private String leadingZeroExample;
  private long integersBeyondLong;
  private String integerBeyondLongExample;
  private int maxScale;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;

  /** Non-null values seen. */
  public long values() {
    return values;
  }

  public long nulls() {
    return nulls;
  }

  /** Adds a value given as a string. */
  public void add(String value, ByteParsers p) {
    byte[] b = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    add(b, 0, b.length, p);
  }

  public void addNull() {
    nulls++;
  }

  public void add(byte[] b, int s, int e, ByteParsers p) {
    values++;
    if (!alive(BOOL)) {
      // skip
    } else {
      p.parseBoolean(b, s, e);
      check(BOOL, p.ok, b, s, e);
    }
    if (alive(INT) || alive(DEC) || alive(DBL)) {
      if (!leadingZero && ByteParsers.hasLeadingZero(b, s, e)) {
        leadingZero = true;
        leadingZeroExample = text(b, s, e);
      }
      if (alive(INT)) {
        long v = p.parseLong(b, s, e);
        if (p.ok) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        } else if (isIntegerSyntax(b, s, e)) {
          if (integersBeyondLong++ == 0) {
            integerBeyondLongExample = text(b, s, e);
          }
        }
        check(INT, p.ok, b, s, e);
      }
      if (alive(DEC)) {
        p.parseDecimal(b, s, e, -1);
        if (p.ok) {
          maxScale = Math.max(maxScale, p.lastScale);
        }
        check(DEC, p.ok, b, s, e);
      }
      if (alive(DBL)) {
        p.parseDouble(b, s, e);
        check(DBL, p.ok, b, s, e);
      }
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      TemporalFormat f = FORMATS.get(i);
      if (alive(DATE0 + i)) {
        p.parseDate(b, s, e, f);
        check(DATE0 + i, p.ok, b, s, e);
      }
      if (alive(TS0 + i)) {
        p.parseTimestamp(b, s, e, f);
        check(TS0 + i, p.ok, b, s, e);
      }
    }
  }

  private boolean alive(int c) {
    return !dropped[c];
  }

  private void check(int c, boolean fits, byte[] b, int s, int e) {
    if (fits) {
      return;
    }
    long n = misfits[c]++;
    if (n < EXAMPLES) {
      examples[c][(int) n] = text(b, s, e);
    }
    if (values >= SETTLED && misfits[c] > TOLERANCE * values) {
      dropped[c] = true;
      checked[c] = values;
    }
  }

  private boolean fits(int c) {
    return !dropped[c] && misfits[c] <= Math.floor(TOLERANCE * values);
  }

  private static boolean isIntegerSyntax(byte[] b, int s, int e) {
    String t = text(b, s, e).trim();
    return t.matches("[-+]?\\d+");
  }

  /** The column this evidence supports. {@code complete} says whether every record was seen. */
  public ColumnSpec resolve(String name, boolean complete) {
    String seen = values + " sampled value" + (values == 1 ? "" : "s");
    if (values == 0) {
      return ColumnSpec.varchar(name, "VARCHAR: no non-empty value in the sample");
    }
    boolean numeric = fits(INT) || fits(DEC) || fits(DBL);
    if (numeric && leadingZero) {
      return ColumnSpec.varchar(name, "VARCHAR: leading zeros ('" + leadingZeroExample
          + "') mean a code, so the zeros are kept");
    }
    if (integersBeyondLong > 0 && fits(DBL) && misfits[INT] - integersBeyondLong <= Math.floor(TOLERANCE * values)) {
      return ColumnSpec.varchar(name, "VARCHAR: whole numbers beyond the 64-bit range ('"
          + integerBeyondLongExample + "') are kept exactly, as text");
    }
    if (fits(BOOL)) {
      return spec(name, ColumnType.BOOLEAN, 0, null, BOOL, "BOOLEAN: " + share(BOOL, seen) + " true/false");
    }
    if (fits(INT)) {
      boolean small = complete ? min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE
          : min >= -INTEGER_HEADROOM && max <= INTEGER_HEADROOM;
      ColumnType t = small ? ColumnType.INTEGER : ColumnType.BIGINT;
      return spec(name, t, 0, null, INT, t + ": " + share(INT, seen) + " whole numbers from " + min + " to "
          + max + (small || complete ? "" : " (BIGINT leaves room for larger values in rows not sampled)"));
    }
    if (fits(DEC) && maxScale <= MAX_DECIMAL_SCALE) {
      return spec(name, ColumnType.DECIMAL, maxScale, null, DEC, "DECIMAL(18," + maxScale + "): " + share(DEC, seen)
          + " plain decimals with at most " + maxScale + " digits after the point");
    }
    if (fits(DBL)) {
      return spec(name, ColumnType.DOUBLE, 0, null, DBL, "DOUBLE: " + share(DBL, seen) + " numbers"
          + (fits(DEC) ? " with up to " + maxScale + " digits after the point" : ""));
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      if (fits(DATE0 + i)) {
        return temporal(name, ColumnType.DATE, DATE0, i, seen);
      }
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      if (fits(TS0 + i)) {
        return temporal(name, ColumnType.TIMESTAMP, TS0, i, seen);
      }
    }
    return ColumnSpec.varchar(name, "VARCHAR: " + varcharReason());
  }

  private String varcharReason() {
    int bestDate = -1;
    for (int i = 0; i < FORMATS.size(); i++) {
      if (misfits[TS0 + i] < checked(TS0 + i) && (bestDate < 0 || share(TS0 + i) < share(TS0 + bestDate))) {
        bestDate = i;
      }
    }
    if (bestDate >= 0 && misfits[TS0 + bestDate] * 2 < checked(TS0 + bestDate)) {
      return "most values are dates in " + FORMATS.get(bestDate).datePattern() + " but " + misfits[TS0 + bestDate]
          + " of " + checked(TS0 + bestDate) + " are not (e.g. '" + examples[TS0 + bestDate][0]
          + "'): mixed formats; no single format fits";
    }
    if (misfits[DBL] * 2 < checked(DBL)) {
      return "most values are numbers but " + misfits[DBL] + " of " + checked(DBL) + " are not (e.g. '"
          + examples[DBL][0] + "')";
    }
    return "'" + examples[DBL][0] + "' is not a number, a boolean or a date";
  }

  /** How many values candidate {@code c} was checked against: a dropped one stopped counting misfits. */
  private long checked(int c) {
    return dropped[c] ? checked[c] : values;
  }

  /** The share of the values checked against candidate {@code c} that did not fit it. */
  private double share(int c) {
    return (double) misfits[c] / Math.max(1, checked(c));
  }

  private String share(int c, String seen) {
    return misfits[c] == 0 ? "all " + seen + " are" : (values - misfits[c]) + " of " + seen + " are";
  }

  private ColumnSpec spec(String name, ColumnType t, int scale, TemporalFormat f, int c, String why) {
    return new ColumnSpec(name, t, scale, f, why + misfitNote(name, c, t));
  }

  /** Explains the tolerated misfits: they will be rejected, and how to keep them instead. */
  private String misfitNote(String name, int c, ColumnType t) {
    if (misfits[c] == 0) {
      return "";
    }
    StringBuilder s = new StringBuilder("; ").append(misfits[c]).append(" sampled value")
        .append(misfits[c] == 1 ? " does" : "s do").append(" not fit (");
    for (int i = 0; i < EXAMPLES && examples[c][i] != null; i++) {
      s.append(i > 0 ? ", " : "").append('\'').append(examples[c][i]).append('\'');
    }
    return s.append(") and their rows are rejected when read; use types => '").append(name)
        .append(":VARCHAR' to keep them as text").toString();
  }

  private ColumnSpec temporal(String name, ColumnType type, int base, int i, String seen) {
    TemporalFormat f = FORMATS.get(i);
    TemporalFormat other = f.swapped();
    int o = base + FORMATS.indexOf(other);
    String pattern = type == ColumnType.DATE ? f.datePattern() : f.timestampPattern();
    StringBuilder why = new StringBuilder(type + " " + pattern + ": " + share(base + i, seen) + " valid");
    if (!other.equals(f)) {
      if (fits(o)) {
        why.append("; AMBIGUOUS: the values also read as ").append(other.datePattern())
            .append(" (no day above 12); set types => '").append(name).append(':').append(type)
            .append('(').append(other.datePattern()).append(")' if the month comes first");
      } else if (examples[o][0] != null) {
        why.append("; '").append(examples[o][0]).append("' rules out ").append(other.datePattern());
      }
    }
    return new ColumnSpec(name, type, 0, f, why + misfitNote(name, base + i, type));
  }

  /** True when the chosen date format could also be read day-for-month. */
  public boolean ambiguousDate(ColumnSpec resolved) {
    if (!resolved.type().isTemporal()) {
      return false;
    }
    int base = resolved.type() == ColumnType.DATE ? DATE0 : TS0;
    TemporalFormat o = resolved.format().swapped();
    return !o.equals(resolved.format()) && fits(base + FORMATS.indexOf(o));
  }

  public boolean leadingZeros() {
    return leadingZero;
  }

  /** Whether one value fits the type this column resolved to (header detection). */
  public static boolean fits(ColumnSpec spec, byte[] b, int s, int e, ByteParsers p) {
    switch (spec.type()) {
      case BOOLEAN: p.parseBoolean(b, s, e); return p.ok;
      case INTEGER: case BIGINT: p.parseLong(b, s, e); return p.ok && !ByteParsers.hasLeadingZero(b, s, e);
      case DECIMAL: case DOUBLE: p.parseDouble(b, s, e); return p.ok;
      case DATE: p.parseDate(b, s, e, spec.format()); return p.ok;
      case TIMESTAMP: p.parseTimestamp(b, s, e, spec.format()); return p.ok;
      default: return true;
    }
  }

  private static String text(byte[] b, int s, int e) {
    return new String(b, s, Math.min(e - s, 100), StandardCharsets.UTF_8);
  }
}
