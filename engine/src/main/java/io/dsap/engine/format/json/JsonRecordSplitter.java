package io.dsap.engine.format.json;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds the records of a JSON file in its bytes without parsing them, so that each record is
 * parsed on its own and a broken one is rejected while the rest are read.
 *
 * <p>NDJSON records are lines. Array elements end at a comma or the closing {@code ]} outside
 * strings and brackets; whole objects end where their brackets balance. JSON strings cannot hold
 * a raw line break: a record with a line break inside a string is broken, and it runs on to the
 * next line that starts with '{' (the next record), so an unclosed quote spoils one record, not
 * the rest of the file. When the framing itself is lost (the file ends inside a record or before
 * the array closes, text follows the array) reading fails with the place, as no record after it
 * could be trusted.
 */
final class JsonRecordSplitter {
  private final InputStream in;
  private final JsonFraming framing;
  private final String displayName;
  private final int maxRecordBytes;
  private byte[] buf;
  private int limit;
  private int pos;
  private int mark = -1; // start of the record being scanned: kept when the buffer is refilled
  private long base; // stream offset of buf[0]
  private long line;
  private boolean eof;
  private boolean arrayClosed;
  private int start;
  private int end;
  private long recordLine;
  private long recordOffset;
  private boolean terminated;

  /**
   * Splits {@code in}, which is positioned at stream offset {@code offset} on line {@code line}:
   * the file start for NDJSON and objects, just after the {@code [} for arrays.
   */
  JsonRecordSplitter(InputStream in, JsonFraming framing, long offset, long line, int bufferSize,
      int maxRecordBytes, String displayName) {
    this.in = in;
    this.framing = framing;
    this.base = offset;
    this.line = line;
    this.buf = new byte[Math.max(16, bufferSize)];
    this.maxRecordBytes = maxRecordBytes;
    this.displayName = displayName;
  }

  /** A splitter over bytes already in memory (a detection sample) that start at {@code offset}. */
  static JsonRecordSplitter ofBytes(byte[] b, int length, JsonFraming framing, long offset, long line) {
    JsonRecordSplitter s = new JsonRecordSplitter(InputStream.nullInputStream(), framing, offset, line, 0,
        Integer.MAX_VALUE, "sample");
    s.buf = b;
    s.limit = length;
    s.eof = true;
    return s;
  }

  /** The bytes of the current record are {@code buffer()[start(), end())}, valid until {@link #next}. */
  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** 1-based line on which the current record starts. */
  long line() {
    return recordLine;
  }

  /** Stream offset (after any BOM) of the current record's first byte. */
  long byteOffset() {
    return recordOffset;
  }

  /** Whether the current NDJSON record ended with a line break (in a sample, an unended line may be cut). */
  boolean terminated() {
    return terminated;
  }

  /** Moves to the next record; false at the end of the records. */
  boolean next() throws IOException {
    mark = -1;
    return switch (framing.layout()) {
      case NDJSON -> nextLine();
      case ARRAY, RECORDS -> nextElement();
      case OBJECTS -> nextValue();
    };
  }

  private boolean nextLine() throws IOException {
    while (true) {
      mark = pos;
      long l = line;
      int c;
      while ((c = peek()) >= 0 && c != '\n') {
        pos++;
      }
      if (c < 0 && pos == mark) {
        return false;
      }
      int e = pos;
      terminated = c == '\n';
      if (terminated) {
        pos++;
        line++;
      }
      if (set(mark, e, l)) {
        return true;
      }
      if (!terminated) {
        return false; // a blank last line
      }
    }
  }

  private boolean nextElement() throws IOException {
    while (!arrayClosed) {
      int c = skipSpace();
      if (c < 0) {
        throw broken("the file ends before the array that opens on line " + framing.arrayLine() + " is closed"
            + " with ']' (a truncated file?)");
      }
      if (c == ']') {
        pos++;
        arrayClosed = true;
        if (framing.layout() == JsonLayout.ARRAY && skipSpace() >= 0) {
          throw broken("line " + line + ": text follows the closing ']' of the top-level array: '" + preview()
              + "'. Several arrays in one file, or a stray ']' inside a record? Fix the file there");
        }
        return false;
      }
      if (c == ',') {
        pos++; // an empty element (",," or ",]") holds no record
        continue;
      }
      mark = pos;
      long l = line;
      int length = scan(l, true);
      set(mark, mark + length, l);
      return true;
    }
    return false;
  }

  private boolean nextValue() throws IOException {
    if (arrayClosed || skipSpace() < 0) {
      return false;
    }
    mark = pos;
    long l = line;
    int c = buf[pos];
    int length;
    if (c == '{' || c == '[') {
      length = scan(l, false);
    } else {
      while ((c = peek()) >= 0 && c != '\n') {
        pos++; // not an object: the rest of the line is one (rejected) record
      }
      length = pos - mark;
    }
    set(mark, mark + length, l);
    return true;
  }

  /**
   * Scans the record at {@code mark} (which starts on line {@code l}): until a top-level comma or
   * ']' (array elements) or until its brackets balance (whole values). Leaves {@code pos} after
   * the record and returns the record's length.
   */
  private int scan(long l, boolean element) throws IOException {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    while (true) {
      int c = peek();
      if (c < 0) {
        throw broken("the file ends inside the record that starts on line " + l + ": an unclosed string,"
            + " '{' or '[' there, or a truncated file. Fix that record, or cut the file after the last complete"
            + " record");
      }
      if (c == '\n') {
        pos++;
        line++;
        if (inString) {
          return resync(); // a line break inside a string: this record is broken
        }
        continue;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth > 0) {
          depth--;
          if (depth == 0 && !element) {
            pos++;
            return pos - mark;
          }
        } else if (c == ']' && element) {
          return pos - mark; // the end of the array: left for the next call
        }
      } else if (c == ',' && depth == 0 && element) {
        return pos - mark;
      }
      pos++;
    }
  }

  /**
   * A broken record runs on to the next line that starts with '{'; returns its length. If no
   * such line comes, it runs to the end of the file, and the records end with it.
   */
  private int resync() throws IOException {
    while (true) {
      int lineStart = pos - mark; // relative: a refill moves the buffer
      int c;
      while ((c = peek()) == ' ' || c == '\t' || c == '\r') {
        pos++;
      }
      if (c == '{') {
        return lineStart;
      }
      while (c >= 0 && c != '\n') {
        pos++;
        c = peek();
      }
      if (c < 0) {
        arrayClosed = true; // cannot tell where the array ended; nothing follows anyway
        return pos - mark;
      }
      pos++;
      line++;
    }
  }

  /** Skips whitespace and returns the next byte, or -1 at the end of the input. */
  private int skipSpace() throws IOException {
    while (true) {
      int c = peek();
      if (c < 0 || !isSpace((byte) c)) {
        return c;
      }
      if (c == '\n') {
        line++;
      }
      pos++;
    }
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Sets the current record to {@code [s, e)} without surrounding whitespace; false if nothing is left. */
  private boolean set(int s, int e, long l) {
    while (e > s && isSpace(buf[e - 1])) {
      e--;
    }
    while (s < e && isSpace(buf[s])) {
      s++;
    }
    start = s;
    end = e;
    recordLine = l;
    recordOffset = base + s;
    return s < e;
  }

  /** The byte at {@code pos}, reading more input when needed; -1 at the end. */
  private int peek() throws IOException {
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  /** Reads more input, keeping the bytes from {@link #mark} (or {@link #pos}) on; false at the end. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int keep = mark >= 0 ? mark : pos;
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      mark = mark >= 0 ? mark - keep : -1;
      base += keep;
    }
    if (limit == buf.length) {
      if (buf.length >= maxRecordBytes) {
        throw new DsapException(ErrorCode.LINE_TOO_LONG, displayName + ":" + line + ": a JSON record"
            + " is longer than " + (maxRecordBytes >> 20) + " MB (from byte " + base + "). Is a string or bracket"
            + " unclosed there? For one huge document, point records_path at its array of records");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(maxRecordBytes, buf.length * 2L));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n <= 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  private String preview() {
    int n = Math.min(limit - pos, 40);
    return new String(buf, pos, Math.max(0, n), java.nio.charset.StandardCharsets.UTF_8).replace("\n", " ");
  }

  private DsapException broken(String what) {
    return new DsapException(ErrorCode.MALFORMED_DATA, displayName + ": JSON structure is broken: " + what + ".");
  }
}
