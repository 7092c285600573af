package io.dsap.engine.format.excel;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatRegistry;
import java.nio.file.Path;

/** Opens a workbook with the reader its first bytes call for (not its extension, which may lie). */
final class Workbooks {
  static final byte[] ZIP = {'P', 'K', 3, 4};
  static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};

  private Workbooks() {}

  /** Opens {@code path}; {@code file} is its name as the user knows it, for messages. */
  static ExcelWorkbook open(Path path, String file) {
    FileProbe probe = FormatRegistry.probe(path);
    if (io.dsap.engine.source.FileSource.compression(path) != io.dsap.engine.source.Compression.NONE) {
      // workbooks are read from the file itself (POI needs random access), so they cannot be compressed
      throw ExcelErrors.notAWorkbook(file, "it is " + (io.dsap.engine.source.FileSource.compression(path)
          == io.dsap.engine.source.Compression.GZIP ? "gzip" : "zstd") + "-compressed; decompress it first (an xlsx file is"
          + " compressed already)");
    }
    if (probe.startsWith(ZIP)) {
      return XlsxWorkbook.open(path, file);
    }
    if (probe.startsWith(OLE2)) {
      return XlsWorkbook.open(path, file);
    }
    throw ExcelErrors.notAWorkbook(file, describe(probe.head()));
  }

  /** What a file that is no workbook seems to be, and what to do with it. */
  private static String describe(byte[] head) {
    if (head.length == 0) {
      return "the file is empty";
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return "it is gzip-compressed; decompress it first (an xlsx file is compressed already)";
    }
    String start = new String(head, 0, Math.min(head.length, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
        .trim().toLowerCase(java.util.Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<table")) {
      return "it is an HTML page (some systems export tables as HTML named .xls); open it in Excel and save"
          + " it as .xlsx";
    }
    if (start.startsWith("<?xml")) {
      return "it is an XML file (perhaps an Excel 2003 XML spreadsheet); open it in Excel and save it as .xlsx";
    }
    for (byte b : head) {
      if (b == 0) {
        return "its first bytes match no Excel format (xlsx starts with PK, xls with D0 CF 11 E0)";
      }
    }
    return "it is plain text (perhaps CSV saved with an Excel extension); read it with read_csv('...') or"
        + " rename it to .csv";
  }
}
