package io.dsap.engine.csv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.batch.TextValues;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.source.FileSource;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TypeCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a CSV file as columnar {@link Batch}es of the projected columns.
 *
 * <p>Every column is checked against its type, projected or not, so a row is rejected the same
 * way whichever columns a query reads: counts never depend on the projection. A record that does
 * not fit goes to the {@link RejectSink} with its line, byte offset, column, text and the fix. A
 * file known to be clean ({@link CleanFiles}: a complete earlier scan rejected nothing) is read
 * with its projected fields only, which gives the same rows by construction.
 * Memory is one read buffer plus one batch, whatever the file size.
 */
public final class CsvReader implements BatchReader {
  public static final int DEFAULT_BATCH_SIZE = 8192;
  static final int READ_BUFFER = 4 << 20;
  static final int MAX_RECORD_BYTES = 64 << 20;

  private final Path file;
  private final String displayName;
  private final CsvFileSchema schema;
  private final ColumnSpec[] specs;
  private final boolean[] isText; // column is VARCHAR
  private final int[] checks; // TypeCheck kind of each column
  private final char[] seps; // date separator of each column
  private final int[] projection;
  private final int[] vectorOf; // column -> position in the batch, or -1
  private final int batchSize;
  private Batch batch; // for next(), made on its first call: splits fill batches of their own
  private final ColumnVector[] vectors; // those of the batch being filled
  private final long end;
  private final RejectSink rejects;
  private final InputStream in;
  private final CsvTokenizer tokenizer;
  private final TextValues values = new TextValues();
  private byte[] unescaped = new byte[256]; // scratch for fields with escapes, reused
  private long asciiFrom; // the stream bytes [asciiFrom, asciiTo) are known to be ASCII
  private long asciiTo;
  private final byte[] nullString;
  private final int bom;
  private final boolean checkUtf8;
  private final boolean clean; // every field of the file conforms: skip the unread columns
  private final ProgressListener progress;
  private final long size;
  private long read;
  private long returned;
  private long rejected;
  private boolean done;

  /**
   * Opens {@code file} for reading. {@code projection} lists the column indexes to materialise,
   * in output order, each at most once; it may be empty (counting rows).
   */
  public CsvReader(Path file, String displayName, CsvFileSchema schema, int[] projection, int batchSize,
      RejectSink rejects) {
    this(file, displayName, schema, projection, batchSize, rejects, ProgressListener.NONE);
  }

  /** Opens {@code file} for reading and reports progress about once per batch. */
  public CsvReader(Path file, String displayName, CsvFileSchema schema, int[] projection, int batchSize,
      RejectSink rejects, ProgressListener progress) {
    this(file, displayName, schema, projection, batchSize, rejects, progress, -1, Long.MAX_VALUE,
        new byte[READ_BUFFER], false);
  }

  /**
   * Opens one split of {@code file}: the records that start at or after text offset {@code start}
   * (which must be a record start; 0 reads the skipped lines and the header first) and before
   * {@code end}. A record that starts before {@code end} is read to its end. Line numbers count
   * from 1 at {@code start}; {@code start < 0} reads the whole file as one scan. {@code clean}: the
   * file is known to have no field that would be rejected ({@link CleanFiles}), so the columns not
   * projected are not checked. {@code buffer} is the read buffer to use (grown if a record needs
   * more: {@link #readBuffer()}); the reader keeps no reference to it once closed.
   */
  CsvReader(Path file, String displayName, CsvFileSchema schema, int[] projection, int batchSize,
      RejectSink rejects, ProgressListener progress, long start, long end, byte[] buffer, boolean clean) {
    this.file = file;
    this.clean = clean;
    this.progress = progress;
    this.size = file.toFile().length();
    this.displayName = displayName;
    this.schema = schema;
    this.specs = schema.columns().toArray(new ColumnSpec[0]);
    this.projection = projection.clone();
    this.isText = new boolean[specs.length];
    this.checks = new int[specs.length];
    this.seps = new char[specs.length];
    for (int c = 0; c < specs.length; c++) {
      isText[c] = specs[c].type() == ColumnType.VARCHAR;
      checks[c] = TypeCheck.kindOf(specs[c]);
      seps[c] = specs[c].format() == null ? 0 : specs[c].format().separator();
    }
    this.vectorOf = new int[specs.length];
    Arrays.fill(vectorOf, -1);
    for (int k = 0; k < projection.length; k++) {
      int c = projection[k];
      if (vectorOf[c] >= 0) {
        throw new IllegalArgumentException("column " + c + " projected twice");
      }
      vectorOf[c] = k;
    }
    this.batchSize = batchSize;
    this.vectors = new ColumnVector[projection.length];
    this.rejects = rejects;
    this.end = end;
    this.nullString = schema.nullString() == null ? null : schema.nullString().getBytes(StandardCharsets.UTF_8);
    // offsets point into the file where the text is plain UTF-8; otherwise into the decoded text
    this.bom = schema.layout().seekable() ? schema.layout().bomLength() : 0;
    this.checkUtf8 = schema.layout().charset().equals(java.nio.charset.StandardCharsets.UTF_8);
    this.in = start < 0 ? FileSource.openText(file, schema.layout())
        : FileSource.openTextRange(file, schema.layout(), start);
    this.tokenizer = new CsvTokenizer(in, Math.max(0, start), schema.dialect(), buffer, MAX_RECORD_BYTES);
    if (start <= 0) {
      try {
        CsvDialect d = schema.dialect();
        tokenizer.skipLines(d.skip());
        if (d.header()) {
          tokenizer.next();
        }
      } catch (IOException e) {
        close();
        throw Errors.io(file, e);
      }
    }
    if (clean) {
      int fields = 0;
      for (int c : projection) {
        fields = Math.max(fields, c + 1);
      }
      tokenizer.limitFields(fields); // the fields after the last one read need no check
    }
  }

  /** A new, empty batch of this reader's projection, for {@link #fill}. */
  Batch newBatch() {
    ColumnVector[] v = new ColumnVector[projection.length];
    for (int k = 0; k < projection.length; k++) {
      v[k] = ColumnVector.of(specs[projection[k]], batchSize);
    }
    return new Batch(v, batchSize);
  }

  /** Text offset where the next record would start: the end of this split once it is read. */
  long position() {
    return tokenizer.position();
  }

  /** The read buffer in use: the one given, or a larger one if a record did not fit. */
  byte[] readBuffer() {
    return tokenizer.buffer();
  }

  /** Physical lines consumed so far (the header and skipped lines included). */
  long linesConsumed() {
    return tokenizer.nextLine() - 1;
  }

  /** The next batch (reused between calls), or null at the end of the file. */
  @Override
  public Batch next() {
    if (batch == null) {
      batch = newBatch();
    }
    return fill(batch) ? batch : null;
  }

  /**
   * Refills {@code target} (made by {@link #newBatch}) with the next rows; false, with nothing
   * left in it, at the end of the split. Rejects met on the way go to the sink first.
   */
  boolean fill(Batch target) {
    if (done) {
      return false;
    }
    target.reset();
    for (int k = 0; k < vectors.length; k++) {
      vectors[k] = target.column(k);
    }
    int r = 0;
    int cap = target.capacity();
    try {
      while (r < cap && tokenizer.position() < end && tokenizer.next()) {
        read++;
        if (readRecord(r)) {
          target.setProvenance(r, tokenizer.line(), tokenizer.byteOffset() + bom);
          r++;
        }
      }
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    target.setRowCount(r);
    returned += r;
    progress.progress(done || r < cap ? size : Math.min(size, tokenizer.byteOffset() + bom), read, size);
    if (r < cap) {
      done = true;
    }
    return r > 0 || !done;
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, returned, rejected);
  }

  /** Reads the current record into row {@code r}; false if it was rejected. */
  private boolean readRecord(int r) {
    if (clean && tokenizer.malformed() == null) {
      return readCleanRecord(r);
    }
    CsvTokenizer t = tokenizer;
    if (t.malformed() != null) {
      reject(r, null, null, t.malformed() + ". Check the quote character (option quote) and escape"
          + " (option escape), or fix the line.");
      return false;
    }
    int n = t.fieldCount();
    if (n == specs.length + 1 && schema.dialect().trailingDelimiter() && t.start(n - 1) == t.end(n - 1)) {
      n = specs.length; // the empty field after a trailing delimiter
    }
    if (n > specs.length || (n < specs.length && !schema.nullPadding())) {
      reject(r, null, null, "expected " + specs.length + " fields, found " + n
          + (n < specs.length ? " (a missing delimiter, or a line break inside an unquoted value?)"
              : " (a delimiter inside an unquoted value? quote it)")
          + ". Fix the line" + (n < specs.length ? ", or read short rows padded with NULLs (null_padding => true)"
              : ", or read it with the right delimiter (option delimiter)") + ".");
      return false;
    }
    byte[] buffer = t.buffer();
    // an ASCII record is valid UTF-8: no check per text field
    boolean checkText = checkUtf8 && !asciiRecord();
    for (int c = n; c < specs.length; c++) {
      if (vectorOf[c] >= 0) {
        vectors[vectorOf[c]].setNull(r); // null_padding
      }
    }
    for (int c = 0; c < n; c++) {
      int k = vectorOf[c];
      boolean text = isText[c];
      if (text && k < 0 && !checkText) {
        continue; // an unread text column: nothing can make it fail
      }
      ColumnSpec spec = specs[c];
      // a field with escapes is read unescaped from a scratch copy: the record stays raw for rejects
      byte[] b = buffer;
      int s = t.start(c);
      int e = t.end(c);
      if (t.needsUnescape(c)) {
        b = scratch(e - s);
        e = t.unescapeTo(c, b);
        s = 0;
      }
      if (checkText && text) {
        int bad = io.dsap.engine.source.Encodings.validUtf8(b, s, e, false);
        if (bad >= 0) {
          rollback(r);
          reject(r, spec.name(), null, "column " + spec.name() + " holds bytes that are not valid UTF-8 ("
              + hex(b, bad, e) + " at byte offset " + (t.byteOffset() + bom + (t.start(c) + bad - s - t.recordStart()))
              + "). If the file is not UTF-8, name its"
              + " encoding, e.g. encoding => 'windows-1252'");
          return false;
        }
        if (k < 0) {
          continue;
        }
      }
      if (isNull(b, s, e) && !(s == e && text && t.quoted(c))) {
        if (k >= 0) {
          vectors[k].setNull(r);
        }
        continue;
      }
      if (k < 0 && TypeCheck.surelyValid(checks[c], spec.scale(), seps[c], b, s, e)) {
        continue; // an unread column only needs to be valid
      }
      if (!writeOrReject(r, spec, k < 0 ? null : vectors[k], b, s, e)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes one field's value into {@code v} (null: only parse it); a value that does not parse
   * rolls the record back and rejects it, and the answer is false.
   */
  private boolean writeOrReject(int r, ColumnSpec spec, ColumnVector v, byte[] b, int s, int e) {
    String problem = values.write(spec, v, r, b, s, e);
    if (problem == null) {
      return true;
    }
    String value = new String(b, s, e - s, StandardCharsets.UTF_8);
    rollback(r);
    rejectValue(r, spec, value, problem);
    return false;
  }

  /** The scratch buffer for an unescaped field, grown to hold at least {@code n} bytes. */
  private byte[] scratch(int n) {
    if (unescaped.length < n) {
      unescaped = new byte[Math.max(n, 2 * unescaped.length)];
    }
    return unescaped;
  }

  /**
   * Reads the projected fields of a record of a file known to conform ({@link CleanFiles}): no
   * other field is looked at, no field count or UTF-8 check. A value that fails to parse all the
   * same (the file changed behind an unchanged fingerprint) is still rejected, not returned.
   */
  private boolean readCleanRecord(int r) {
    CsvTokenizer t = tokenizer;
    int n = t.fieldCount();
    for (int k = 0; k < projection.length; k++) {
      int c = projection[k];
      ColumnVector v = vectors[k];
      if (c >= n) {
        v.setNull(r); // a short record, padded (null_padding)
        continue;
      }
      ColumnSpec spec = specs[c];
      byte[] b = t.buffer();
      int s = t.start(c);
      int e = t.end(c);
      if (t.needsUnescape(c)) {
        b = scratch(e - s);
        e = t.unescapeTo(c, b);
        s = 0;
      }
      if (isNull(b, s, e) && !(s == e && isText[c] && t.quoted(c))) {
        v.setNull(r);
        continue;
      }
      if (!writeOrReject(r, spec, v, b, s, e)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the current record is all ASCII. The buffer is scanned ahead, a word at a time, up to
   * its next non-ASCII byte, so a file without any costs one tight pass per buffer fill rather than
   * a check per record. Stream offsets, not buffer indexes: a refill moves the bytes.
   */
  private boolean asciiRecord() {
    CsvTokenizer t = tokenizer;
    long start = t.byteOffset();
    long end = start + (t.recordEnd() - t.recordStart());
    if (start < asciiFrom || end > asciiTo) {
      if (start < asciiTo && start >= asciiFrom) {
        return false; // the record holds the non-ASCII byte the last scan stopped at, or runs past the scanned bytes
      }
      int from = t.recordStart();
      asciiFrom = start;
      asciiTo = start + (Swar.firstNonAscii(t.buffer(), from, t.bufferLimit()) - from);
    }
    return end <= asciiTo;
  }

  private boolean isNull(byte[] b, int s, int e) {
    if (s == e) {
      return true;
    }
    if (nullString == null || e - s != nullString.length) {
      return false;
    }
    for (int i = 0; i < nullString.length; i++) {
      if (b[s + i] != nullString[i]) {
        return false;
      }
    }
    return true;
  }

  private static String hex(byte[] b, int from, int end) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < Math.min(end, from + 4); i++) {
      s.append(s.length() > 0 ? " " : "").append(String.format("%02X", b[i] & 0xff));
    }
    return s.toString();
  }

  /** Undoes a partly written row before it is rejected. */
  private void rollback(int r) {
    for (ColumnVector v : vectors) {
      if (v instanceof StringVector sv) {
        sv.truncate(r);
      }
      v.clearNull(r);
    }
  }

  private void rejectValue(int r, ColumnSpec spec, String value, String problem) {
    reject(r, spec.name(), value, TextValues.reason(spec, value, problem));
  }

  private void reject(int r, String column, String value, String reason) {
    rejected++;
    CsvTokenizer t = tokenizer;
    String rawText = new String(t.buffer(), t.recordStart(),
        Math.min(t.recordEnd() - t.recordStart(), Reject.MAX_RAW * 4), StandardCharsets.UTF_8);
    rejects.accept(new Reject(displayName, t.line(), t.byteOffset() + bom, column, value, rawText,
        displayName + ":" + t.line() + ": " + reason));
  }

  public List<ColumnSpec> columns() {
    return schema.columns();
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
