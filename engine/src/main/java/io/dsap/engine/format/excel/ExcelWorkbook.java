package io.dsap.engine.format.excel;

import java.util.List;

/** An open workbook: its worksheets and a way to read each. Close it when done. */
interface ExcelWorkbook extends AutoCloseable {
  /**
   * One worksheet.
   *
   * @param index position among the worksheets (0-based; chart sheets are not counted)
   * @param name the sheet's name as Excel shows it on its tab
   * @param hidden whether the tab is hidden
   */
  record Sheet(int index, String name, boolean hidden) {}

  /** {@code xlsx} or {@code xls}. */
  String kind();

  List<Sheet> sheets();

  /** Whether dates count from 1904-01-01 (old Mac workbooks) instead of 1900-01-00. */
  boolean date1904();

  SheetCursor open(Sheet sheet);

  @Override
  void close();
}
