package io.dsap.engine.format.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The workbook's shared string table ({@code xl/sharedStrings.xml}): cells of type {@code s} hold
 * an index into it. Held in memory as plain Strings (one per distinct text in the workbook);
 * POI's ReadOnlySharedStringsTable would wrap each lookup in an XMLBeans rich-text object.
 */
final class XlsxSharedStrings {
  private final List<String> strings;

  private XlsxSharedStrings(List<String> strings) {
    this.strings = strings;
  }

  static XlsxSharedStrings empty() {
    return new XlsxSharedStrings(List.of());
  }

  /** The text at {@code index}; a dangling index (a damaged file) reads as an empty string. */
  String get(int index) {
    return index >= 0 && index < strings.size() ? strings.get(index) : "";
  }

  static XlsxSharedStrings read(InputStream in) throws IOException, XMLStreamException {
    List<String> out = new ArrayList<>();
    XMLStreamReader x = XmlInput.reader(in);
    try {
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT && XmlInput.name(x).equals("si")) {
          out.add(richText(x, "si"));
        }
      }
    } finally {
      x.close();
    }
    return new XlsxSharedStrings(out);
  }

  /**
   * The text of a string item ({@code <si>} or an inline {@code <is>}), the reader standing on its
   * start tag: every {@code <t>} run joined, phonetic hints ({@code <rPh>}) left out.
   */
  static String richText(XMLStreamReader x, String element) throws XMLStreamException {
    StringBuilder s = null;
    String single = null;
    int phonetic = 0;
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = XmlInput.name(x);
        if (name.equals("rPh")) {
          phonetic++;
        } else if (name.equals("t") && phonetic == 0) {
          String t = x.getElementText();
          if (single == null && s == null) {
            single = t;
          } else {
            if (s == null) {
              s = new StringBuilder(single);
            }
            s.append(t);
          }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        String name = XmlInput.name(x);
        if (name.equals("rPh")) {
          phonetic--;
        } else if (name.equals(element)) {
          break;
        }
      }
    }
    return s != null ? s.toString() : single == null ? "" : single;
  }
}
