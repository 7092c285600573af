package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Streams a JSON file as batches: the splitter finds each record, Jackson parses it on its own,
 * and the converter fills the row. A record that does not parse or does not fit is rejected with
 * its line, byte offset, text and reason; reading goes on. Memory is one read buffer (which
 * grows to the largest record) plus one batch.
 */
public final class JsonReader implements BatchReader {
  public static final int DEFAULT_BATCH_SIZE = 4096;
  static final int READ_BUFFER = 1 << 20;
  static final int MAX_RECORD_BYTES = 64 << 20;
  static final int MAX_UNKNOWN_FIELDS = 20;

  private final Path file;
  private final String displayName;
  private final InputStream in;
  private final JsonRecordSplitter splitter;
  private final RowAppender rows;
  private final JsonRowConverter converter;
  private final RejectSink rejects;
  private final ProgressListener progress;
  private final int bom;
  private final long size;
  private long read;
  private long returned;
  private long rejected;
  private boolean done;

  /**
   * Opens {@code file} for a scan of the columns at {@code projection}; fields that are not
   * columns are added to {@code unknownFields}.
   */
  JsonReader(Path file, String displayName, JsonFileSchema schema, int[] projection, int batchSize,
      RejectSink rejects, ProgressListener progress, Set<String> unknownFields) {
    this.file = file;
    this.displayName = displayName;
    this.rejects = rejects;
    this.progress = progress;
    this.bom = schema.bom() ? 3 : 0;
    this.size = file.toFile().length();
    this.rows = new RowAppender(schema.columns(), projection, batchSize);
    this.converter = new JsonRowConverter(schema, rows, unknownFields, MAX_UNKNOWN_FIELDS);
    this.in = FileSource.open(file);
    JsonFraming f = schema.framing();
    long offset = f.inArray() ? f.arrayOffset() + 1 : 0;
    try {
      in.skipNBytes(offset);
    } catch (IOException e) {
      close();
      throw Errors.io(file, e);
    }
    this.splitter = new JsonRecordSplitter(in, f, offset, f.arrayLine(), READ_BUFFER, MAX_RECORD_BYTES,
        displayName);
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    rows.reset();
    try {
      while (!rows.full()) {
        if (!splitter.next()) {
          done = true;
          break;
        }
        read++;
        readRecord();
      }
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    Batch b = rows.finish();
    returned += b.rowCount();
    progress.progress(done ? size : Math.min(size, splitter.byteOffset() + bom), read, size);
    return b.rowCount() == 0 && done ? null : b;
  }

  private void readRecord() throws IOException {
    JsonRecordSplitter s = splitter;
    String problem;
    try (JsonParser p = JsonParsing.parser(s.buffer(), s.start(), s.end())) {
      problem = converter.read(p);
    } catch (JsonProcessingException e) {
      problem = "not valid JSON: " + JsonParsing.problem(e) + ". Fix the record; the other records are read";
    }
    if (problem == null) {
      rows.commit(s.line(), s.byteOffset() + bom);
      return;
    }
    rows.rollback();
    rejected++;
    int len = Math.min(s.end() - s.start(), Reject.MAX_RAW * 4);
    String raw = new String(s.buffer(), s.start(), len, StandardCharsets.UTF_8);
    rejects.accept(new Reject(displayName, s.line(), s.byteOffset() + bom, converter.column(), converter.value(),
        raw, displayName + ":" + s.line() + ": " + problem));
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, returned, rejected);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // closing a read-only file cannot lose data
    }
  }
}
