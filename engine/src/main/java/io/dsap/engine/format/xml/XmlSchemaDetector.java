package io.dsap.engine.format.xml;

import io.dsap.engine.error.Errors;
import io.dsap.engine.source.SampleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/** Detects an XML file's row element and columns: row tag first, then the first rows as the sample. */
final class XmlSchemaDetector {
  private XmlSchemaDetector() {}

  static XmlFileSchema detect(Path file, String displayName, XmlOptions options) {
    XmlRowTagDetector.Found found = XmlRowTagDetector.detect(file, displayName, options.rowTag());
    XmlSample sample = new XmlSample();
    boolean complete = true;
    if (found.root() != null) {
      complete = sample(file, displayName, found.rowTag(), sample, options.sampleSize());
      if (options.rowTag() != null && sample.rows() == 0) {
        throw Errors.invalidOption("row_tag", options.rowTag(), "the local name of an element of " + displayName
            + ", but no element is called that (its root is <" + found.root() + ">); leave row_tag out to detect it");
      }
    }
    return sample.toSchema(found, options.overrides(), complete);
  }

  /** Adds the first {@code budget} rows (all for -1); true if that was every row. */
  private static boolean sample(Path file, String displayName, String rowTag, XmlSample sample, int budget) {
    try (InputStream in = SampleSource.open(file)) {
      XMLStreamReader2 r = XmlStreams.open(in);
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(rowTag)) {
            if (budget >= 0 && sample.rows() >= budget) {
              return false;
            }
            sample.add(XmlRowParser.read(r));
          }
        }
        return true;
      } finally {
        r.closeCompletely();
      }
    } catch (XMLStreamException e) {
      throw XmlStreams.malformed(displayName, e, sample.rows());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
