package io.dsap.engine.csv;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into records and fields without decoding text.
 *
 * <p>After {@link #next()} returns true, field {@code i} of the current record is
 * {@code buffer()[start(i), end(i))}. Quoted fields exclude their quotes; a field whose bytes hold
 * escapes is unescaped in place by {@link #unescape(int)} on demand, so most fields are never
 * copied. Empty lines are skipped. The tokenizer never fails on content: a malformed record
 * (unterminated quote, text after a closing quote) is returned with {@link #malformed()} set so the
 * caller can reject it with its line number and raw text. {@link #nextPlain} reads a run of plain
 * records at once, the same way, for callers that keep many records' field positions.
 */
public final class CsvTokenizer {
  private static final int MIN_BUFFER = 16;

  private final InputStream in;
  private final byte delimiter;
  private final int quote;
  private final int escape;
  private final int comment;
  private final int maxRecordBytes;
  private static final long NEWLINES = Swar.broadcast('\n');
  private static final long RETURNS = Swar.broadcast('\r');
  // the bytes searched a word at a time; a missing quote or escape searches for the quote or delimiter again
  private final long delimiterWord;
  private final long quoteWord;
  private final long escapeWord;
  private final boolean escapeDistinct; // an escape other than the quote, searched for in quoted fields

  private byte[] buf;
  private int limit;
  private boolean eof;
  private long bufferOffset; // file offset of buf[0]

  private int pos;
  // field i of the current record is at index base + i; a caller reading many records before
  // using them places each record's fields after the last one's (placeFieldsAt). Only quoted
  // fields write their escaped flag: quoted() tells from the bytes, so an unquoted field stores
  // two ints and nothing else.
  private int base;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] escaped = new boolean[16];
  private int fieldCount;
  private int recordStart;
  private int recordEnd;
  private long line = 1; // line where the next record starts
  private long recordLine;
  private String malformed;
  private boolean anyEscaped;
  private int fieldLimit = Integer.MAX_VALUE; // fields recorded per record; the rest only skipped
  private final long stopQuoteWord; // the quote outside quoted fields, or a line feed when there is none
  // flags of delimiters and line breaks in the word at buf[maskAt] (or maskAt < 0): see fieldEnd
  private int maskAt = -1;
  private long mask;
  private boolean hold; // next() must not move the bytes in the buffer (see hold)
  private boolean pinned; // hold stays on (see pin)
  private boolean blocked;
  private final boolean doubledQuotes; // nextPlain reads quoted fields (doubled quotes, RFC 4180)

  public CsvTokenizer(InputStream in, CsvDialect dialect, int bufferSize, int maxRecordBytes) {
    this(in, 0, dialect, bufferSize, maxRecordBytes);
  }

  /** A tokenizer over a stream that starts at byte {@code offset} of the text (a split of a file). */
  public CsvTokenizer(InputStream in, long offset, CsvDialect dialect, int bufferSize, int maxRecordBytes) {
    this(in, offset, dialect, new byte[Math.max(MIN_BUFFER, bufferSize)], maxRecordBytes);
  }

  /**
   * A tokenizer reading into {@code buffer} (grown if a record needs more; {@link #buffer()} is the
   * array in use), so a caller can reuse one buffer for many splits.
   */
  public CsvTokenizer(InputStream in, long offset, CsvDialect dialect, byte[] buffer, int maxRecordBytes) {
    this.in = in;
    this.bufferOffset = offset;
    this.delimiter = dialect.delimiter();
    this.quote = dialect.quote();
    this.escape = dialect.escape();
    this.comment = dialect.comment();
    this.delimiterWord = Swar.broadcast(delimiter);
    this.quoteWord = quote == CsvDialect.NONE ? delimiterWord : Swar.broadcast(quote);
    this.escapeWord = escape == CsvDialect.NONE ? quoteWord : Swar.broadcast(escape);
    this.escapeDistinct = escapeWord != quoteWord;
    this.stopQuoteWord = quote == CsvDialect.NONE ? NEWLINES : quoteWord;
    this.doubledQuotes = quote != CsvDialect.NONE && escape == quote;
    this.buf = buffer.length >= MIN_BUFFER ? buffer : new byte[MIN_BUFFER];
    this.maxRecordBytes = maxRecordBytes;
  }

  /** A tokenizer over bytes already in memory (sniffing samples). */
  public static CsvTokenizer of(byte[] bytes, int length, CsvDialect dialect) {
    CsvTokenizer t = new CsvTokenizer(InputStream.nullInputStream(), dialect, 0, Integer.MAX_VALUE);
    t.buf = bytes;
    t.limit = length;
    t.eof = true;
    return t;
  }

  /**
   * Records only the first {@code n} fields of each record from now on: the rest of a record is
   * skipped to its end, and {@link #fieldCount()} is at most {@code n}. For files known to
   * conform, where the fields after the last one read need no check.
   */
  public void limitFields(int n) {
    fieldLimit = n;
  }

  public byte[] buffer() {
    return buf;
  }

  public int fieldCount() {
    return fieldCount;
  }

  public int start(int i) {
    return starts[base + i];
  }

  public int end(int i) {
    return ends[base + i];
  }

  /** Whether field {@code i} was written in quotes (a quoted empty field is an empty string, not NULL). */
  public boolean quoted(int i) {
    return quotedAt(starts[base + i], recordStart);
  }

  public boolean needsUnescape(int i) {
    return escapedAt(base + i, recordStart);
  }

  /**
   * Records the fields of the following records from index {@code base} of {@link #starts()} and
   * {@link #ends()} on (the arrays grow to fit), so that a caller can keep the positions of many
   * records at once, e.g. record {@code j} of a batch at {@code j * stride}. Fields are not
   * cleared: a record with more fields than the caller's stride writes over the next slots.
   */
  public void placeFieldsAt(int base) {
    this.base = base;
    if (base + 16 > starts.length) {
      growTo(Math.max(base + 16, 2 * starts.length));
    }
  }

  /** Makes room for {@code n} field positions at once (see {@link #placeFieldsAt}). */
  public void reserveFields(int n) {
    if (n > starts.length) {
      growTo(n);
    }
  }

  /** Where each field starts in {@link #buffer()}: field {@code i} of a record placed at {@code b} is at {@code b + i}. */
  public int[] starts() {
    return starts;
  }

  /** Where each field ends (exclusive); see {@link #starts()}. */
  public int[] ends() {
    return ends;
  }

  /**
   * Whether the field that starts at buffer index {@code start} of the record that starts at
   * {@code recordStart} was quoted: an unquoted field starts the record or follows a delimiter,
   * a quoted one follows its opening quote.
   */
  public boolean quotedAt(int start, int recordStart) {
    return start > recordStart && buf[start - 1] == quote;
  }

  /** Whether the field at index {@code at} of {@link #starts()} (of the record starting at {@code recordStart}) holds escapes. */
  public boolean escapedAt(int at, int recordStart) {
    return escaped[at] && quotedAt(starts[at], recordStart);
  }

  /**
   * While {@code on}, {@link #next()} never moves or replaces the bytes of {@link #buffer()}: when
   * the next record is not wholly in it, next() returns false and {@link #blocked()} is true, with
   * nothing consumed, so that positions kept from the records before stay valid. Called again
   * with hold off, next() reads that record.
   */
  public void hold(boolean on) {
    hold = on || pinned;
  }

  /**
   * While {@code on}, {@link #hold} stays on whatever it is told: rows a caller handed out point
   * into the buffer (a batch that borrows its text), so no segment may move it until the caller
   * is done with them.
   */
  public void pin(boolean on) {
    pinned = on;
    hold = on;
  }

  /** Whether the last {@link #next()} returned false only because of {@link #hold}. */
  public boolean blocked() {
    return blocked;
  }

  /** Whether some field of the current record needs {@link #unescape(int)}. */
  public boolean anyEscaped() {
    return anyEscaped;
  }

  /** 1-based line on which the current record starts. */
  public long line() {
    return recordLine;
  }

  /** Byte offset of the current record in the stream. */
  public long byteOffset() {
    return bufferOffset + recordStart;
  }

  /**
   * Byte offset in the stream where the next record (or the empty lines before it) starts: just
   * after the current record's line ending.
   */
  public long position() {
    return bufferOffset + pos;
  }

  /** Null, or why the current record is malformed. */
  public String malformed() {
    return malformed;
  }

  /** The raw bytes of the current record, without its line ending. */
  public int recordStart() {
    return recordStart;
  }

  public int recordEnd() {
    return recordEnd;
  }

  /** End of the bytes read into {@link #buffer()} so far. */
  public int bufferLimit() {
    return limit;
  }

  /** Lines consumed so far (the line after the current record). */
  public long nextLine() {
    return line;
  }

  /** Skips {@code n} physical lines (no quote handling: leading junk is not CSV). */
  public void skipLines(int n) throws IOException {
    for (int k = 0; k < n; k++) {
      while (true) {
        if (pos >= limit && !fill()) {
          return;
        }
        byte c = buf[pos++];
        if (c == '\n') {
          line++;
          break;
        }
      }
    }
  }

  /** Unescapes field {@code i} in place (doubled quotes or backslash escapes) and updates its end. */
  public void unescape(int i) {
    if (!needsUnescape(i)) {
      return;
    }
    i += base;
    ends[i] = unescapeInPlace(starts[i], ends[i]);
    escaped[i] = false;
  }

  /**
   * Unescapes the field at {@code buffer()[s, e)} in place and returns its new end: an unescaped
   * value is never longer, so each byte is written at or before where it was read.
   */
  public int unescapeInPlace(int s, int e) {
    maskAt = -1; // the bytes change
    return s + unescapeTo(s, e, buf, s);
  }

  /**
   * Writes field {@code i} unescaped to {@code dst} (at least as long as the field) and returns
   * its length, leaving the record's bytes as they are (a reject quotes the raw record).
   */
  public int unescapeTo(int i, byte[] dst) {
    return unescapeTo(starts[base + i], ends[base + i], dst, 0);
  }

  /** {@link #unescapeTo(int, byte[])} for the field at {@code buffer()[s, e)}. */
  public int unescapeTo(int s, int e, byte[] dst) {
    return unescapeTo(s, e, dst, 0);
  }

  /** Writes the field at {@code buffer()[s, e)} unescaped to {@code dst} from index {@code at}; returns its length. */
  private int unescapeTo(int s, int e, byte[] dst, int at) {
    int w = at;
    for (int r = s; r < e; r++) {
      byte c = buf[r];
      if (c == escape && r + 1 < e && (escape == '\\' || buf[r + 1] == quote)) {
        c = buf[++r];
      }
      dst[w++] = c;
    }
    return w - at;
  }

  /** Advances to the next record; false at end of input. */
  public boolean next() throws IOException {
    blocked = false;
    int from = pos;
    long fromLine = line;
    while (true) {
      int r = parse();
      if (r > 0) {
        return true;
      }
      if (r == 0) {
        return false;
      }
      if (hold) {
        pos = from; // as if not called: the empty lines before the record are read again
        line = fromLine;
        blocked = true;
        return false;
      }
      // r < 0: ran out of buffer inside the record; refill and parse it again from its start
      if (!refillKeepingRecord()) {
        // end of input inside a record: parse it once more as final
        eof = true;
      }
    }
  }

  /**
   * Reads a run of plain records, those {@link #next()} would read the same way a record at a time,
   * in one pass over the buffer, and returns how many it read (0 when the next record is not plain
   * or not wholly in the buffer: then call {@link #next()}). Record {@code j} of the run is record
   * {@code first + j} of the caller: its fields are at {@code (first + j) * stride + i} of
   * {@link #starts()} and {@link #ends()} (as {@link #placeFieldsAt} places them), its start, end
   * and field count go to {@code recordStarts}, {@code recordEnds} and {@code fieldCounts}, and
   * {@code escapes} is 1 where a field needs {@link #unescape}. Its line is the line of the record
   * before plus one, its offset {@link #offsetOf} its start. The current record is then the last
   * one read, as if {@link #next()} had read it.
   *
   * <p>Plain: complete in the buffer (the bytes never move: {@link #hold} does not matter), not
   * empty, not a comment, not longer than the record limit, at most {@code stride} fields (fields
   * past {@link #limitFields} only counted), starting before {@code end} (a split's end), ending in
   * a line feed or CR LF that is not in the last bytes of the buffer, and its quoted fields, if any,
   * closed on the same line and followed by a delimiter or the line end (with doubled quotes as the
   * escape; with another escape a quoted field is not plain). Anything else stops the run at the
   * start of its record, so odd records keep the reading (and the wording of rejects) of next().
   *
   * <p>How: 64 bytes at a time, the delimiters and line breaks become one bit each in a long (SWAR
   * matches gathered into bits), walked in order, each ending a field; a field that starts with a
   * quote is searched for its closing quote instead, and the walk resumes after it.
   */
  public int nextPlain(int first, int max, int stride, long end, int[] recordStarts, int[] recordEnds,
      int[] fieldCounts, byte[] escapes) {
    blocked = false;
    final byte[] b = buf;
    final int lim = limit;
    int rs = pos; // start of the record being read
    long endFromBuffer = end - bufferOffset;
    final int endAt = endFromBuffer < lim ? (int) Math.max(0, endFromBuffer) : lim;
    if (max <= 0 || rs >= endAt || lim - rs < BLOCK) {
      return 0;
    }
    if ((first + max) * stride > starts.length) {
      growTo((first + max) * stride);
    }
    final int[] st = starts;
    final int[] en = ends;
    final boolean[] ex = escaped;
    final long delimiters = delimiterWord;
    final byte d = delimiter;
    final byte q = (byte) quote; // 0xFF when there is none: parse() takes that byte for the quote then
    final boolean doubled = doubledQuotes;
    final int cap = Math.min(fieldLimit, stride); // fields recorded per record
    int j = 0;
    int at = first * stride;
    int n = 0;
    boolean esc = false;
    int fs = rs; // start of the field being read
    int bp = rs - BLOCK; // the block whose structure bits are in walk
    long walk = 0;
    run:
    while (fs < lim) {
      int p; // the delimiter or line break that ends the field
      byte c;
      if (n == fieldLimit) {
        // the fields past the limit are not recorded: only quotes and line ends matter (skipRest)
        p = lineEnd(b, fs, lim, rs);
        if (p < 0) {
          break;
        }
        c = b[p];
        if (p - bp < BLOCK) {
          walk &= -2L << (p - bp);
        } else {
          bp = p + 1 - BLOCK;
          walk = 0;
        }
      } else {
        int f = fs;
        int g;
        boolean pairs = false; // a quoted field holding doubled quotes
        if (b[fs] == q) {
          if (!doubled) {
            break;
          }
          int close = closingQuote(b, fs + 1, lim);
          if (close < 0) {
            break;
          }
          p = (close >> 1) + 1;
          c = b[p];
          if (c != d && c != '\n' && c != '\r') {
            break; // text after the closing quote: next() says so
          }
          f = fs + 1;
          g = p - 1;
          pairs = (close & 1) != 0;
          // the walk resumes after p: the bits before it were text inside the quotes
          if (p - bp < BLOCK) {
            walk &= -2L << (p - bp);
          } else {
            bp = p + 1 - BLOCK;
            walk = 0;
          }
        } else {
          while (walk == 0) {
            bp += BLOCK;
            if (bp + BLOCK > lim) {
              break run;
            }
            walk = structure(b, bp, delimiters);
          }
          p = bp + Long.numberOfTrailingZeros(walk);
          walk &= walk - 1;
          g = p;
          c = b[p];
        }
        if (n == cap) {
          break; // more fields than the stride holds
        }
        st[at + n] = f;
        en[at + n] = g;
        if (f != fs) { // quoted
          ex[at + n] = pairs;
          esc |= pairs;
        }
        n++;
        if (c == d) {
          fs = p + 1;
          continue;
        }
      }
      fs = p + 1;
      // the end of the record
      if (c == '\r') {
        if (p + 1 >= lim || b[p + 1] != '\n') {
          break; // a carriage return alone
        }
        fs = p + 2; // the line feed is the next bit: skip it
        if (fs - bp < BLOCK) {
          walk &= walk - 1;
        } else {
          bp = fs - BLOCK;
          walk = 0;
        }
      }
      if (p == rs || p - rs > maxRecordBytes || b[rs] == comment) {
        break; // an empty line, a record next() rejects, a comment line
      }
      int r = first + j;
      recordStarts[r] = rs;
      recordEnds[r] = p;
      fieldCounts[r] = n;
      escapes[r] = (byte) (esc ? 1 : 0);
      j++;
      rs = fs;
      n = 0;
      esc = false;
      at += stride;
      if (j == max || rs >= endAt) {
        break;
      }
    }
    if (j > 0) {
      int last = first + j - 1;
      pos = rs;
      line += j;
      recordLine = line - 1;
      base = last * stride;
      recordStart = recordStarts[last];
      recordEnd = recordEnds[last];
      fieldCount = fieldCounts[last];
      malformed = null;
      anyEscaped = escapes[last] != 0;
    }
    return j;
  }

  private static final int BLOCK = 64;

  /** Bit {@code i} set where {@code b[bp + i]} is the delimiter, a line feed or a carriage return. */
  private static long structure(byte[] b, int bp, long delimiters) {
    long s = 0;
    for (int k = 0; k < BLOCK; k += 8) {
      s |= Swar.gather(Swar.matchesExactly(Swar.word(b, bp + k), delimiters, NEWLINES, RETURNS)) << k;
    }
    return s;
  }

  /**
   * The line feed or carriage return that ends the record starting at {@code rs}, searched from
   * {@code p} (a field start) as {@link #skipRest} does, or -1 to leave the record to next(): it
   * is not wholly in the buffer, or has a quoted field that next() may read otherwise.
   */
  private int lineEnd(byte[] b, int p, int lim, int rs) {
    while (true) {
      p = find(b, p, lim, stopQuoteWord, NEWLINES, RETURNS);
      if (p >= lim) {
        return -1;
      }
      byte c = b[p];
      if (c == '\n' || c == '\r') {
        return p;
      }
      if (p > rs && b[p - 1] != delimiter) {
        p++; // a quote inside a field is text
        continue;
      }
      if (!doubledQuotes) {
        return -1;
      }
      int close = closingQuote(b, p + 1, lim);
      if (close < 0) {
        return -1;
      }
      p = (close >> 1) + 1; // text after the closing quote is skipped too
    }
  }

  /**
   * The closing quote of the quoted field whose text starts at {@code p}, times 2, plus 1 if the
   * text holds doubled quotes; -1 if a line break or the end of the buffer comes first.
   */
  private int closingQuote(byte[] b, int p, int lim) {
    int doubledSeen = 0;
    while (true) {
      p = find(b, p, lim, quoteWord, NEWLINES, NEWLINES);
      if (p + 1 >= lim || b[p] == '\n') {
        return -1;
      }
      if (b[p + 1] != quote) {
        return p << 1 | doubledSeen;
      }
      doubledSeen = 1;
      p += 2;
    }
  }

  /** Byte offset in the stream of {@code buffer()[i]}. */
  public long offsetOf(int i) {
    return bufferOffset + i;
  }

  /** 1 = record ready, 0 = end of input, -1 = need more bytes. */
  private int parse() throws IOException {
    // skip empty lines
    while (true) {
      if (pos >= limit) {
        if (eof) {
          return 0;
        }
        if (hold) {
          return -1;
        }
        if (!fill()) {
          return 0;
        }
      }
      byte c = buf[pos];
      if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        if (pos + 1 >= limit && !eof) {
          if (hold) {
            return -1;
          }
          if (!refillKeepingFrom(pos)) {
            eof = true;
          }
          continue;
        }
        pos++;
        if (pos < limit && buf[pos] == '\n') {
          pos++;
        }
        line++;
      } else if (c == comment) {
        // a comment line: skip to its end (no quote handling)
        int p = pos;
        while (p < limit && buf[p] != '\n') {
          p++;
        }
        if (p >= limit && !eof) {
          if (hold) {
            return -1;
          }
          if (!refillKeepingFrom(pos)) {
            eof = true;
          }
          continue;
        }
        pos = Math.min(p + 1, limit);
        line++;
      } else {
        break;
      }
    }
    recordStart = pos;
    recordLine = line;
    malformed = null;
    anyEscaped = false;
    int p = pos;
    int n = 0;
    long lines = 0;
    if (fieldLimit == 0) {
      return skipRest(p, 0, 0);
    }
    final byte[] b = buf;
    final int lim = limit;
    final int at = base;
    while (true) {
      if (at + n == starts.length) {
        grow();
      }
      if (p < lim && b[p] == quote) {
        // quoted field
        int s = ++p;
        boolean esc = false;
        while (true) {
          // skip to the next quote, escape or line break a word at a time
          while (p + 8 <= lim) {
            long w = Swar.word(b, p);
            long m = Swar.matches(w, quoteWord) | Swar.matches(w, NEWLINES);
            if (escapeDistinct) {
              m |= Swar.matches(w, escapeWord);
            }
            if (m != 0) {
              p += Swar.firstByte(m);
              break;
            }
            p += 8;
          }
          if (p >= lim) {
            if (!eof) {
              return -1;
            }
            malformed = "unterminated quoted field (a quote opened on line " + (recordLine + lines)
                + " is never closed)";
            starts[at + n] = s;
            ends[at + n] = p;
            escaped[at + n] = esc;
            anyEscaped |= esc;
            fieldCount = n + 1;
            return finish(p, p, lines);
          }
          byte c = b[p];
          if (c == escape && escape != quote) {
            p += 2;
            esc = true;
            continue;
          }
          if (c == quote) {
            if (escape == quote) {
              if (p + 1 >= lim && !eof) {
                return -1;
              }
              if (p + 1 < lim && b[p + 1] == quote) {
                p += 2;
                esc = true;
                continue;
              }
            }
            break;
          }
          if (c == '\n') {
            lines++;
          }
          p++;
        }
        starts[at + n] = s;
        ends[at + n] = Math.min(p, lim);
        escaped[at + n] = esc;
        anyEscaped |= esc;
        p++; // closing quote
        if (p >= lim && !eof) {
          return -1; // what follows the quote is not read yet (with a doubled-quote escape, checked above)
        }
        // after the closing quote: delimiter, end of line, or end of input
        if (p < lim && b[p] != delimiter && b[p] != '\n' && b[p] != '\r') {
          if (malformed == null) {
            malformed = "unexpected text after the closing quote of field " + (n + 1);
          }
          while (p < lim && b[p] != delimiter && b[p] != '\n' && b[p] != '\r') {
            p++;
          }
          if (p >= lim && !eof) {
            return -1;
          }
        }
      } else {
        int s = p;
        p = fieldEnd(b, p, lim);
        if (p >= lim && !eof) {
          return -1;
        }
        starts[at + n] = s;
        ends[at + n] = p;
      }
      n++;
      if (p >= lim) {
        fieldCount = n;
        return finish(p, p, lines);
      }
      byte c = b[p];
      if (c == delimiter) {
        p++;
        if (p >= lim) {
          if (!eof) {
            return -1;
          }
          // trailing delimiter at end of input: one more empty field
          if (at + n == starts.length) {
            grow();
          }
          starts[at + n] = p;
          ends[at + n] = p;
          fieldCount = n + 1;
          return finish(p, p, lines);
        }
        if (n == fieldLimit) {
          return skipRest(p, n, lines);
        }
        continue;
      }
      // end of line
      int end = p;
      if (c == '\r') {
        if (p + 1 >= lim && !eof) {
          return -1;
        }
        p++;
        if (p < lim && b[p] == '\n') {
          p++;
        }
      } else {
        p++;
      }
      fieldCount = n;
      return finish(end, p, lines + 1);
    }
  }

  /**
   * The index of the first delimiter or line break in {@code b[p, lim)}, or {@code lim}. The flags
   * of the last word searched are kept ({@link #maskAt}, {@link #mask}): the next field usually
   * ends in the same word, and is then found without reading it again.
   */
  private int fieldEnd(byte[] b, int p, int lim) {
    int wp = maskAt;
    if (wp >= 0 && p >= wp && p < wp + 8) {
      long m = mask & (-1L << ((p - wp) << 3)); // the flags at or after p
      if (m != 0) {
        return wp + Swar.firstByte(m);
      }
      wp += 8;
    } else {
      wp = p;
    }
    final long delimiters = delimiterWord;
    while (wp + 8 <= lim) {
      long m = Swar.matchesExactly(Swar.word(b, wp), delimiters, NEWLINES, RETURNS);
      if (m != 0) {
        maskAt = wp;
        mask = m;
        return wp + Swar.firstByte(m);
      }
      wp += 8;
    }
    maskAt = -1;
    final byte d = delimiter;
    while (wp < lim) {
      byte c = b[wp];
      if (c == d || c == '\n' || c == '\r') {
        return wp;
      }
      wp++;
    }
    return wp;
  }

  /**
   * Finds the end of the current record from {@code p}, the start of field {@code n} (outside
   * quotes), without recording fields: only quotes and line breaks are looked at. A quote opens
   * a quoted field only at a field start, as {@link #parse} reads it.
   */
  private int skipRest(int p, int n, long lines) {
    final byte[] b = buf;
    final int lim = limit;
    fieldCount = n;
    boolean inQuotes = false;
    while (true) {
      int q = inQuotes ? find(b, p, lim, quoteWord, escapeWord, NEWLINES)
          : find(b, p, lim, stopQuoteWord, NEWLINES, RETURNS);
      if (q >= lim) {
        if (!eof) {
          return -1;
        }
        q = lim; // an escape was the last byte
        if (inQuotes) {
          malformed = "unterminated quoted field (a quote opened on line " + (recordLine + lines) + " is never closed)";
        }
        return finish(q, q, lines);
      }
      byte c = b[q];
      if (inQuotes) {
        if (c == '\n') {
          lines++;
          p = q + 1;
        } else if (c == escape && escape != quote) {
          p = q + 2;
        } else if (escape == quote && q + 1 < lim && b[q + 1] == quote) {
          p = q + 2; // a doubled quote
        } else if (escape == quote && q + 1 >= lim && !eof) {
          return -1;
        } else {
          inQuotes = false;
          p = q + 1;
        }
        continue;
      }
      if (c == '\n') {
        return finish(q, q + 1, lines + 1);
      }
      if (c == '\r') {
        if (q + 1 >= lim && !eof) {
          return -1;
        }
        return finish(q, q + 1 < lim && b[q + 1] == '\n' ? q + 2 : q + 1, lines + 1);
      }
      // a quote: it opens a quoted field at a field start, else it is text
      inQuotes = q == recordStart || b[q - 1] == delimiter;
      p = q + 1;
    }
  }

  /** The index of the first byte of {@code b[p, lim)} equal to one of three patterns' bytes, or {@code lim}. */
  private static int find(byte[] b, int p, int lim, long p1, long p2, long p3) {
    while (p + 8 <= lim) {
      long m = Swar.matchesExactly(Swar.word(b, p), p1, p2, p3);
      if (m != 0) {
        return p + Swar.firstByte(m);
      }
      p += 8;
    }
    byte c1 = (byte) p1;
    byte c2 = (byte) p2;
    byte c3 = (byte) p3;
    while (p < lim) {
      byte c = b[p];
      if (c == c1 || c == c2 || c == c3) {
        return p;
      }
      p++;
    }
    return p;
  }

  private int finish(int end, int next, long lines) {
    if (end - recordStart > maxRecordBytes) {
      throw new DsapException(ErrorCode.LINE_TOO_LONG, "the record starting on line " + recordLine
          + " is longer than the limit of " + maxRecordBytes + " bytes. An unterminated quote can"
          + " cause this: check the quote character (option quote), or raise the limit.");
    }
    recordEnd = end;
    pos = next;
    line += lines;
    return 1;
  }

  private void grow() {
    growTo(starts.length * 2);
  }

  private void growTo(int n) {
    starts = Arrays.copyOf(starts, n);
    ends = Arrays.copyOf(ends, n);
    escaped = Arrays.copyOf(escaped, n);
  }

  /** Refills an empty buffer; false at end of input. */
  private boolean fill() throws IOException {
    return refillKeepingFrom(pos);
  }

  private boolean refillKeepingRecord() throws IOException {
    pos = recordStart;
    return refillKeepingFrom(recordStart);
  }

  /** Moves bytes from {@code keep} to the front, grows the buffer if full, and reads more. */
  private boolean refillKeepingFrom(int keep) throws IOException {
    if (eof) {
      return false;
    }
    int kept = limit - keep;
    if (kept > maxRecordBytes) {
      throw new DsapException(ErrorCode.LINE_TOO_LONG, "a record starting on line " + line
          + " is longer than the limit of " + maxRecordBytes + " bytes. An unterminated quote can"
          + " cause this: check the quote character (option quote), or raise the limit.");
    }
    maskAt = -1; // the bytes move
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, kept);
      bufferOffset += keep;
      recordStart -= Math.min(recordStart, keep);
      pos -= keep;
    }
    limit = kept;
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int want = buf.length - limit;
    int r = in.readNBytes(buf, limit, want);
    limit += r;
    if (r < want) {
      eof = true; // readNBytes only returns short at the end of the stream
    }
    return r > 0;
  }
}
