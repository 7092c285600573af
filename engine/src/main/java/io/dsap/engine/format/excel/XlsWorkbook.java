package io.dsap.engine.format.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An xls (BIFF8, Excel 97-2003) file through HSSF's usermodel: the whole workbook is loaded, which
 * is fine because the format itself caps a sheet at 65,536 rows by 256 columns. The streaming
 * HSSF event API would save that memory at the cost of a second, record-level reader.
 */
final class XlsWorkbook implements ExcelWorkbook {
  private final HSSFWorkbook wb;
  private final String file;
  private final List<Sheet> sheets = new ArrayList<>();
  private final boolean date1904;

  private XlsWorkbook(HSSFWorkbook wb, String file) {
    this.wb = wb;
    this.file = file;
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      sheets.add(new Sheet(i, wb.getSheetName(i), wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)));
    }
    this.date1904 = wb.getInternalWorkbook().isUsing1904DateWindowing();
  }

  static XlsWorkbook open(Path path, String file) {
    try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
      if (fs.getRoot().hasEntry("EncryptedPackage")) {
        throw ExcelErrors.encrypted(file, null); // an xlsx saved with a password is an OLE2 container
      }
      return new XlsWorkbook(new HSSFWorkbook(fs.getRoot(), false), file);
    } catch (OldExcelFormatException e) {
      throw ExcelErrors.notAWorkbook(file, "it is an Excel 5.0/95 or older workbook, which dsap does not read;"
          + " save it as .xlsx");
    } catch (OfficeXmlFileException e) {
      throw ExcelErrors.reading(file, null, e);
    } catch (IllegalArgumentException e) {
      if (String.valueOf(e.getMessage()).contains("Workbook")) {
        throw ExcelErrors.notAWorkbook(file, "it is an Office document of another kind (no workbook inside);"
            + " is it a Word or Outlook file?");
      }
      throw ExcelErrors.reading(file, null, e);
    } catch (IOException | RuntimeException e) {
      throw ExcelErrors.reading(file, null, e);
    }
  }

  @Override
  public String kind() {
    return "xls";
  }

  @Override
  public List<Sheet> sheets() {
    return sheets;
  }

  @Override
  public boolean date1904() {
    return date1904;
  }

  @Override
  public SheetCursor open(Sheet sheet) {
    return new Cursor(wb.getSheetAt(sheet.index()));
  }

  @Override
  public void close() {
    try {
      wb.close();
    } catch (IOException ignored) {
      // the file system was closed after loading; nothing is held
    }
  }

  /** Walks the rows HSSF holds in memory. */
  private final class Cursor implements SheetCursor {
    private final org.apache.poi.ss.usermodel.Sheet sheet;
    private final Iterator<Row> rows;

    Cursor(org.apache.poi.ss.usermodel.Sheet sheet) {
      this.sheet = sheet;
      this.rows = sheet.rowIterator();
    }

    @Override
    public boolean next(SheetRow row) {
      if (!rows.hasNext()) {
        return false;
      }
      Row r = rows.next();
      row.start(r.getRowNum() + 1);
      for (Cell cell : r) {
        int c = cell.getColumnIndex();
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
          type = cell.getCachedFormulaResultType();
        }
        switch (type) {
          case NUMERIC:
            NumberFormats.set(row, c, cell.getNumericCellValue(), NumberFormats.kind(
                cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()), date1904);
            break;
          case STRING:
            row.setString(c, cell.getRichStringCellValue().getString());
            break;
          case BOOLEAN:
            row.setBoolean(c, cell.getBooleanCellValue());
            break;
          case ERROR:
            row.setError(c, errorText(cell.getErrorCellValue()));
            break;
          default:
            break; // blank
        }
      }
      return true;
    }

    private String errorText(byte code) {
      try {
        return FormulaError.forInt(code).getString();
      } catch (IllegalArgumentException e) {
        return "#ERROR(" + code + ")";
      }
    }

    @Override
    public String dimension() {
      int lastCol = -1;
      int firstCol = Integer.MAX_VALUE;
      for (Row r : sheet) {
        if (r.getFirstCellNum() >= 0) {
          firstCol = Math.min(firstCol, r.getFirstCellNum());
          lastCol = Math.max(lastCol, r.getLastCellNum() - 1);
        }
      }
      if (lastCol < 0) {
        return null;
      }
      return CellRange.cell(firstCol, sheet.getFirstRowNum() + 1) + ":" + CellRange.cell(lastCol,
          sheet.getLastRowNum() + 1);
    }

    @Override
    public List<String> mergedAreas() {
      return sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
    }

    @Override
    public long formulasWithoutValue() {
      return 0; // xls always stores the cached result
    }

    @Override
    public long bytesRead() {
      return -1;
    }

    @Override
    public long bytesTotal() {
      return -1;
    }

    @Override
    public void close() {
      // the workbook owns the rows
    }
  }
}
