package io.dsap.engine.format.xml;

import com.fasterxml.jackson.core.JsonGenerator;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.source.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Streams an XML file's row elements as batches. A row whose value does not fit its column, or
 * whose single-valued element repeats, is rejected with its line and the reason; a document that
 * is not well-formed stops the scan with the line and column (XML allows no recovery).
 */
public final class XmlReader implements BatchReader {
  public static final int DEFAULT_BATCH_SIZE = 4096;
  static final int MAX_UNKNOWN_FIELDS = 20;
  private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

  private final Path file;
  private final String displayName;
  private final XmlFileSchema schema;
  private final InputStream in;
  private final XMLStreamReader2 xml;
  private final RowAppender rows;
  private final Map<String, Integer> columnOf = new HashMap<>();
  private final RejectSink rejects;
  private final ProgressListener progress;
  private final Set<String> unknownFields;
  private final long size;
  private long read;
  private long returned;
  private long rejected;
  private boolean done;

  XmlReader(Path file, String displayName, XmlFileSchema schema, int[] projection, int batchSize,
      RejectSink rejects, ProgressListener progress, Set<String> unknownFields) {
    this.file = file;
    this.displayName = displayName;
    this.schema = schema;
    this.rejects = rejects;
    this.progress = progress;
    this.unknownFields = unknownFields;
    this.size = file.toFile().length();
    this.rows = new RowAppender(schema.columns(), projection, batchSize);
    for (int c = 0; c < schema.keys().size(); c++) {
      columnOf.put(schema.keys().get(c), c);
    }
    this.in = FileSource.open(file);
    try {
      this.xml = XmlStreams.open(in);
    } catch (XMLStreamException e) {
      close();
      throw XmlStreams.malformed(displayName, e, 0);
    }
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    rows.reset();
    try {
      while (!rows.full()) {
        if (!nextRow()) {
          done = true;
          break;
        }
        read++;
        readRow(XmlRowParser.read(xml));
      }
    } catch (XMLStreamException e) {
      throw XmlStreams.malformed(displayName, e, read);
    }
    Batch b = rows.finish();
    returned += b.rowCount();
    progress.progress(done ? size : Math.min(size, xml.getLocation().getCharacterOffset()), read, size);
    return b.rowCount() == 0 && done ? null : b;
  }

  /** Moves to the start tag of the next row; false at the end of the document. */
  private boolean nextRow() throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(schema.rowTag())) {
        return true;
      }
    }
    return false;
  }

  private void readRow(XmlRow row) {
    for (Map.Entry<String, List<String>> e : row.values().entrySet()) {
      Integer c = columnOf.get(e.getKey());
      if (c == null) {
        if (unknownFields.size() < MAX_UNKNOWN_FIELDS) {
          unknownFields.add(e.getKey());
        }
        continue;
      }
      List<String> values = e.getValue();
      String problem;
      String value;
      if (schema.lists().get(c)) {
        value = jsonArray(values);
        problem = rows.text(c, value);
      } else if (values.size() > 1) {
        value = values.get(0);
        problem = "element " + rows.column(c).name() + " appears " + values.size() + " times in this row but once"
            + " in each sampled row. Read with sample_size => -1 so detection sees it (its values then become a"
            + " JSON array), or fix the row";
      } else {
        value = values.get(0);
        problem = rows.text(c, value);
      }
      if (problem != null) {
        rows.rollback();
        rejected++;
        rejects.accept(new Reject(displayName, row.line, row.offset, rows.column(c).name(), value, row.raw(),
            displayName + ":" + row.line + ": " + problem));
        return;
      }
    }
    rows.commit(row.line, row.offset);
  }

  private static String jsonArray(List<String> values) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, returned, rejected);
  }

  @Override
  public void close() {
    try {
      if (xml != null) {
        xml.closeCompletely();
      }
    } catch (XMLStreamException ignored) {
      // closing a read-only file cannot lose data
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // as above
    }
  }
}
