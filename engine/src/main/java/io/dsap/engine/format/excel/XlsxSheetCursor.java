package io.dsap.engine.format.excel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Pulls the rows of one worksheet part ({@code xl/worksheets/sheetN.xml}) with StAX, straight from
 * the zip entry: memory holds one row, whatever the sheet's size. Cells keep their stored type;
 * formulas give their cached value (the {@code <v>} Excel saved), never a recalculation.
 */
final class XlsxSheetCursor implements SheetCursor {
  private final Counting in;
  private final long total;
  private final XMLStreamReader x;
  private final XlsxStyles styles;
  private final boolean date1904;
  private final IntFunction<String> strings;
  private final String file;
  private final String sheet;
  private String dimension;
  private List<String> merged;
  private boolean ended;
  private int lastRow;
  private long formulasWithoutValue;

  XlsxSheetCursor(InputStream raw, long total, XlsxStyles styles, boolean date1904, IntFunction<String> strings,
      String file, String sheet) {
    this.in = new Counting(raw);
    this.total = total;
    this.styles = styles;
    this.date1904 = date1904;
    this.strings = strings;
    this.file = file;
    this.sheet = sheet;
    try {
      this.x = XmlInput.plainReader(in);
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = XmlInput.name(x);
          if (name.equals("dimension")) {
            dimension = x.getAttributeValue(null, "ref");
          } else if (name.equals("sheetData")) {
            return;
          }
        }
      }
      ended = true;
      merged = List.of();
    } catch (XMLStreamException | RuntimeException e) {
      close();
      throw ExcelErrors.reading(file, where(), e);
    }
  }

  private String where() {
    return "sheet '" + sheet + "'";
  }

  @Override
  public boolean next(SheetRow row) {
    if (ended) {
      return false;
    }
    try {
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT && XmlInput.name(x).equals("row")) {
          readRow(row);
          return true;
        }
        if (ev == XMLStreamConstants.END_ELEMENT && XmlInput.name(x).equals("sheetData")) {
          readTail();
          break;
        }
      }
      ended = true;
      if (merged == null) {
        merged = List.of();
      }
      return false;
    } catch (XMLStreamException | RuntimeException e) {
      throw ExcelErrors.reading(file, where() + (lastRow > 0 ? " near row " + lastRow : ""), e);
    }
  }

  private void readRow(SheetRow row) throws XMLStreamException {
    String r = x.getAttributeValue(null, "r");
    int number = r == null ? lastRow + 1 : Integer.parseInt(r.trim());
    lastRow = number;
    row.sharedStrings(strings);
    row.start(number);
    int col = -1;
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if (XmlInput.name(x).equals("c")) {
          col = readCell(row, col + 1);
        } else {
          skip();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && XmlInput.name(x).equals("row")) {
        return;
      }
    }
  }

  /** Reads the cell the parser stands on into {@code row}; returns its column. */
  private int readCell(SheetRow row, int defaultColumn) throws XMLStreamException {
    String ref = x.getAttributeValue(null, "r");
    int c = ref == null ? defaultColumn : column(ref);
    String t = x.getAttributeValue(null, "t");
    String s = x.getAttributeValue(null, "s");
    String v = null;
    String inline = null;
    boolean formula = false;
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = XmlInput.name(x);
        if (name.equals("v")) {
          v = x.getElementText();
        } else if (name.equals("is")) {
          inline = XlsxSharedStrings.richText(x, "is");
        } else {
          formula |= name.equals("f");
          skip();
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && XmlInput.name(x).equals("c")) {
        break;
      }
    }
    if (t == null || t.equals("n")) {
      if (v == null || v.isBlank()) {
        noValue(formula);
      } else {
        try {
          NumberFormats.set(row, c, Double.parseDouble(v.trim()), styles.kind(style(s)), date1904);
        } catch (NumberFormatException e) {
          row.setString(c, v); // not a number after all: keep what the file says
        }
      }
      return c;
    }
    switch (t) {
      case "s":
        if (v == null || v.isBlank()) {
          noValue(formula);
        } else {
          row.setSharedString(c, Integer.parseInt(v.trim()));
        }
        break;
      case "inlineStr":
        row.setString(c, inline != null ? inline : v == null ? "" : v);
        break;
      case "str":
        if (v == null) {
          noValue(formula);
        } else {
          row.setString(c, v);
        }
        break;
      case "b":
        if (v == null) {
          noValue(formula);
        } else {
          row.setBoolean(c, v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
        }
        break;
      case "e":
        row.setError(c, v == null ? "#VALUE!" : v.trim());
        break;
      case "d":
        setIsoDate(row, c, v);
        break;
      default:
        if (v != null) {
          row.setString(c, v);
        }
    }
    return c;
  }

  private void noValue(boolean formula) {
    if (formula) {
      formulasWithoutValue++;
    }
  }

  /** A cell of type {@code d}: an ISO 8601 date written as text (newer and strict files). */
  private static void setIsoDate(SheetRow row, int c, String v) {
    if (v == null || v.isBlank()) {
      return;
    }
    String t = v.trim();
    try {
      row.setDate(c, t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t.replace(' ', 'T')));
    } catch (DateTimeParseException e) {
      row.setString(c, v);
    }
  }

  private static int style(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The 0-based column of a reference such as {@code BC17} (no allocation: it runs per cell). */
  static int column(String ref) {
    int col = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = ref.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        col = col * 26 + (ch - 'A' + 1);
      } else if (ch >= 'a' && ch <= 'z') {
        col = col * 26 + (ch - 'a' + 1);
      } else {
        break;
      }
    }
    return col - 1;
  }

  /** Skips the element the parser stands on, children included. */
  private void skip() throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** What follows the cells: the merged areas (small, so reading it costs nothing). */
  private void readTail() throws XMLStreamException {
    List<String> m = new ArrayList<>();
    while (x.hasNext()) {
      if (x.next() == XMLStreamConstants.START_ELEMENT && XmlInput.name(x).equals("mergeCell")) {
        String ref = x.getAttributeValue(null, "ref");
        if (ref != null) {
          m.add(ref);
        }
      }
    }
    merged = List.copyOf(m);
  }

  @Override
  public String dimension() {
    return dimension;
  }

  @Override
  public List<String> mergedAreas() {
    return merged;
  }

  @Override
  public long formulasWithoutValue() {
    return formulasWithoutValue;
  }

  @Override
  public long bytesRead() {
    return in.count;
  }

  @Override
  public long bytesTotal() {
    return total;
  }

  @Override
  public void close() {
    try {
      if (x != null) {
        x.close();
      }
    } catch (XMLStreamException ignored) {
      // closing a reader of a read-only stream loses nothing
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // as above
    }
  }

  /** Counts the (uncompressed) bytes the parser has taken, for progress. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
