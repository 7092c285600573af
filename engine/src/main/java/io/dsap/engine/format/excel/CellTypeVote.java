package io.dsap.engine.format.excel;

import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.ValueTypeStats;

/**
 * Evidence about one column's type from its sampled cells. Cells carry their own type, so dates
 * and times decide by themselves; everything else goes through {@link ValueTypeStats} as text
 * (numbers in their plain form), which handles numbers stored as text, zero-padded codes, text
 * dates and mixtures exactly as for CSV. Error cells ({@code #N/A}) cast no vote: their rows are
 * rejected in typed columns.
 */
final class CellTypeVote {
  private final ValueTypeStats text = new ValueTypeStats();
  private long numbers;
  private long strings;
  private long booleans;
  private long dates;
  private long dateTimes;
  private long times;
  private long errors;
  private String firstError;
  private String firstErrorCell;

  void add(SheetRow row, int c, ByteParsers p) {
    switch (row.kind(c)) {
      case SheetRow.NUMBER:
        numbers++;
        text.add(SheetRow.numberText(row.number(c)), p);
        break;
      case SheetRow.STRING: {
        String s = row.string(c);
        if (s.isBlank()) {
          text.addNull(); // an empty or blank string is no value
        } else {
          strings++;
          text.add(s, p);
        }
        break;
      }
      case SheetRow.BOOLEAN:
        booleans++;
        text.add(row.text(c), p);
        break;
      case SheetRow.DATE:
        if (row.date(c).toLocalTime().toNanoOfDay() == 0) {
          dates++;
        } else {
          dateTimes++;
        }
        text.add(row.text(c), p);
        break;
      case SheetRow.TIME:
        times++;
        text.add(row.text(c), p);
        break;
      case SheetRow.ERROR:
        if (errors++ == 0) {
          firstError = row.error(c);
          firstErrorCell = CellRange.cell(c, row.number());
        }
        break;
      default:
        text.addNull();
    }
  }

  long errors() {
    return errors;
  }

  /** Whether most valued cells are numbers, dates or booleans stored as such (not text). */
  boolean mostlyTyped() {
    return numbers + booleans + dates + dateTimes + times > strings;
  }

  boolean leadingZeros() {
    return text.leadingZeros();
  }

  boolean ambiguousDate(ColumnSpec spec) {
    return spec.type() != ColumnType.TIME && text.ambiguousDate(spec); // a TIME has no day or month
  }

  /** The column type the sample supports; {@code complete} says whether the whole sheet was seen. */
  ColumnSpec resolve(String name, boolean complete) {
    long temporal = dates + dateTimes + times;
    long values = numbers + strings + booleans + temporal;
    if (values == 0) {
      return ColumnSpec.varchar(name, errors > 0 ? "VARCHAR: only Excel error cells (" + firstError + ") in the"
          + " sample" : "VARCHAR: no value in the sample");
    }
    ColumnSpec spec;
    if (temporal == values && times == 0) {
      ColumnType t = dateTimes == 0 ? ColumnType.DATE : ColumnType.TIMESTAMP;
      spec = new ColumnSpec(name, t, 0, null, t + ": all " + values + " sampled cells are dates"
          + (dateTimes == 0 ? " without a time of day" : ", " + dateTimes + " with a time of day")
          + " (date number format)");
    } else if (times == values) {
      spec = new ColumnSpec(name, ColumnType.TIME, 0, null, "TIME: all " + values + " sampled cells are times"
          + " of day (time number format)");
    } else {
      spec = text.resolve(name, complete);
      if (spec.type() == ColumnType.VARCHAR && kinds() > 1) {
        spec = ColumnSpec.varchar(name, spec.detection() + " (cells: " + mix() + ")");
      }
    }
    if (errors > 0 && spec.type() != ColumnType.VARCHAR) {
      spec = new ColumnSpec(name, spec.type(), spec.precision(), spec.scale(), spec.format(), spec.detection() + "; "
          + errors + " sampled cell" + (errors == 1 ? " holds an Excel error" : "s hold Excel errors") + " ("
          + firstError + " in " + firstErrorCell + ") and their rows are rejected; types => '" + name
          + ":VARCHAR' keeps them as text");
    }
    return spec;
  }

  private int kinds() {
    int k = 0;
    for (long n : new long[] {numbers, strings, booleans, dates + dateTimes, times}) {
      k += n > 0 ? 1 : 0;
    }
    return k;
  }

  private String mix() {
    StringBuilder s = new StringBuilder();
    append(s, numbers, "number");
    append(s, strings, "text");
    append(s, booleans, "boolean");
    append(s, dates + dateTimes, "date");
    append(s, times, "time");
    return s.toString();
  }

  private static void append(StringBuilder s, long n, String what) {
    if (n > 0) {
      s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
    }
  }
}
