package io.dsap.engine.format.excel;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;

/**
 * A detected table of one sheet: where it lies and what its columns are.
 *
 * @param workbookKind {@code xlsx} or {@code xls}
 * @param sheet the sheet
 * @param columns the columns, one per sheet column from {@code firstColumn}
 * @param header whether {@code headerRow} names the columns
 * @param headerRow the row holding the names (1-based), or 0 without a header
 * @param firstColumn the sheet column (0-based) of the first table column
 * @param firstRow the first sheet row that may hold data
 * @param lastRow the last sheet row to read ({@link Integer#MAX_VALUE}: to the end)
 * @param range the block given with {@code range =>}, or null: then cells outside the columns are
 *     an error of their row instead of being ignored
 * @param skip rows skipped with {@code skip =>}
 * @param dimension the used range the file declares, or null
 * @param date1904 whether the workbook counts dates from 1904
 * @param sampledRows rows sampled for detection
 * @param complete whether the sample is the whole sheet
 * @param mergedAreas merged areas in the sheet, or -1 when unknown (a sheet larger than the sample)
 * @param flags findings for {@code file_info}
 */
record ExcelSchema(String workbookKind, ExcelWorkbook.Sheet sheet, List<ColumnSpec> columns, boolean header,
    int headerRow, int firstColumn, int firstRow, int lastRow, CellRange range, int skip, String dimension,
    boolean date1904, long sampledRows, boolean complete, int mergedAreas, List<String> flags) {

  int lastColumn() {
    return firstColumn + columns.size() - 1;
  }

  /** The table's columns as letters, e.g. {@code B:F}. */
  String columnLetters() {
    return CellRange.columnName(firstColumn) + ":" + CellRange.columnName(lastColumn());
  }
}
