package io.dsap.engine.format.excel;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Excel workbooks: xlsx and xlsm (streamed), xls (Excel 97-2003). Each worksheet is a table; the
 * first visible sheet holding data is the workbook's default table.
 */
public final class ExcelFormat implements FormatReader {
  private static final List<String> EXTENSIONS = List.of("xlsx", "xlsm", "xls");

  @Override
  public String name() {
    return "excel";
  }

  @Override
  public List<String> extensions() {
    return EXTENSIONS;
  }

  /**
   * A zip is a workbook only when it has an {@code xl/} part (a docx or a plain zip is not); an
   * OLE2 container is taken as a workbook by magic only with an Excel extension, since Word and
   * Outlook files are OLE2 too.
   */
  @Override
  public Match probe(FileProbe probe) {
    boolean ours = EXTENSIONS.contains(probe.extension());
    if (probe.startsWith(Workbooks.ZIP)) {
      return hasWorkbookPart(probe) ? Match.MAGIC : ours ? Match.EXTENSION : Match.NONE;
    }
    if (probe.startsWith(Workbooks.OLE2)) {
      return ours ? Match.MAGIC : Match.CONTENT;
    }
    return ours ? Match.EXTENSION : Match.NONE;
  }

  /**
   * Looks for an {@code xl/} entry name in the zip's first local headers; when the head does not
   * settle it (large first entries), in the zip's central directory, which is read without
   * inflating anything.
   */
  private static boolean hasWorkbookPart(FileProbe probe) {
    String head = new String(probe.head(), StandardCharsets.ISO_8859_1);
    if (head.contains("xl/")) {
      return true;
    }
    if (probe.size() <= probe.head().length) {
      return false;
    }
    try (ZipFile zip = new ZipFile(probe.file().toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        if (entries.nextElement().getName().startsWith("xl/")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The worksheets, the default one first (the files schema names the file after it). */
  @Override
  public List<String> tables(Path file, FormatOptions options) {
    ExcelOptions o = ExcelOptions.of(options);
    try (ExcelWorkbook wb = Workbooks.open(file, file.getFileName().toString())) {
      ExcelWorkbook.Sheet first = SheetChoice.choose(wb, "", o, file.getFileName().toString());
      List<String> names = new ArrayList<>();
      names.add(first.name());
      for (ExcelWorkbook.Sheet s : wb.sheets()) {
        if (s.index() != first.index()) {
          names.add(s.name());
        }
      }
      return names;
    }
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    ExcelOptions o = ExcelOptions.of(options);
    try (ExcelWorkbook wb = Workbooks.open(file, displayName)) {
      ExcelWorkbook.Sheet sheet = SheetChoice.choose(wb, table, o, displayName);
      return new ExcelTableSource(file, displayName, ExcelSchemaDetector.detect(wb, sheet, o));
    }
  }

  @Override
  public List<OptionSpec> options() {
    return ExcelOptions.SPECS;
  }
}
