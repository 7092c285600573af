package io.dsap.engine.format.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * The part of {@code xl/styles.xml} that matters for values: for each cell style (the {@code s}
 * attribute of a cell), whether its number format makes the number a date or a time. Read with
 * StAX rather than POI's StylesTable, which would load XMLBeans for a few hundred bytes.
 */
final class XlsxStyles {
  static final XlsxStyles NONE = new XlsxStyles(new byte[0]);

  private final byte[] kinds; // NumberFormats kind by cellXfs index

  private XlsxStyles(byte[] kinds) {
    this.kinds = kinds;
  }

  byte kind(int style) {
    return style >= 0 && style < kinds.length ? kinds[style] : NumberFormats.PLAIN;
  }

  static XlsxStyles read(InputStream in) throws IOException, XMLStreamException {
    Map<Integer, String> custom = new HashMap<>();
    byte[] kinds = new byte[64];
    int n = 0;
    XMLStreamReader x = XmlInput.reader(in);
    try {
      boolean inCellXfs = false;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          if (name.equals("numFmt")) {
            Integer id = integer(x.getAttributeValue(null, "numFmtId"));
            if (id != null) {
              custom.put(id, x.getAttributeValue(null, "formatCode"));
            }
          } else if (name.equals("cellXfs")) {
            inCellXfs = true;
          } else if (inCellXfs && name.equals("xf")) {
            Integer id = integer(x.getAttributeValue(null, "numFmtId"));
            int fmt = id == null ? 0 : id;
            String code = custom.containsKey(fmt) ? custom.get(fmt) : BuiltinFormats.getBuiltinFormat(fmt);
            if (n == kinds.length) {
              kinds = Arrays.copyOf(kinds, n * 2);
            }
            kinds[n++] = NumberFormats.kind(fmt, code);
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
          inCellXfs = false;
        }
      }
    } finally {
      x.close();
    }
    return new XlsxStyles(Arrays.copyOf(kinds, n));
  }

  private static Integer integer(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
