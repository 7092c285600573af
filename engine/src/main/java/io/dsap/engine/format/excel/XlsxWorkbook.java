package io.dsap.engine.format.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;

/**
 * An xlsx/xlsm file opened through POI's OPC layer, which reads the zip entry by entry with POI's
 * zip-bomb guards ({@code ZipSecureFile}: inflate ratio, entry size) left at their defaults. The
 * parts are parsed with StAX by dsap's own small readers, never loaded as a whole workbook.
 */
final class XlsxWorkbook implements ExcelWorkbook {
  private final OPCPackage pkg;
  private final String file;
  private final List<Sheet> sheets = new ArrayList<>();
  private final List<PackagePart> sheetParts = new ArrayList<>();
  private PackagePart stylesPart;
  private PackagePart stringsPart;
  private boolean date1904;
  private XlsxStyles styles;
  private XlsxSharedStrings strings;

  private XlsxWorkbook(OPCPackage pkg, String file) {
    this.pkg = pkg;
    this.file = file;
  }

  static XlsxWorkbook open(Path path, String file) {
    OPCPackage pkg;
    try {
      pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
    } catch (ODFNotOfficeXmlFileException e) {
      throw ExcelErrors.notAWorkbook(file, "it is an OpenDocument spreadsheet (.ods); save it as .xlsx");
    } catch (NotOfficeXmlFileException e) {
      throw ExcelErrors.notAWorkbook(file, "it is a zip archive without the parts of a workbook");
    } catch (InvalidFormatException e) {
      if (String.valueOf(e.getMessage()).contains("content type part")) {
        throw ExcelErrors.notAWorkbook(file, "it is a zip archive without the parts of a workbook");
      }
      throw ExcelErrors.reading(file, null, e);
    } catch (RuntimeException e) {
      throw ExcelErrors.reading(file, null, e);
    }
    XlsxWorkbook wb = new XlsxWorkbook(pkg, file);
    try {
      wb.readWorkbookPart();
      return wb;
    } catch (IOException | XMLStreamException | InvalidFormatException | RuntimeException e) {
      wb.close();
      throw ExcelErrors.reading(file, null, e);
    }
  }

  private void readWorkbookPart() throws IOException, XMLStreamException, InvalidFormatException {
    PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
    if (core.isEmpty()) {
      core = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
    }
    if (core.isEmpty()) {
      throw ExcelErrors.notAWorkbook(file, "the zip has no main document part");
    }
    PackagePart wb = pkg.getPart(core.getRelationship(0));
    if (wb == null) {
      throw ExcelErrors.notAWorkbook(file, "the zip's main document part is missing");
    }
    if (wb.getPartName().getName().endsWith(".bin")) {
      throw ExcelErrors.notAWorkbook(file, "it is a binary workbook (.xlsb), which dsap does not read;"
          + " save it as .xlsx");
    }
    for (PackageRelationship rel : wb.getRelationships()) {
      String type = rel.getRelationshipType();
      if (type.endsWith("/styles")) {
        stylesPart = wb.getRelatedPart(rel);
      } else if (type.endsWith("/sharedStrings")) {
        stringsPart = wb.getRelatedPart(rel);
      }
    }
    try (InputStream in = wb.getInputStream()) {
      XMLStreamReader x = XmlInput.reader(in);
      try {
        while (x.hasNext()) {
          if (x.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = x.getLocalName();
          if (name.equals("workbookPr")) {
            String d = x.getAttributeValue(null, "date1904");
            date1904 = d != null && (d.equals("1") || d.equalsIgnoreCase("true"));
          } else if (name.equals("sheet")) {
            addSheet(wb, x);
          }
        }
      } finally {
        x.close();
      }
    }
  }

  private void addSheet(PackagePart wb, XMLStreamReader x) throws InvalidFormatException {
    String rid = null;
    for (int i = 0; i < x.getAttributeCount(); i++) {
      String ns = x.getAttributeNamespace(i);
      if (x.getAttributeLocalName(i).equals("id") && ns != null && ns.contains("relationships")) {
        rid = x.getAttributeValue(i);
      }
    }
    PackageRelationship rel = rid == null ? null : wb.getRelationship(rid);
    if (rel == null || !rel.getRelationshipType().endsWith("/worksheet")) {
      return; // a chart sheet or dialog sheet: no cells to read
    }
    PackagePart part = wb.getRelatedPart(rel);
    if (part == null) {
      return;
    }
    String state = x.getAttributeValue(null, "state");
    sheets.add(new Sheet(sheets.size(), x.getAttributeValue(null, "name"), state != null && !state.equals("visible")));
    sheetParts.add(part);
  }

  @Override
  public String kind() {
    return "xlsx";
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
    PackagePart part = sheetParts.get(sheet.index());
    try {
      if (styles == null) {
        styles = stylesPart == null ? XlsxStyles.NONE : readStyles();
      }
      return new XlsxSheetCursor(part.getInputStream(), part.getSize(), styles, date1904, this::string, file,
          sheet.name());
    } catch (IOException | XMLStreamException | RuntimeException e) {
      throw ExcelErrors.reading(file, "sheet '" + sheet.name() + "'", e);
    }
  }

  private XlsxStyles readStyles() throws IOException, XMLStreamException {
    try (InputStream in = stylesPart.getInputStream()) {
      return XlsxStyles.read(in);
    }
  }

  /** Loads the shared strings the first time a cell needs one. */
  private String string(int index) {
    if (strings == null) {
      if (stringsPart == null) {
        strings = XlsxSharedStrings.empty();
      } else {
        try (InputStream in = stringsPart.getInputStream()) {
          strings = XlsxSharedStrings.read(in);
        } catch (IOException | XMLStreamException | RuntimeException e) {
          throw ExcelErrors.reading(file, "shared strings", e);
        }
      }
    }
    return strings.get(index);
  }

  @Override
  public void close() {
    pkg.revert(); // closes the zip without the save that close() would attempt
  }
}
