package io.dsap.engine.format.excel;

import io.dsap.engine.error.Errors;
import java.util.Locale;

/**
 * A block of a sheet given with {@code range =>}: {@code A1:D100}, {@code B:F} (whole columns) or
 * {@code B3:F} (from row 3 down). Columns are 0-based, rows 1-based as Excel numbers them.
 *
 * @param firstColumn first column (0 = A)
 * @param firstRow first row (1-based)
 * @param lastColumn last column, inclusive
 * @param lastRow last row, inclusive; {@link Integer#MAX_VALUE} when open-ended
 */
public record CellRange(int firstColumn, int firstRow, int lastColumn, int lastRow) {
  static final int MAX_COLUMN = 16_383; // XFD, Excel's last column

  /** Parses a range as users write it; {@code $} signs are ignored. */
  public static CellRange parse(String text) {
    String t = text.replace("$", "").trim().toUpperCase(Locale.ROOT);
    int colon = t.indexOf(':');
    if (t.contains("!") || colon <= 0 || colon == t.length() - 1) {
      throw bad(text);
    }
    int[] from = ref(t.substring(0, colon), text);
    int[] to = ref(t.substring(colon + 1), text);
    int firstRow = from[1] == 0 ? 1 : from[1];
    int lastRow = to[1] == 0 ? Integer.MAX_VALUE : to[1];
    if (to[0] < from[0] || lastRow < firstRow || (from[1] == 0 && to[1] != 0)) {
      throw bad(text);
    }
    return new CellRange(from[0], firstRow, to[0], lastRow);
  }

  /** {column, row} of {@code B17} (row 0 when only the column is given). */
  private static int[] ref(String s, String text) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= 'A' && s.charAt(i) <= 'Z') {
      i++;
    }
    if (i == 0 || i > 3) {
      throw bad(text);
    }
    int col = columnIndex(s, 0, i);
    int row = 0;
    if (i < s.length()) {
      try {
        row = Integer.parseInt(s.substring(i));
      } catch (NumberFormatException e) {
        throw bad(text);
      }
      if (row < 1) {
        throw bad(text);
      }
    }
    if (col > MAX_COLUMN) {
      throw bad(text);
    }
    return new int[] {col, row};
  }

  private static RuntimeException bad(String text) {
    return Errors.invalidOption("range", text, "a block of one sheet like 'A1:D100', 'B:F' (whole columns) or"
        + " 'B3:F' (from row 3 down); name the sheet with sheet => '...'");
  }

  /** The 0-based column of the letters {@code s[from, to)} ({@code A} = 0, {@code AA} = 26). */
  static int columnIndex(CharSequence s, int from, int to) {
    int col = 0;
    for (int i = from; i < to; i++) {
      col = col * 26 + (s.charAt(i) - 'A' + 1);
    }
    return col - 1;
  }

  /** The letters of a 0-based column: 0 is {@code A}, 27 is {@code AB}. */
  static String columnName(int column) {
    StringBuilder s = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      s.append((char) ('A' + (c - 1) % 26));
    }
    return s.reverse().toString();
  }

  /** A cell reference such as {@code C17}. */
  static String cell(int column, int row) {
    return columnName(column) + row;
  }

  @Override
  public String toString() {
    return columnName(firstColumn) + firstRow + ":" + columnName(lastColumn)
        + (lastRow == Integer.MAX_VALUE ? "" : String.valueOf(lastRow));
  }
}
