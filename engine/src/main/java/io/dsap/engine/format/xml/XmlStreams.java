package io.dsap.engine.format.xml;

import com.ctc.wstx.stax.WstxInputFactory;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Opens XML for reading with DTDs and external entities off: a file cannot make dsap read other
 * files or URLs (XXE) or expand entities without bound. Also words XML errors for users.
 */
final class XmlStreams {
  private static final Pattern ENTITY = Pattern.compile("Undeclared general entity \"([^\"]*)\"");
  private static final XMLInputFactory FACTORY = secureFactory();

  private XmlStreams() {}

  private static XMLInputFactory secureFactory() {
    // Woodstox by name: the context class loader may find another StAX implementation inside a host app
    XMLInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("dsap does not load external resources (" + systemId + ")");
    });
    return f;
  }

  /** A reader over {@code in}, which the caller closes. */
  static XMLStreamReader2 open(InputStream in) throws XMLStreamException {
    return (XMLStreamReader2) FACTORY.createXMLStreamReader(in);
  }

  /**
   * The error for a document that is not well-formed: where, what, and that the rest cannot be
   * read (XML makes such errors fatal: a parser may not go on after one).
   */
  static DsapException malformed(String displayName, XMLStreamException e, long rowsBefore) {
    Location at = e.getLocation();
    String place = displayName + (at == null ? "" : ":" + at.getLineNumber() + ":" + at.getColumnNumber());
    String what = firstLine(e.getMessage());
    Matcher entity = ENTITY.matcher(what);
    if (entity.find()) {
      return new DsapException(ErrorCode.MALFORMED_DATA, place + ": entity '&" + entity.group(1) + ";' is not"
          + " defined. dsap reads XML without DTDs and external entities, so a file cannot make it read other"
          + " files or URLs (XXE); entities declared in a DOCTYPE are not expanded. Replace the reference with its"
          + " text (or one of &amp; &lt; &gt; &quot; &apos;).", e);
    }
    return new DsapException(ErrorCode.MALFORMED_DATA, place + ": the XML is not well-formed: " + what
        + ". XML parsers stop at such an error, so the rest of the file cannot be read (" + rowsBefore
        + " rows came before it). Fix the file at that place.", e);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    int nl = m.indexOf('\n');
    String s = (nl >= 0 ? m.substring(0, nl) : m).trim();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
