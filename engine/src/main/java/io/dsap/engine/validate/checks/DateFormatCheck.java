package io.dsap.engine.validate.checks;

import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.TemporalFormat;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.Check;
import io.dsap.engine.validate.DateAdvice;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * {@code date_format}: a text column whose values must be dates (or timestamps) in a layout,
 * parsed strictly (2024-02-30 fails). Used when the schema keeps the column as VARCHAR, or uses
 * a layout dsap's readers do not read directly.
 */
public final class DateFormatCheck extends AbstractCheck {
  private final int c;
  private final String format;
  private final DateTimeFormatter formatter;
  private final boolean hasTime;
  private final TemporalFormat readerFormat;

  public DateFormatCheck(String column, int c, String format, Severity severity, double mostly) {
    super("date_format", column, severity, mostly);
    this.c = c;
    this.format = format;
    // 'u' is the proleptic year: with 'y' (year of era) STRICT resolution rejects every date
    this.formatter = DateTimeFormatter.ofPattern(format.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
    this.hasTime = format.contains("H") || format.contains("h") || format.contains("m");
    TemporalFormat f;
    try {
      f = TemporalFormat.parse(format);
    } catch (IllegalArgumentException e) {
      f = null;
    }
    this.readerFormat = f;
  }

  @Override
  public Check forSplit() {
    return freshCopy();
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    for (int r = 0; r < rows.size(); r++) {
      if (rows.isNull(r, c)) {
        continue;
      }
      checked++;
      String text = rows.text(r, c);
      try {
        if (hasTime) {
          java.time.LocalDateTime.parse(text.trim(), formatter);
        } else {
          java.time.LocalDate.parse(text.trim(), formatter);
        }
      } catch (DateTimeParseException e) {
        String advice = readerFormat == null ? null : DateAdvice.advise(text, readerFormat);
        fail(rows, r, text, "a date in " + format, column + " '" + text + "' is not a date in " + format,
            advice != null ? capitalise(advice) + "." : "Write the date as " + format + ", or change format: in"
                + " the schema.", out);
      }
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
