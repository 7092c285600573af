package io.dsap.engine.validate;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.DateOrder;
import io.dsap.engine.types.TemporalFormat;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Explains why a text is not a date in the expected layout, and how to write it. */
public final class DateAdvice {
  private static final Pattern THREE_NUMBERS = Pattern.compile("\\s*(\\d{1,4})\\D(\\d{1,2})\\D(\\d{1,4})\\s*(.*)");

  private DateAdvice() {}

  /**
   * What is wrong with {@code value} as a date in {@code expected}, and the fix; null when
   * nothing specific can be said.
   */
  public static String advise(String value, TemporalFormat expected) {
    if (value == null) {
      return null;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    ByteParsers p = new ByteParsers();
    for (TemporalFormat f : TemporalFormat.CANDIDATES) {
      if (f.equals(expected)) {
        continue;
      }
      int day = p.parseDate(b, 0, b.length, f);
      if (p.ok) {
        LocalDate d = LocalDate.ofEpochDay(day);
        String fixed = format(d, expected);
        return "'" + value + "' is written " + f.datePattern() + " (" + d + "); write it as " + fixed + " ("
            + expected.datePattern() + ")" + (f.swapped().equals(expected) ? ", or check day and month" : "");
      }
    }
    Matcher m = THREE_NUMBERS.matcher(value);
    if (m.matches() && m.group(4).isEmpty()) {
      int[] n = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
      int y;
      int mo;
      int d;
      DateOrder o = expected.order();
      if (o == DateOrder.YMD) {
        y = n[0]; mo = n[1]; d = n[2];
      } else if (o == DateOrder.DMY) {
        d = n[0]; mo = n[1]; y = n[2];
      } else {
        mo = n[0]; d = n[1]; y = n[2];
      }
      if (mo < 1 || mo > 12) {
        return "'" + value + "' has month " + mo + ", which does not exist; correct the date";
      }
      int max = ByteParsers.daysInMonth(y, mo);
      if (d < 1 || d > max) {
        return "'" + value + "' has day " + d + " but " + Month.of(mo).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " " + y + " has " + max + " days; correct the date";
      }
    }
    return null;
  }

  private static String format(LocalDate d, TemporalFormat f) {
    String y = String.format("%04d", d.getYear());
    String mo = String.format("%02d", d.getMonthValue());
    String day = String.format("%02d", d.getDayOfMonth());
    String s = String.valueOf(f.separator());
    switch (f.order()) {
      case YMD: return y + s + mo + s + day;
      case DMY: return day + s + mo + s + y;
      default: return mo + s + day + s + y;
    }
  }
}
