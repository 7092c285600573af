package io.dsap.engine.format.excel;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/** The failures of reading a workbook, worded for the person who has to act on them. */
final class ExcelErrors {
  private ExcelErrors() {}

  /**
   * Turns what POI or the XML parser threw into a message that says which file and sheet, what
   * went wrong and what to do. {@code where} is e.g. {@code "sheet 'Sales'"} or null.
   */
  static DsapException reading(String file, String where, Throwable e) {
    String at = "'" + file + "'" + (where == null ? "" : ", " + where);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DsapException d) {
        return d;
      }
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.contains("Zip bomb detected")) {
        return new DsapException(ErrorCode.MALFORMED_DATA, "cannot read " + at + ": a part of the workbook ("
            + entry(m) + ") expands to more than " + Math.round(1 / ZipSecureFile.getMinInflateRatio())
            + " times its compressed size, which is how zip bombs exhaust memory; dsap stops reading it."
            + " If the file is genuine, open it in Excel and save it again, or export the sheet as CSV.", e);
      }
      if (m.contains("maxTextLength") || m.contains("Maximum text length")) {
        return new DsapException(ErrorCode.MALFORMED_DATA, "cannot read " + at + ": a cell holds more than "
            + XmlInput.MAX_TEXT_CHARS + " characters (Excel itself allows 32767), so the file is damaged or"
            + " crafted. Open it in Excel and save it again, or export the sheet as CSV.", e);
      }
      if (t instanceof EncryptedDocumentException) {
        return encrypted(file, e);
      }
    }
    if (e instanceof IOException io && !(e.getCause() instanceof RuntimeException)) {
      return Errors.io(Path.of(file), io);
    }
    return corrupt(file, where, e);
  }

  private static String entry(String zipBombMessage) {
    int i = zipBombMessage.indexOf("Entry: ");
    if (i < 0) {
      return "a compressed entry";
    }
    String rest = zipBombMessage.substring(i + 7).trim();
    int end = rest.indexOf('\n');
    return end < 0 ? rest : rest.substring(0, end).trim();
  }

  static DsapException encrypted(String file, Throwable e) {
    return new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "cannot read '" + file + "': the workbook is protected"
        + " with a password (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook),"
        + " and save it again.", e);
  }

  static DsapException corrupt(String file, String where, Throwable e) {
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    return new DsapException(ErrorCode.MALFORMED_DATA, "cannot read '" + file + "'" + (where == null ? "" : ", "
        + where) + " as an Excel workbook (" + cause + "). Open it in Excel and save it again as .xlsx, or"
        + " export the sheet as CSV.", e);
  }

  /** A file with an Excel extension whose content is something else. */
  static DsapException notAWorkbook(String file, String seen) {
    return new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "'" + file + "' has an Excel extension but is not an"
        + " Excel workbook: " + seen + ".");
  }

  static DsapException noWorksheet(String file) {
    return new DsapException(ErrorCode.MALFORMED_DATA, "'" + file + "' holds no worksheet (only chart sheets or"
        + " none at all), so there is no table to read.");
  }

  static DsapException sheetNotFound(String file, String sheet, List<ExcelWorkbook.Sheet> sheets) {
    String names = sheets.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    return new DsapException(ErrorCode.INVALID_OPTION, "option sheet => '" + sheet + "' is not valid: '" + file
        + "' has no sheet of that name" + (sheet.trim().matches("\\d+") ? " or number" : "") + ". Its sheets are "
        + names + " (sheet => 'name', or a number from 1 to " + sheets.size() + ").");
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }
}
