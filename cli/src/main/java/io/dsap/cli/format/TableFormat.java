package io.dsap.cli.format;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned text table for people: header, separator line, one line per row, numbers right-aligned, SQL NULL as
 * {@value #NULL}, and a footer with the row count. Reads the whole result before writing (column widths).
 *
 * <pre>
 * id | name  | amount
 * ---+-------+-------
 *  1 | alice |   9.50
 *  2 | NULL  |
 * (2 rows)
 * </pre>
 */
final class TableFormat implements ResultFormat {
  /** How SQL NULL is shown. */
  static final String NULL = "NULL";

  @Override
  public long write(ResultSet rows, PrintStream out) throws SQLException {
    List<Column> columns = Column.of(rows.getMetaData());
    int count = columns.size();
    int[] widths = new int[count];
    for (int c = 0; c < count; c++) {
      widths[c] = escape(columns.get(c).label()).length();
    }
    List<String[]> lines = new ArrayList<>();
    while (rows.next()) {
      String[] line = new String[count];
      for (int c = 0; c < count; c++) {
        String value = rows.getString(c + 1);
        line[c] = value == null ? NULL : escape(value);
        widths[c] = Math.max(widths[c], line[c].length());
      }
      lines.add(line);
    }

    String[] header = new String[count];
    String[] rule = new String[count];
    for (int c = 0; c < count; c++) {
      header[c] = escape(columns.get(c).label());
      rule[c] = "-".repeat(widths[c]);
    }
    printLine(out, header, columns, widths, " | ");
    out.println(String.join("-+-", rule));
    for (String[] line : lines) {
      printLine(out, line, columns, widths, " | ");
    }
    out.println(lines.size() == 1 ? "(1 row)" : "(" + lines.size() + " rows)");
    return lines.size();
  }

  private static void printLine(PrintStream out, String[] cells, List<Column> columns, int[] widths, String gap) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append(gap);
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      if (columns.get(c).isNumeric()) {
        line.append(pad).append(cells[c]);
      } else {
        line.append(cells[c]).append(pad);
      }
    }
    out.println(line.toString().stripTrailing());
  }

  /** Keeps a value on one line: control characters are shown as escapes (\n, \r, \t). */
  static String escape(String value) {
    StringBuilder text = null;
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      String replacement = switch (ch) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : null;
      };
      if (replacement != null && text == null) {
        text = new StringBuilder(value.substring(0, i));
      }
      if (text != null) {
        text.append(replacement != null ? replacement : String.valueOf(ch));
      }
    }
    return text == null ? value : text.toString();
  }
}
