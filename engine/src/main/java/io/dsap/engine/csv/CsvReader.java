package io.dsap.engine.csv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.batch.TextValues;
import io.dsap.engine.error.Errors;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.source.Encodings;
import io.dsap.engine.source.FileSource;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.DateOrder;
import io.dsap.engine.types.TemporalFormat;
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
  private final ByteParsers parsers = new ByteParsers(); // for the column loops
  // the segment being read: record j's field i is at tokenizer.starts()[j * stride + i]
  private static final byte PLAIN = 0; // parsed by the column loops
  private static final byte ESCAPED = 1; // the same, with a text field or more to unescape
  private static final byte AGAIN = 2; // to be read on its own (readRecord)
  private static final byte REJECTED = 3;
  private final int stride;
  private final int segmentRows;
  private final int[] recordStarts;
  private final int[] recordEnds;
  private final int[] fieldCounts;
  private final byte[] rowStates;
  private final boolean[] nonAsciiRows;
  private final String[] malformed;
  private boolean segmentNonAscii;
  private Batch filling;
  private long lastOffset;
  private final int nullLength; // of the null string; -1 when there is none
  private byte[] unescaped = new byte[256]; // scratch for fields with escapes, reused
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
  private boolean lendText; // text vectors point into the read buffer (see lendText)
  // lent text with escapes: the rows point at the raw field until the segment is read, then it is
  // unescaped in place (unescapePending); record j's field at index i of vector v, and whether
  // readRecord (not the column loop) set it
  private StringVector[] pendingVectors = new StringVector[16];
  private int[] pendingRecords = new int[16];
  private int[] pendingFields = new int[16];
  private boolean[] pendingFromRecord = new boolean[16];
  private int pending;

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
    this.nullLength = nullString == null ? -1 : nullString.length;
    int fields = specs.length;
    if (clean) {
      fields = 0;
      for (int c : projection) {
        fields = Math.max(fields, c + 1);
      }
    }
    this.stride = fields + 1; // room for the empty field after a trailing delimiter
    // field positions of at most 16K fields: 64 KB arrays, made per split (a split scan opens a
    // reader per split), and a segment's positions and bytes stay in the core's cache
    this.segmentRows = Math.max(16, Math.min(batchSize, (1 << 14) / stride));
    this.recordStarts = new int[segmentRows];
    this.recordEnds = new int[segmentRows];
    this.fieldCounts = new int[segmentRows];
    this.rowStates = new byte[segmentRows];
    this.nonAsciiRows = new boolean[segmentRows];
    this.malformed = new String[segmentRows];
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
      tokenizer.limitFields(stride - 1); // the fields after the last one read need no check
    }
    tokenizer.reserveFields(segmentRows * stride + 16);
  }

  /**
   * From now on the text values of the batches this reader fills point into its read buffer
   * instead of being copied ({@link StringVector#lend}): a batch is then valid only until the next
   * {@link #fill} (or {@link #next}), and a value kept past that must be copied. A batch ends
   * early rather than refill the buffer while rows point into it. Only for a consumer that is done
   * with each batch before it asks for the next one and keeps no reference into its text.
   */
  void lendText() {
    for (int c : projection) {
      lendText |= isText[c];
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
   *
   * <p>Rows are read a segment at a time: the tokenizer records the field positions of up to
   * {@link #segmentRows} records whose bytes stay put in its buffer, then each column is parsed
   * for all of them in one loop ({@link #parseSegment}). A record that does not take the plain
   * path (malformed, a wrong field count, escapes, a value that does not parse) is read again on
   * its own, as a whole, in column order ({@link #readRecord}), which words its reject; rejected
   * rows are then dropped from the batch.
   */
  boolean fill(Batch target) {
    if (done) {
      return false;
    }
    target.reset();
    filling = target;
    for (int k = 0; k < vectors.length; k++) {
      vectors[k] = target.column(k);
    }
    int r = 0;
    int cap = target.capacity();
    tokenizer.pin(false); // nothing points into the buffer any more: the first segment may refill it
    try {
      while (r < cap && !done) {
        int n = tokenize(target, r, Math.min(cap - r, segmentRows));
        if (n > 0) {
          if (lendText && r == 0) {
            lendBuffer(); // the buffer in use now: the first segment may have replaced it with a larger one
          }
          r = parseSegment(target, r, n);
          if (lendText && r > 0) {
            tokenizer.pin(true); // rows point into the buffer: the batch ends rather than move it
          }
        } else if (lendText && tokenizer.blocked()) {
          break; // the next record needs a refill, which the next fill does first
        }
      }
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    target.setRowCount(r);
    returned += r;
    progress.progress(done ? size : Math.min(size, lastOffset), read, size);
    return r > 0 || !done;
  }

  /** Points the projected text vectors of the batch being filled at the read buffer. */
  private void lendBuffer() {
    byte[] b = tokenizer.buffer();
    for (int k = 0; k < vectors.length; k++) {
      if (vectors[k] instanceof StringVector v) {
        v.lend(b);
      }
    }
  }

  @Override
  public ScanStats stats() {
    return new ScanStats(read, returned, rejected);
  }

  /**
   * Reads up to {@code max} records into rows {@code from, from + 1, ...} of the segment: their
   * provenance, where they are, and whether they can take the plain path. Stops early, with
   * {@link #done} set, at the end of the split, or before a record that would move the buffer.
   */
  private int tokenize(Batch target, int from, int max) throws IOException {
    CsvTokenizer t = tokenizer;
    int j = 0;
    segmentNonAscii = false;
    t.hold(false); // the segment's first record may refill the buffer: nothing points into it yet
    try {
      while (j < max) {
        if (t.position() >= end) {
          done = true;
          break;
        }
        // a run of plain records in one pass; the first odd one (or one to refill for) by next()
        int plain = t.nextPlain(j, max - j, stride, end, recordStarts, recordEnds, fieldCounts, rowStates);
        if (plain > 0) {
          plainRecords(target, from, j, plain);
          j += plain;
          t.hold(true);
          continue;
        }
        t.placeFieldsAt(j * stride);
        if (!t.next()) {
          done = !t.blocked();
          break;
        }
        t.hold(true);
        read++;
        long offset = t.byteOffset() + bom;
        target.setProvenance(from + j, t.line(), offset);
        lastOffset = offset;
        recordStarts[j] = t.recordStart();
        recordEnds[j] = t.recordEnd();
        if (t.malformed() != null) {
          malformed[j] = t.malformed();
          fieldCounts[j] = t.fieldCount();
          rowStates[j] = AGAIN;
        } else {
          classify(j, t.fieldCount(), t.anyEscaped());
        }
        j++;
      }
    } finally {
      t.hold(false);
    }
    if (checkUtf8 && !clean && j > 0) {
      findNonAsciiRows(j);
    }
    return j;
  }

  /**
   * Records the provenance and state of the {@code n} records {@link CsvTokenizer#nextPlain} read
   * into segment rows {@code [j0, j0 + n)}: one line each, after the line of the record before.
   */
  private void plainRecords(Batch target, int from, int j0, int n) {
    CsvTokenizer t = tokenizer;
    long line = t.nextLine() - n;
    for (int j = j0; j < j0 + n; j++) {
      long offset = t.offsetOf(recordStarts[j]) + bom;
      target.setProvenance(from + j, line++, offset);
      lastOffset = offset;
      classify(j, fieldCounts[j], rowStates[j] != 0); // rowStates held the escape flags
    }
    read += n;
  }

  /**
   * Sets the field count and state of segment record {@code j}, well formed with {@code n} fields
   * ({@code escapes}: some field needs unescaping): plain, or to be read on its own.
   */
  private void classify(int j, int n, boolean escapes) {
    byte state;
    if (clean) {
      state = n < stride - 1 ? AGAIN : PLAIN; // a short record, padded (null_padding)
    } else {
      int at = j * stride + n - 1;
      int[] starts = tokenizer.starts();
      if (n == specs.length + 1 && schema.dialect().trailingDelimiter() && starts[at] == tokenizer.ends()[at]) {
        n = specs.length; // the empty field after a trailing delimiter
      }
      state = n == specs.length ? PLAIN : AGAIN;
    }
    if (escapes && state == PLAIN) {
      state = escapesOnlyInText(tokenizer, j * stride, n, recordStarts[j]) ? ESCAPED : AGAIN;
    }
    fieldCounts[j] = n;
    rowStates[j] = state;
  }

  /**
   * Marks the records of the segment that hold a byte that is not ASCII: only their text is
   * checked as UTF-8 (an ASCII record is valid UTF-8). The segment's bytes are one range of the
   * buffer, scanned a word at a time; a file without any such byte costs that one pass.
   */
  private void findNonAsciiRows(int n) {
    byte[] b = tokenizer.buffer();
    int end = recordEnds[n - 1];
    int bad = Swar.firstNonAscii(b, recordStarts[0], end);
    for (int j = 0; j < n; j++) {
      if (bad < recordStarts[j]) {
        bad = Swar.firstNonAscii(b, recordStarts[j], end); // past a record that held one, or a comment line
      }
      boolean nonAscii = bad < recordEnds[j];
      nonAsciiRows[j] = nonAscii;
      segmentNonAscii |= nonAscii;
    }
  }

  /**
   * Parses the {@code n} records tokenized into rows {@code [from, from + n)} column by column,
   * reads the ones that need it record by record, drops the rejected ones, and returns the
   * batch's row count after them.
   */
  private int parseSegment(Batch target, int from, int n) {
    if (clean) {
      for (int k = 0; k < projection.length; k++) {
        parseColumn(projection[k], vectors[k], from, n);
      }
    } else {
      for (int c = 0; c < specs.length; c++) {
        int k = vectorOf[c];
        parseColumn(c, k < 0 ? null : vectors[k], from, n);
      }
    }
    int dropped = 0;
    for (int j = 0; j < n; j++) {
      if (rowStates[j] == AGAIN && !readRecord(from + j, j)) {
        rowStates[j] = REJECTED;
        dropped++;
      }
    }
    if (pending > 0) {
      unescapePending(from);
    }
    if (dropped == 0) {
      return from + n;
    }
    int w = from;
    for (int j = 0; j < n; j++) {
      int r = from + j;
      if (rowStates[j] == REJECTED) {
        continue;
      }
      if (w != r) {
        for (ColumnVector v : vectors) {
          v.moveRow(r, w);
        }
        target.moveProvenance(r, w);
      }
      w++;
    }
    for (int r = w; r < from + n; r++) {
      for (ColumnVector v : vectors) {
        v.clearNull(r);
      }
    }
    return w;
  }

  /**
   * Parses column {@code c} of the plain rows of the segment into {@code v} (null: an unread
   * column, only checked). A value that is not plain marks its row to be read again.
   */
  private void parseColumn(int c, ColumnVector v, int from, int n) {
    ColumnSpec spec = specs[c];
    switch (spec.type()) {
      case VARCHAR:
        if (v != null || segmentNonAscii) {
          text(c, (StringVector) v, from, n);
        }
        return;
      case INTEGER:
        longs(c, (LongVector) v, Integer.MIN_VALUE, Integer.MAX_VALUE, from, n);
        return;
      case BIGINT:
        longs(c, (LongVector) v, Long.MIN_VALUE, Long.MAX_VALUE, from, n);
        return;
      case DECIMAL:
        if (v == null || v instanceof LongVector) {
          decimals(c, (LongVector) v, spec.scale(), from, n);
          return;
        }
        break;
      case DATE:
        if (spec.format().order() == DateOrder.YMD) {
          dates(c, (LongVector) v, spec.format(), from, n);
          return;
        }
        break;
      default:
        break;
    }
    others(c, v, from, n);
  }

  private void longs(int c, LongVector v, long min, long max, int from, int n) {
    long[] out = v == null ? null : v.values();
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    byte[] b = tokenizer.buffer();
    byte[] states = rowStates;
    ByteParsers p = parsers;
    for (int j = 0, i = c; j < n; j++, i += stride) {
      if (states[j] > ESCAPED) {
        continue;
      }
      int s = starts[i];
      int e = ends[i];
      if (isNull(b, s, e)) {
        if (v != null) {
          v.setNull(from + j);
        }
        continue;
      }
      long x = ByteParsers.plainDigits(b, s, e);
      if (x < 0) {
        x = p.parseLong(b, s, e);
        if (!p.ok) {
          states[j] = AGAIN;
          continue;
        }
      }
      if (x < min || x > max) {
        states[j] = AGAIN;
        continue;
      }
      if (out != null) {
        out[from + j] = x;
      }
    }
  }

  private void decimals(int c, LongVector v, int scale, int from, int n) {
    long[] out = v == null ? null : v.values();
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    byte[] b = tokenizer.buffer();
    byte[] states = rowStates;
    ByteParsers p = parsers;
    for (int j = 0, i = c; j < n; j++, i += stride) {
      if (states[j] > ESCAPED) {
        continue;
      }
      int s = starts[i];
      int e = ends[i];
      if (isNull(b, s, e)) {
        if (v != null) {
          v.setNull(from + j);
        }
        continue;
      }
      long x = p.parseDecimal(b, s, e, scale);
      if (!p.ok) {
        states[j] = AGAIN;
        continue;
      }
      if (out != null) {
        out[from + j] = x;
      }
    }
  }

  private void dates(int c, LongVector v, TemporalFormat format, int from, int n) {
    long[] out = v == null ? null : v.values();
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    byte[] b = tokenizer.buffer();
    byte[] states = rowStates;
    char sep = format.separator();
    ByteParsers p = parsers;
    for (int j = 0, i = c; j < n; j++, i += stride) {
      if (states[j] > ESCAPED) {
        continue;
      }
      int s = starts[i];
      int e = ends[i];
      if (isNull(b, s, e)) {
        if (v != null) {
          v.setNull(from + j);
        }
        continue;
      }
      int x = ByteParsers.ymdDay(b, s, e, sep);
      if (x == ByteParsers.NO_DAY) {
        x = p.parseDate(b, s, e, format);
        if (!p.ok) {
          states[j] = AGAIN;
          continue;
        }
      }
      if (out != null) {
        out[from + j] = x;
      }
    }
  }

  /**
   * Whether the fields of the record starting at {@code rs} that hold escapes are all text, which
   * the column loops unescape; escapes in a number or a date are rare, and the record is read on its own.
   */
  private boolean escapesOnlyInText(CsvTokenizer t, int at, int n, int rs) {
    for (int c = 0, last = Math.min(n, specs.length); c < last; c++) {
      if (!isText[c] && t.escapedAt(at + c, rs)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A text column: copied into {@code v} (null: unread), or pointed at where {@code v} lends the
   * read buffer ({@link #lendText}); checked as UTF-8 in the rows that are not ASCII; a field with
   * escapes is copied unescaped, or unescaped in place once the segment is read.
   */
  private void text(int c, StringVector v, int from, int n) {
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    byte[] b = tokenizer.buffer();
    byte[] states = rowStates;
    boolean plain = v != null && !segmentNonAscii; // nothing to check: copy the bytes
    int nulls = nullLength;
    for (int j = 0, i = c; j < n; j++, i += stride) {
      byte state = states[j];
      if (state > ESCAPED) {
        continue;
      }
      int s = starts[i];
      int e = ends[i];
      if (plain && state == PLAIN && s != e && e - s != nulls) {
        v.set(from + j, b, s, e);
      } else {
        textField(v, from, j, i);
      }
    }
  }

  /** Field {@code i} of record {@code j} of a text column, any case: escapes, UTF-8 to check, empty, null. */
  private void textField(StringVector v, int from, int j, int i) {
    byte[] src = tokenizer.buffer();
    int s = tokenizer.starts()[i];
    int e = tokenizer.ends()[i];
    boolean quoted = s == e && tokenizer.quotedAt(s, recordStarts[j]); // before s moves
    boolean check = nonAsciiRows[j] && segmentNonAscii;
    if (rowStates[j] == ESCAPED && tokenizer.escapedAt(i, recordStarts[j])) {
      if (v != null && !check && nullLength < 0 && v.lent()) {
        v.set(from + j, src, s, e); // a non-empty string, not null: nothing to check unescaped
        defer(v, j, i, false);
        return;
      }
      src = scratch(e - s);
      e = tokenizer.unescapeTo(s, e, src);
      s = 0;
    }
    if (check && Encodings.validUtf8(src, s, e, false) >= 0) {
      rowStates[j] = AGAIN;
      return;
    }
    if (v == null) {
      return;
    }
    if (s == e ? !quoted : e - s == nullLength && isNullString(src, s)) {
      v.setNull(from + j);
      return;
    }
    if (src != tokenizer.buffer() && v.lent()) {
      v.set(from + j, tokenizer.buffer(), tokenizer.starts()[i], tokenizer.ends()[i]);
      defer(v, j, i, false);
      return;
    }
    v.set(from + j, src, s, e);
  }

  /** Remembers a lent row that points at its raw, escaped field: see {@link #unescapePending}. */
  private void defer(StringVector v, int j, int i, boolean fromRecord) {
    if (pending == pendingRecords.length) {
      int n = 2 * pending;
      pendingVectors = Arrays.copyOf(pendingVectors, n);
      pendingRecords = Arrays.copyOf(pendingRecords, n);
      pendingFields = Arrays.copyOf(pendingFields, n);
      pendingFromRecord = Arrays.copyOf(pendingFromRecord, n);
    }
    pendingVectors[pending] = v;
    pendingRecords[pending] = j;
    pendingFields[pending] = i;
    pendingFromRecord[pending] = fromRecord;
    pending++;
  }

  /**
   * Unescapes the deferred text fields of the segment in place in the read buffer, so that their
   * lent rows need no copy. Only now: until the records were read on their own and rejected, the
   * raw bytes were needed (a reject quotes the raw record). A value is shorter unescaped, so it fits
   * where it was; the bytes changed are all before the tokenizer's position. A field whose record
   * was read again or rejected since is skipped: readRecord set (and deferred) it again, or it is
   * dropped.
   */
  private void unescapePending(int from) {
    byte[] b = tokenizer.buffer();
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    for (int p = 0; p < pending; p++) {
      int j = pendingRecords[p];
      byte state = rowStates[j];
      if (pendingFromRecord[p] ? state != AGAIN : state > ESCAPED) {
        continue;
      }
      int s = starts[pendingFields[p]];
      pendingVectors[p].set(from + j, b, s, tokenizer.unescapeInPlace(s, ends[pendingFields[p]]));
      pendingVectors[p] = null;
    }
    pending = 0;
  }


  /** Any other type, through {@link TextValues}: a column at a time still, but a call per value. */
  private void others(int c, ColumnVector v, int from, int n) {
    ColumnSpec spec = specs[c];
    int kind = checks[c];
    int scale = spec.scale();
    char sep = seps[c];
    int[] starts = tokenizer.starts();
    int[] ends = tokenizer.ends();
    byte[] b = tokenizer.buffer();
    byte[] states = rowStates;
    for (int j = 0, i = c; j < n; j++, i += stride) {
      if (states[j] > ESCAPED) {
        continue;
      }
      int s = starts[i];
      int e = ends[i];
      if (isNull(b, s, e)) {
        if (v != null) {
          v.setNull(from + j);
        }
        continue;
      }
      if (v == null ? !TypeCheck.surelyValid(kind, scale, sep, b, s, e) && values.write(spec, null, 0, b, s, e) != null
          : values.write(spec, v, from + j, b, s, e) != null) {
        states[j] = AGAIN;
      }
    }
  }

  /**
   * Reads record {@code j} of the segment into row {@code r} on its own, every field in column
   * order, as the plain path cannot: false, with the reject sent, if it was rejected. What was
   * written for the row before is overwritten; a rejected row is dropped by the caller.
   */
  private boolean readRecord(int r, int j) {
    String bad = malformed[j];
    if (bad != null) {
      malformed[j] = null;
      reject(r, j, null, null, bad + ". Check the quote character (option quote) and escape"
          + " (option escape), or fix the line.");
      return false;
    }
    if (clean) {
      return readCleanRecord(r, j);
    }
    int n = fieldCounts[j];
    if (n > specs.length || (n < specs.length && !schema.nullPadding())) {
      reject(r, j, null, null, "expected " + specs.length + " fields, found " + n
          + (n < specs.length ? " (a missing delimiter, or a line break inside an unquoted value?)"
              : " (a delimiter inside an unquoted value? quote it)")
          + ". Fix the line" + (n < specs.length ? ", or read short rows padded with NULLs (null_padding => true)"
              : ", or read it with the right delimiter (option delimiter)") + ".");
      return false;
    }
    CsvTokenizer t = tokenizer;
    byte[] buffer = t.buffer();
    int[] starts = t.starts();
    int[] ends = t.ends();
    int at = j * stride;
    int recordStart = recordStarts[j];
    boolean checkText = nonAsciiRows[j];
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
      int s = starts[at + c];
      int e = ends[at + c];
      boolean quoted = t.quotedAt(s, recordStart);
      if (t.escapedAt(at + c, recordStart)) {
        b = scratch(e - s);
        e = t.unescapeTo(s, e, b);
        s = 0;
      }
      if (checkText && text) {
        int bad8 = Encodings.validUtf8(b, s, e, false);
        if (bad8 >= 0) {
          reject(r, j, spec.name(), null, "column " + spec.name() + " holds bytes that are not valid UTF-8 ("
              + hex(b, bad8, e) + " at byte offset " + (filling.byteOffset(r) + (starts[at + c] + bad8 - s - recordStart))
              + "). If the file is not UTF-8, name its"
              + " encoding, e.g. encoding => 'windows-1252'");
          return false;
        }
        if (k < 0) {
          continue;
        }
      }
      if (isNull(b, s, e) && !(s == e && text && quoted)) {
        if (k >= 0) {
          vectors[k].setNull(r);
        }
        continue;
      }
      if (k < 0 && TypeCheck.surelyValid(checks[c], spec.scale(), seps[c], b, s, e)) {
        continue; // an unread column only needs to be valid
      }
      if (text && b != buffer && k >= 0 && vectors[k] instanceof StringVector v && v.lent()) {
        v.set(r, buffer, starts[at + c], ends[at + c]); // unescaped in place once the segment is read
        defer(v, j, at + c, true);
        continue;
      }
      if (!writeOrReject(r, j, spec, k < 0 ? null : vectors[k], b, s, e)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes one field's value into {@code v} (null: only parse it); a value that does not parse
   * rejects the record, and the answer is false.
   */
  private boolean writeOrReject(int r, int j, ColumnSpec spec, ColumnVector v, byte[] b, int s, int e) {
    String problem = values.write(spec, v, r, b, s, e);
    if (problem == null) {
      return true;
    }
    String value = new String(b, s, e - s, StandardCharsets.UTF_8);
    reject(r, j, spec.name(), value, TextValues.reason(spec, value, problem));
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
   * Reads the projected fields of record {@code j} of a file known to conform ({@link CleanFiles})
   * into row {@code r}: no other field is looked at, no field count or UTF-8 check. A value that
   * fails to parse all the same (the file changed behind an unchanged fingerprint) is still
   * rejected, not returned.
   */
  private boolean readCleanRecord(int r, int j) {
    CsvTokenizer t = tokenizer;
    int n = fieldCounts[j];
    int[] starts = t.starts();
    int[] ends = t.ends();
    int at = j * stride;
    int recordStart = recordStarts[j];
    for (int k = 0; k < projection.length; k++) {
      int c = projection[k];
      ColumnVector v = vectors[k];
      if (c >= n) {
        v.setNull(r); // a short record, padded (null_padding)
        continue;
      }
      ColumnSpec spec = specs[c];
      byte[] b = t.buffer();
      int s = starts[at + c];
      int e = ends[at + c];
      boolean quoted = t.quotedAt(s, recordStart);
      if (t.escapedAt(at + c, recordStart)) {
        b = scratch(e - s);
        e = t.unescapeTo(s, e, b);
        s = 0;
      }
      if (isNull(b, s, e) && !(s == e && isText[c] && quoted)) {
        v.setNull(r);
        continue;
      }
      if (!writeOrReject(r, j, spec, v, b, s, e)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} holds the null string at {@code s} (its length already checked). */
  private boolean isNullString(byte[] b, int s) {
    byte[] n = nullString;
    for (int i = 0; i < n.length; i++) {
      if (b[s + i] != n[i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[s, e)} reads as NULL: empty, or the null string. */
  private boolean isNull(byte[] b, int s, int e) {
    return s == e || e - s == nullLength && isNullString(b, s);
  }

  private static String hex(byte[] b, int from, int end) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < Math.min(end, from + 4); i++) {
      s.append(s.length() > 0 ? " " : "").append(String.format("%02X", b[i] & 0xff));
    }
    return s.toString();
  }

  /** Sends the reject of record {@code j} of the segment, row {@code r} of the batch being filled. */
  private void reject(int r, int j, String column, String value, String reason) {
    rejected++;
    int from = recordStarts[j];
    String rawText = new String(tokenizer.buffer(), from, Math.min(recordEnds[j] - from, Reject.MAX_RAW * 4),
        StandardCharsets.UTF_8);
    long line = filling.line(r);
    rejects.accept(new Reject(displayName, line, filling.byteOffset(r), column, value, rawText,
        displayName + ":" + line + ": " + reason));
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
