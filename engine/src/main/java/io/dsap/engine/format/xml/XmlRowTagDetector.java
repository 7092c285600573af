package io.dsap.engine.format.xml;

import io.dsap.engine.source.SampleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Finds the element that is one row: the element name that repeats under one parent nearest the
 * root (the root's children first, then their children...), the most frequent one at that depth.
 * {@code <catalog><book/><book/></catalog>} gives {@code book};
 * {@code <response><meta/><items><item/><item/></items></response>} gives {@code item}. When
 * nothing repeats, the root is the one row. Only the start of the file is looked at.
 */
final class XmlRowTagDetector {
  /** Elements looked at; enough to see the repetition of any real row element. */
  static final int MAX_ELEMENTS = 50_000;
  static final long MAX_CHARS = 4L << 20;

  /** What detection found: the row element, the root, and the declared encoding. */
  record Found(String rowTag, String root, String encoding, String reason) {}

  private XmlRowTagDetector() {}

  static Found detect(Path file, String displayName, String givenRowTag) {
    try (InputStream in = SampleSource.open(file)) {
      XMLStreamReader2 r = XmlStreams.open(in);
      try {
        return detect(r, givenRowTag);
      } finally {
        r.closeCompletely();
      }
    } catch (XMLStreamException e) {
      throw XmlStreams.malformed(displayName, e, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Found detect(XMLStreamReader2 r, String given) throws XMLStreamException {
    String encoding = null;
    String root = null;
    // counts of element names per parent path, by depth below the root (depth 1 = children of the root)
    List<Map<String, Integer>> byDepth = new ArrayList<>();
    List<String> path = new ArrayList<>();
    int elements = 0;
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        if (root == null) {
          root = r.getLocalName();
          encoding = r.getCharacterEncodingScheme() != null ? r.getCharacterEncodingScheme() : r.getEncoding();
          if (given != null) {
            break;
          }
        } else {
          int depth = path.size();
          while (byDepth.size() < depth) {
            byDepth.add(new LinkedHashMap<>());
          }
          byDepth.get(depth - 1).merge(String.join("/", path) + "/" + r.getLocalName(), 1, Integer::sum);
        }
        path.add(r.getLocalName());
        if (++elements >= MAX_ELEMENTS || r.getLocationInfo().getEndingCharOffset() > MAX_CHARS) {
          break;
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        path.remove(path.size() - 1);
      }
    }
    if (root == null) {
      return new Found(given, null, encoding, "the file has no elements");
    }
    if (given != null) {
      return new Found(given, root, encoding, "set by row_tag => '" + given + "'");
    }
    for (int d = 0; d < byDepth.size(); d++) {
      String best = null;
      int count = 1;
      for (Map.Entry<String, Integer> c : byDepth.get(d).entrySet()) {
        if (c.getValue() > count) {
          best = c.getKey();
          count = c.getValue();
        }
      }
      if (best != null) {
        String name = best.substring(best.lastIndexOf('/') + 1);
        return new Found(name, root, encoding, "<" + name + "> repeats " + count + " times under <"
            + best.substring(0, best.lastIndexOf('/')).replace("/", "><") + "> in the first " + elements
            + " elements, the most frequent repeated element nearest the root");
      }
    }
    return new Found(root, root, encoding, "no element repeats, so the root <" + root + "> is the one row");
  }
}
