package io.dsap.engine.format.excel;

import java.util.List;

/** Which sheet a read means: the named table, the {@code sheet =>} option, or the default. */
final class SheetChoice {
  private SheetChoice() {}

  /**
   * {@code table} (a sheet name from the files schema, {@code ""} for the plain file name) wins,
   * then {@code sheet =>} (a name, else a 1-based number), then the first visible sheet holding
   * data, then the first sheet holding data, then the first sheet.
   */
  static ExcelWorkbook.Sheet choose(ExcelWorkbook wb, String table, ExcelOptions o, String file) {
    List<ExcelWorkbook.Sheet> sheets = wb.sheets();
    if (sheets.isEmpty()) {
      throw ExcelErrors.noWorksheet(file);
    }
    String wanted = !table.isEmpty() ? table : o.sheet();
    if (wanted != null) {
      return byName(sheets, wanted, table.isEmpty(), file);
    }
    ExcelWorkbook.Sheet hiddenWithData = null;
    for (ExcelWorkbook.Sheet s : sheets) {
      if ((!s.hidden() || hiddenWithData == null) && hasData(wb, s)) {
        if (!s.hidden()) {
          return s;
        }
        hiddenWithData = s;
      }
    }
    return hiddenWithData != null ? hiddenWithData : sheets.get(0);
  }

  private static ExcelWorkbook.Sheet byName(List<ExcelWorkbook.Sheet> sheets, String wanted, boolean numberAllowed,
      String file) {
    for (ExcelWorkbook.Sheet s : sheets) {
      if (s.name().equals(wanted)) {
        return s;
      }
    }
    for (ExcelWorkbook.Sheet s : sheets) {
      if (s.name().equalsIgnoreCase(wanted.trim())) {
        return s;
      }
    }
    if (numberAllowed && wanted.trim().matches("\\d{1,6}")) {
      int n = Integer.parseInt(wanted.trim());
      if (n >= 1 && n <= sheets.size()) {
        return sheets.get(n - 1);
      }
    }
    throw ExcelErrors.sheetNotFound(file, wanted, sheets);
  }

  /** Whether any cell of the sheet holds a value; stops at the first one. */
  private static boolean hasData(ExcelWorkbook wb, ExcelWorkbook.Sheet s) {
    SheetRow row = new SheetRow();
    try (SheetCursor c = wb.open(s)) {
      while (c.next(row)) {
        for (int i = 0; i < row.width(); i++) {
          if (row.kind(i) != SheetRow.BLANK) {
            return true; // a shared string counts without loading the string table
          }
        }
      }
      return false;
    }
  }
}
