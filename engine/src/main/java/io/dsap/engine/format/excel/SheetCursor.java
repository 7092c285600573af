package io.dsap.engine.format.excel;

import java.util.List;

/**
 * Reads one sheet row by row, in sheet order, holding at most one row in memory. Rows that hold
 * no cell at all are not returned; rows with only blank (formatted) cells may be.
 */
interface SheetCursor extends AutoCloseable {
  /** Fills {@code row} with the next row; false at the end of the sheet. */
  boolean next(SheetRow row);

  /** The used range the file declares (e.g. {@code A1:F200}), or null if it declares none. */
  String dimension();

  /**
   * The merged areas ({@code A1:B2}), or null while unknown: an xlsx file lists them after the
   * cells, so they are known only once {@link #next} has returned false.
   */
  List<String> mergedAreas();

  /** Formula cells without a cached value seen so far (the file was saved without calculating). */
  long formulasWithoutValue();

  /** Bytes of the sheet read so far, for progress; -1 if unknown. */
  long bytesRead();

  /** Total bytes of the sheet, for progress; -1 if unknown. */
  long bytesTotal();

  @Override
  void close();
}
