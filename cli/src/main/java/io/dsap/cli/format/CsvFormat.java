package io.dsap.cli.format;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * CSV with a header line, quoted as RFC 4180 says: a field with a comma, a double quote or a line break is enclosed
 * in double quotes, and its double quotes doubled. SQL NULL is an empty field; an empty string is {@code ""}, so the
 * two stay apart. Lines end with LF (RFC 4180 readers accept it). Streams: rows are written as they are read.
 */
final class CsvFormat implements ResultFormat {
  private static final int CHECK_OUTPUT_EVERY = 1024;

  @Override
  public long write(ResultSet rows, PrintStream out) throws SQLException {
    List<Column> columns = Column.of(rows.getMetaData());
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      appendField(line, c, columns.get(c).label());
    }
    out.print(line.append('\n'));
    long count = 0;
    while (rows.next()) {
      line.setLength(0);
      for (int c = 0; c < columns.size(); c++) {
        appendField(line, c, rows.getString(c + 1));
      }
      out.print(line.append('\n'));
      if (++count % CHECK_OUTPUT_EVERY == 0 && out.checkError()) {
        break; // the reader went away (e.g. `| head`): stop reading the result
      }
    }
    return count;
  }

  private static void appendField(StringBuilder line, int index, String value) {
    if (index > 0) {
      line.append(',');
    }
    line.append(quote(value));
  }

  /** Returns a value as one RFC 4180 field; null gives the empty field. */
  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.isEmpty()) {
      return "\"\"";
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
    }
    return value;
  }
}
