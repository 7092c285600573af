package io.dsap.engine.format.excel;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * The StAX parser for the XML parts of an xlsx file: POI's hardened factory (no DTDs, no external
 * entities), with a cap on text length where the parser supports one (Woodstox).
 */
final class XmlInput {
  /** No cell needs more: Excel caps a cell at 32767 characters. */
  static final int MAX_TEXT_CHARS = 1 << 20;

  private static final XMLInputFactory FACTORY = create();

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

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    return FACTORY.createXMLStreamReader(in);
  }
}
