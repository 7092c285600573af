package io.dsap.engine.format.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes real workbooks for tests with POI's usermodel: rows of Java values, dates with a number
 * format, formulas. {@code null} leaves a cell out; {@link #fmt} gives a value its own format.
 */
final class Books implements AutoCloseable {
  final Workbook wb;
  private final Map<String, CellStyle> styles = new HashMap<>();
  private Sheet sheet;

  /** A value with an explicit number format, e.g. {@code fmt(date, "dd/mm/yyyy")}. */
  record Formatted(Object value, String format) {}

  /** A formula; its cached value is computed when the book is saved. */
  record Formula(String formula) {}

  private Books(Workbook wb) {
    this.wb = wb;
  }

  static Books xlsx() {
    return new Books(new XSSFWorkbook());
  }

  static Books xls() {
    return new Books(new HSSFWorkbook());
  }

  static Formatted fmt(Object value, String format) {
    return new Formatted(value, format);
  }

  static Formula formula(String f) {
    return new Formula(f);
  }

  Books date1904() {
    var ct = ((XSSFWorkbook) wb).getCTWorkbook();
    (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
    return this;
  }

  Books sheet(String name) {
    sheet = wb.createSheet(name);
    return this;
  }

  Books hidden() {
    wb.setSheetHidden(wb.getSheetIndex(sheet), true);
    return this;
  }

  /** Row {@code number} (1-based, as Excel shows it) from column A. */
  Books row(int number, Object... values) {
    return rowAt(number, 0, values);
  }

  /** Row {@code number} starting at column {@code firstColumn} (0 = A). */
  Books rowAt(int number, int firstColumn, Object... values) {
    Row r = sheet.getRow(number - 1) != null ? sheet.getRow(number - 1) : sheet.createRow(number - 1);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        set(r.createCell(firstColumn + i), values[i]);
      }
    }
    return this;
  }

  /** A row whose cells are formatted but hold nothing (what Excel leaves after clearing cells). */
  Books styledEmptyRow(int number, int cells) {
    Row r = sheet.createRow(number - 1);
    for (int i = 0; i < cells; i++) {
      r.createCell(i).setCellStyle(style("0.00"));
    }
    return this;
  }

  Books merge(String area) {
    sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(area));
    return this;
  }

  private void set(Cell cell, Object v) {
    if (v instanceof Formatted f) {
      set(cell, f.value());
      cell.setCellStyle(style(f.format()));
    } else if (v instanceof Formula f) {
      cell.setCellFormula(f.formula());
    } else if (v instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (v instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (v instanceof LocalDateTime t) {
      cell.setCellValue(t);
      if (cell.getCellStyle().getDataFormat() == 0) {
        cell.setCellStyle(style("yyyy-mm-dd hh:mm:ss"));
      }
    } else if (v instanceof LocalDate d) {
      cell.setCellValue(d);
      if (cell.getCellStyle().getDataFormat() == 0) {
        cell.setCellStyle(style("yyyy-mm-dd"));
      }
    } else if (v instanceof LocalTime t) {
      cell.setCellValue(DateUtil.convertTime(t.toString().length() == 5 ? t + ":00" : t.toString()));
      cell.setCellStyle(style("hh:mm:ss"));
    } else {
      cell.setCellValue(v.toString());
    }
  }

  private CellStyle style(String format) {
    return styles.computeIfAbsent(format, f -> {
      CellStyle s = wb.createCellStyle();
      s.setDataFormat(wb.createDataFormat().getFormat(f));
      return s;
    });
  }

  /** Computes every formula's cached value and writes the book. */
  Path save(Path file) {
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    return saveUncalculated(file);
  }

  /** Writes the book without computing formulas (as some generators do). */
  Path saveUncalculated(Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    close();
    return file;
  }

  @Override
  public void close() {
    try {
      wb.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
