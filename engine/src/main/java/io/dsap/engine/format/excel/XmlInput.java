package io.dsap.engine.format.excel;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * The StAX parsers for the XML parts of an xlsx file: POI's hardened factory (no DTDs, no external
 * entities), with a cap on text length where the parser supports one (Woodstox).
 */
final class XmlInput {
  /** No cell needs more: Excel caps a cell at 32767 characters. */
  static final int MAX_TEXT_CHARS = 1 << 20;

  private static final XMLInputFactory FACTORY = create();
  private static final XMLInputFactory PLAIN = plain();

  private XmlInput() {}

  private static XMLInputFactory create() {
    XMLInputFactory f = XMLHelper.newXMLInputFactory();
    try {
      f.setProperty("com.ctc.wstx.maxTextLength", MAX_TEXT_CHARS);
    } catch (IllegalArgumentException notWoodstox) {
      // the JDK's parser has its own entity and size limits
    }
    return f;
  }

  private static XMLInputFactory plain() {
    XMLInputFactory f = create();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    return f;
  }

  static XMLStreamReader plainReader(InputStream in) throws XMLStreamException {
    return PLAIN.createXMLStreamReader(in);
  }

  /**
   * The element's name without a prefix: worksheets are read without namespace processing (it
   * costs a fifth of the parse), and a few generators write prefixed names ({@code <x:c>}).
   */
  static String name(XMLStreamReader x) {
    String n = x.getLocalName();
    int colon = n.indexOf(':');
    return colon < 0 ? n : n.substring(colon + 1);
  }

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(in);
  }
}
