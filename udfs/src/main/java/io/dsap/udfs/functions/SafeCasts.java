package io.dsap.udfs.functions;

import io.dsap.engine.detect.SemanticType;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.TemporalFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code try_int}, {@code try_bigint}, {@code try_double}, {@code try_decimal}, {@code try_date}
 * and {@code try_timestamp}: a cast that gives NULL instead of failing. Numbers and dates are read
 * by the same parsers as the file readers, with the same date layouts as detection, so a value
 * that {@code try_date} accepts is one a DATE column would have accepted.
 */
public final class SafeCasts {
  /** Largest DECIMAL precision {@code try_decimal} accepts. */
  static final int MAX_PRECISION = 38;
  private static final String SIG_DECIMAL = "try_decimal(s, p, s)";
  private static final ThreadLocal<ByteParsers> PARSERS = ThreadLocal.withInitial(ByteParsers::new);
  private static final Map<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();

  private SafeCasts() {}

  public static Integer tryInt(String s) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    int v = p.parseInt(b, 0, b.length);
    return p.ok ? v : null;
  }

  public static Long tryBigint(String s) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    long v = p.parseLong(b, 0, b.length);
    return p.ok ? v : null;
  }

  public static Double tryDouble(String s) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    double v = p.parseDouble(b, 0, b.length);
    return p.ok ? v : null;
  }

  /**
   * {@code try_decimal(s, p, s)}: rounded half-up to the scale; NULL when the text is not a plain
   * number or the integer part needs more than {@code precision - scale} digits.
   */
  public static BigDecimal tryDecimal(String s, Integer precision, Integer scale) {
    if (precision != null && (precision < 1 || precision > MAX_PRECISION)) {
      throw ArgumentErrors.bad(SIG_DECIMAL, "p", precision, "the precision must be between 1 and " + MAX_PRECISION);
    }
    if (scale != null && (scale < 0 || precision != null && scale > precision)) {
      throw ArgumentErrors.bad(SIG_DECIMAL, "s", scale, "the scale must be between 0 and the precision"
          + (precision == null ? "" : " (" + precision + ")"));
    }
    if (s == null || precision == null || scale == null) {
      return null;
    }
    BigDecimal v;
    try {
      v = new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    v = v.setScale(scale, RoundingMode.HALF_UP);
    return v.precision() - v.scale() > precision - scale ? null : v;
  }

  /** {@code try_date(s)}: the first of detection's layouts that reads the whole value, then month names. */
  public static Date tryDate(String s) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    for (TemporalFormat f : TemporalFormat.CANDIDATES) {
      int day = p.parseDate(b, 0, b.length, f);
      if (p.ok) {
        return Date.valueOf(LocalDate.ofEpochDay(day));
      }
    }
    String v = s.trim();
    String pattern = SemanticType.dateTextPattern(v);
    if (pattern == null) {
      return null;
    }
    try {
      return Date.valueOf(LocalDate.from(formatter("try_date(s)", pattern).parse(v)));
    } catch (java.time.DateTimeException e) {
      return null; // detection's check is lenient about the day of month: Feb 30 is no date
    }
  }

  /** {@code try_date(s, fmt)}: {@code fmt} in {@link DateTimeFormatter} notation, e.g. {@code 'dd.MM.yyyy'}. */
  public static Date tryDate(String s, String fmt) {
    if (fmt == null) {
      return null;
    }
    TemporalFormat layout = layout(fmt);
    DateTimeFormatter f = layout == null ? formatter("try_date(s, fmt)", fmt) : null;
    if (s == null) {
      return null;
    }
    if (layout != null) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ByteParsers p = PARSERS.get();
      int day = p.parseDate(b, 0, b.length, layout);
      return p.ok ? Date.valueOf(LocalDate.ofEpochDay(day)) : null;
    }
    try {
      return Date.valueOf(LocalDate.from(f.parse(s.trim())));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** {@code try_timestamp(s)}: a date of detection's layouts, optionally a time and an offset (converted to UTC). */
  public static Timestamp tryTimestamp(String s) {
    if (s == null) {
      return null;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = PARSERS.get();
    for (TemporalFormat f : TemporalFormat.CANDIDATES) {
      long millis = p.parseTimestamp(b, 0, b.length, f);
      if (p.ok) {
        return timestamp(millis);
      }
    }
    return null;
  }

  /** {@code try_timestamp(s, fmt)}: {@code fmt} in {@link DateTimeFormatter} notation; a date alone is midnight. */
  public static Timestamp tryTimestamp(String s, String fmt) {
    if (fmt == null) {
      return null;
    }
    TemporalFormat layout = layout(fmt);
    DateTimeFormatter f = layout == null ? formatter("try_timestamp(s, fmt)", fmt) : null;
    if (s == null) {
      return null;
    }
    if (layout != null) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      ByteParsers p = PARSERS.get();
      long millis = p.parseTimestamp(b, 0, b.length, layout);
      return p.ok ? timestamp(millis) : null;
    }
    try {
      TemporalAccessor t = f.parseBest(s.trim(), LocalDateTime::from, LocalDate::from);
      return Timestamp.valueOf(t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  // Calcite turns a java.sql value into its internal form with the JVM's zone: build it from the wall clock
  private static Timestamp timestamp(long utcMillis) {
    return Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(utcMillis, 1000),
        (int) Math.floorMod(utcMillis, 1000) * 1_000_000, ZoneOffset.UTC));
  }

  /**
   * A date-only pattern that is one of detection's layouts (read by the byte parsers, as the file
   * readers read it: one-digit day and month accepted), or null for any other pattern.
   */
  private static TemporalFormat layout(String fmt) {
    String date = fmt.trim();
    for (TemporalFormat f : TemporalFormat.CANDIDATES) {
      if (f.datePattern().equals(date)) {
        return f;
      }
    }
    return null;
  }

  /** A strict formatter for a pattern ({@code yyyy} read as the proleptic year), or a clear error. */
  static DateTimeFormatter formatter(String signature, String pattern) {
    DateTimeFormatter f = PATTERNS.get(pattern);
    if (f != null) {
      return f;
    }
    try {
      f = DateTimeFormatter.ofPattern(pattern.trim().replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw ArgumentErrors.bad(signature, "fmt", pattern, "expected a date pattern such as 'yyyy-MM-dd' or"
          + " 'dd/MM/yyyy HH:mm' (java.time.format.DateTimeFormatter letters): " + e.getMessage());
    }
    PATTERNS.putIfAbsent(pattern, f);
    return f;
  }
}
