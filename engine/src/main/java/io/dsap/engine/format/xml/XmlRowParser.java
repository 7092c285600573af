package io.dsap.engine.format.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads one row element into an {@link XmlRow}. Names are local (namespace prefixes dropped).
 * The row's attributes and children are values; a child's attributes and its children
 * (grandchildren) are flattened one level ({@code address.city}); a grandchild that has
 * attributes or children of its own is kept whole as XML text. {@code xsi:nil="true"} is NULL.
 */
final class XmlRowParser {
  private XmlRowParser() {}

  /** Reads the row whose start tag the reader is on; leaves the reader on its end tag. */
  static XmlRow read(XMLStreamReader2 r) throws XMLStreamException {
    // the long offset: Location.getCharacterOffset() is an int and overflows past 2 GB
    XmlRow row = new XmlRow(r.getLocationInfo().getStartLocation().getLineNumber(),
        r.getLocationInfo().getStartingCharOffset());
    echo(row.rawBuilder(), r);
    attributes(r, "", row);
    boolean nil = isNil(r);
    StringBuilder text = new StringBuilder();
    boolean children = false;
    while (true) {
      int e = r.next();
      echo(row.rawBuilder(), r);
      if (e == XMLStreamConstants.START_ELEMENT) {
        children = true;
        child(r, row);
      } else if (isText(e)) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (!nil && !text.toString().isBlank()) {
      row.add("#text", children ? text.toString().strip() : text.toString(), false);
    }
    return row;
  }

  private static void child(XMLStreamReader2 r, XmlRow row) throws XMLStreamException {
    String c = r.getLocalName();
    attributes(r, c + "/", row);
    boolean nil = isNil(r);
    StringBuilder text = new StringBuilder();
    boolean children = false;
    while (true) {
      int e = r.next();
      echo(row.rawBuilder(), r);
      if (e == XMLStreamConstants.START_ELEMENT) {
        children = true;
        grandchild(r, c + "/", row);
      } else if (isText(e)) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (nil) {
      row.add(c, null, false);
    } else if (!children) {
      row.add(c, text.length() == 0 ? null : text.toString(), false);
    } else if (!text.toString().isBlank()) {
      row.add(c, text.toString().strip(), false);
    }
  }

  /** A grandchild: its text, or the whole element as XML when it has attributes or children. */
  private static void grandchild(XMLStreamReader2 r, String prefix, XmlRow row) throws XMLStreamException {
    String key = prefix + r.getLocalName();
    boolean nil = isNil(r);
    boolean whole = attributeCount(r) > 0;
    StringBuilder xml = new StringBuilder();
    echo(xml, r);
    StringBuilder text = new StringBuilder();
    for (int depth = 1; depth > 0; ) {
      int e = r.next();
      echo(row.rawBuilder(), r);
      echo(xml, r);
      if (e == XMLStreamConstants.START_ELEMENT) {
        whole = true;
        depth++;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (isText(e) && depth == 1) {
        text.append(r.getText());
      }
    }
    if (nil) {
      row.add(key, null, false);
    } else if (whole) {
      row.add(key, xml.toString(), true);
    } else {
      row.add(key, text.length() == 0 ? null : text.toString(), false);
    }
  }

  private static void attributes(XMLStreamReader2 r, String prefix, XmlRow row) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if (!XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(r.getAttributeNamespace(i))) {
        row.add(prefix + "@" + r.getAttributeLocalName(i), r.getAttributeValue(i), false);
      }
    }
  }

  private static int attributeCount(XMLStreamReader2 r) {
    int n = 0;
    for (int i = 0; i < r.getAttributeCount(); i++) {
      n += XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(r.getAttributeNamespace(i)) ? 0 : 1;
    }
    return n;
  }

  private static boolean isNil(XMLStreamReader2 r) {
    String v = r.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil");
    return v != null && (v.trim().equals("true") || v.trim().equals("1"));
  }

  private static boolean isText(int e) {
    return e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE;
  }

  /** Appends the current event as markup (tags with their written names, escaped text) to {@code out}. */
  static void echo(StringBuilder out, XMLStreamReader2 r) {
    if (out == null) {
      return;
    }
    switch (r.getEventType()) {
      case XMLStreamConstants.START_ELEMENT -> {
        out.append('<').append(qualified(r.getPrefix(), r.getLocalName()));
        for (int i = 0; i < r.getAttributeCount(); i++) {
          out.append(' ').append(qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i))).append("=\"");
          escape(out, r.getAttributeValue(i), true);
          out.append('"');
        }
        out.append('>');
      }
      case XMLStreamConstants.END_ELEMENT -> out.append("</").append(qualified(r.getPrefix(), r.getLocalName()))
          .append('>');
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
          escape(out, r.getText(), false);
      default -> { }
    }
  }

  private static String qualified(String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static void escape(StringBuilder out, String s, boolean attribute) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        default -> out.append(ch);
      }
    }
  }
}
