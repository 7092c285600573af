package io.dsap.engine.format.xml;

import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/** XML with repeating row elements, read as a table by StAX with DTDs and external entities off. */
public final class XmlFormat implements FormatReader {
  @Override
  public String name() {
    return "xml";
  }

  @Override
  public List<String> extensions() {
    return List.of("xml");
  }

  /**
   * Magic for {@code <?xml}, or for content starting with {@code <} whose first element parses
   * (HTML pages excepted); else the extension decides.
   */
  @Override
  public Match probe(FileProbe probe) {
    byte[] h = probe.head();
    int i = 0;
    while (i < h.length && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) {
      i++;
    }
    String start = new String(h, i, Math.min(5, h.length - i), StandardCharsets.US_ASCII);
    if (start.equals("<?xml")) {
      return Match.MAGIC;
    }
    if (start.startsWith("<")) {
      String first = firstElement(h, i);
      if (first != null && !first.equalsIgnoreCase("html")) {
        return Match.MAGIC;
      }
    }
    return extensions().contains(probe.extension()) ? Match.EXTENSION : Match.NONE;
  }

  /** The local name of the first element if the bytes parse that far, else null. */
  private static String firstElement(byte[] h, int i) {
    try {
      XMLStreamReader2 r = XmlStreams.open(new ByteArrayInputStream(h, i, h.length - i));
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          return r.getLocalName();
        }
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    return new XmlTableSource(file, displayName, XmlSchemaDetector.detect(file, displayName, XmlOptions.of(options)));
  }

  @Override
  public List<OptionSpec> options() {
    return XmlOptions.SPECS;
  }
}
