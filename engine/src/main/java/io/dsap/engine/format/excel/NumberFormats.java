package io.dsap.engine.format.excel;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What a cell's number format says about its number: a plain number, a date (or date and time),
 * or a time of day. Excel stores all three as the same double; only the format tells them apart.
 */
final class NumberFormats {
  static final byte PLAIN = 0;
  static final byte DATE = 1;
  static final byte TIME = 2;

  private NumberFormats() {}

  /** Classifies format {@code id} with format code {@code code} (null for an unknown built-in). */
  static byte kind(int id, String code) {
    if (code == null || !DateUtil.isADateFormat(id, code)) {
      return PLAIN;
    }
    return hasDatePart(code) ? DATE : TIME;
  }

  /** Whether a date format shows a day, month or year (not only hours, minutes, seconds). */
  private static boolean hasDatePart(String code) {
    String c = code.toLowerCase(Locale.ROOT)
        .replaceAll("\"[^\"]*\"", "") // quoted literal text
        .replaceAll("\\[[^]]*]", "") // colours, locales, elapsed [h]
        .replaceAll("\\\\.", "") // escaped characters
        .replace("am/pm", "").replace("a/p", "");
    if (c.indexOf('y') >= 0 || c.indexOf('d') >= 0 || c.indexOf('e') >= 0) {
      return true;
    }
    // 'm' is a month unless it stands next to h or s (then it is minutes)
    String noMinutes = c.replaceAll("h+[^a-z]*m+", "").replaceAll("m+[^a-z]*s+", "");
    return noMinutes.indexOf('m') >= 0;
  }

  /**
   * Writes number {@code v} with format kind {@code kind} into {@code row}: times of day below one
   * day become {@link LocalTime}; dates use the workbook's date system (1900 or 1904). Numbers
   * that are no valid date (negative) stay numbers.
   */
  static void set(SheetRow row, int c, double v, byte kind, boolean date1904) {
    if (kind == PLAIN || !DateUtil.isValidExcelDate(v)) {
      row.setNumber(c, v);
    } else if (kind == TIME && v < 1) {
      long millis = Math.round(v * DateUtil.DAY_MILLISECONDS);
      row.setTime(c, LocalTime.ofNanoOfDay(Math.min(millis, DateUtil.DAY_MILLISECONDS - 1) * 1_000_000L));
    } else {
      LocalDateTime t = DateUtil.getLocalDateTime(v, date1904, false);
      if (t == null) {
        row.setNumber(c, v);
      } else {
        row.setDate(c, t);
      }
    }
  }
}
