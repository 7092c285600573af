package io.dsap.engine.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds how a CSV sample is written: every candidate dialect (delimiter, quote, escape)
 * tokenizes the first records, and the one that gives the most consistent field count wins
 * (more than one field preferred, malformed quoting penalised). Then: comment lines, junk lines
 * before the header (skip), and a delimiter at the end of every line. Values the user set are
 * never changed.
 */
public final class DialectSniffer {
  static final byte[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int[] QUOTES = {'"', '\'', CsvDialect.NONE};
  /** Bytes that occur inside values too often to be separators (dates, decimals, emails, signs). */
  private static final String NEVER_DELIMITERS = ".-/:@+'\"\\#_ ";
  private static final int MAX_RECORDS = 500;
  private static final int MAX_JUNK_LINES = 20;

  /** How well one candidate dialect fits the sample. */
  record Score(CsvDialect dialect, int fields, int consistent, int records, int malformed,
      boolean lastFieldEmpty, int junkLines) {
    double ratio() {
      return records == 0 ? 0 : (double) consistent / records;
    }
  }

  private DialectSniffer() {}

  /**
   * Sniffs the dialect of {@code sample} (the start of the file, after the BOM). {@code complete}
   * says whether the sample is the whole file (otherwise its last record may be cut short).
   */
  public static CsvDialect sniff(byte[] sample, int length, boolean complete, CsvOptions options) {
    int skip = options.skip() == null ? 0 : options.skip();
    int comment = options.comment() != null ? (options.comment().isEmpty() ? CsvDialect.NONE
        : options.comment().charAt(0)) : detectComment(sample, length);
    List<Byte> delimiters = new ArrayList<>();
    if (options.delimiter() != null) {
      delimiters.add(CsvOptions.parseDelimiter(options.delimiter()));
    } else {
      for (byte d : DELIMITERS) {
        delimiters.add(d);
      }
      for (byte d : otherDelimiters(sample, length, comment)) {
        delimiters.add(d);
      }
    }
    List<int[]> quoteEscapes = new ArrayList<>();
    int[] quotes = options.quote() == null ? QUOTES
        : new int[] {options.quote().isEmpty() ? CsvDialect.NONE : options.quote().charAt(0)};
    for (int q : quotes) {
      if (options.escape() != null) {
        quoteEscapes.add(new int[] {q, options.escape().isEmpty() ? CsvDialect.NONE : options.escape().charAt(0)});
      } else if (q == CsvDialect.NONE) {
        quoteEscapes.add(new int[] {q, CsvDialect.NONE});
      } else {
        quoteEscapes.add(new int[] {q, q});
        quoteEscapes.add(new int[] {q, '\\'});
      }
    }
    String lineEnding = lineEnding(sample, length);
    Score best = null;
    for (byte d : delimiters) {
      for (int[] qe : quoteEscapes) {
        if (qe[0] == d || d == comment) {
          continue;
        }
        CsvDialect dialect = new CsvDialect(d, qe[0], qe[1], true, skip, lineEnding, comment, false);
        Score s = score(sample, length, complete, dialect);
        if (best == null || better(s, best)) {
          best = s;
        }
      }
    }
    CsvDialect d = best.dialect();
    if (options.skip() == null && best.junkLines() > 0) {
      Score skipped = score(sample, length, complete, d.withSkip(best.junkLines()));
      if (skipped.ratio() > best.ratio()) {
        best = skipped;
        d = skipped.dialect();
      }
    }
    if (best.fields() > 1 && best.lastFieldEmpty()) {
      d = d.withTrailingDelimiter(true);
    }
    return d;
  }

  /** '#' when the first non-blank line starts with it (a comment block before the data). */
  private static int detectComment(byte[] b, int length) {
    int i = 0;
    while (i < length && (b[i] == '\n' || b[i] == '\r' || b[i] == ' ')) {
      i++;
    }
    return i < length && b[i] == '#' ? '#' : CsvDialect.NONE;
  }

  /** Other single bytes that could separate fields: punctuation and control characters in the first lines. */
  private static Set<Byte> otherDelimiters(byte[] b, int length, int comment) {
    Set<Byte> found = new LinkedHashSet<>();
    int lines = 0;
    for (int i = 0; i < length && lines < 20; i++) {
      byte c = b[i];
      if (c == '\n') {
        lines++;
        continue;
      }
      boolean punct = c > 32 && c < 127 && !Character.isLetterOrDigit(c) && NEVER_DELIMITERS.indexOf(c) < 0;
      boolean control = c >= 0 && c < 32 && c != '\t' && c != '\r';
      if ((punct || control) && c != comment && c != ',' && c != ';' && c != '|') {
        found.add(c);
      }
    }
    return found;
  }

  static boolean better(Score a, Score b) {
    if (a.malformed() != b.malformed()) {
      return a.malformed() < b.malformed();
    }
    boolean am = a.fields() > 1;
    boolean bm = b.fields() > 1;
    if (am != bm) {
      return am;
    }
    if (Math.abs(a.ratio() - b.ratio()) > 0.1) {
      return a.ratio() > b.ratio();
    }
    if (a.fields() != b.fields()) {
      return a.fields() > b.fields();
    }
    return a.ratio() > b.ratio();
  }

  static Score score(byte[] sample, int length, boolean complete, CsvDialect dialect) {
    CsvTokenizer t = CsvTokenizer.of(sample, length, dialect);
    Map<Integer, Integer> counts = new HashMap<>();
    List<Integer> perRecord = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Boolean> lastEmpty = new ArrayList<>();
    int malformed = 0;
    try {
      t.skipLines(dialect.skip());
      while (perRecord.size() < MAX_RECORDS && t.next()) {
        boolean cut = !complete && t.recordEnd() >= length;
        if (cut) {
          break; // the sample ended inside this record
        }
        if (t.malformed() != null) {
          malformed++;
        }
        int n = t.fieldCount();
        perRecord.add(n);
        lines.add(t.line());
        lastEmpty.add(t.start(n - 1) == t.end(n - 1) && !t.quoted(n - 1));
        counts.merge(n, 1, Integer::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int modal = 1;
    int modalCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > modalCount || (e.getValue() == modalCount && e.getKey() > modal)) {
        modal = e.getKey();
        modalCount = e.getValue();
      }
    }
    boolean allLastEmpty = modalCount > 1;
    int firstModal = -1;
    for (int i = 0; i < perRecord.size(); i++) {
      if (perRecord.get(i) == modal) {
        allLastEmpty &= lastEmpty.get(i);
        if (firstModal < 0) {
          firstModal = i;
        }
      }
    }
    // junk before the first record of the modal shape: skip it (when the rest is consistent)
    int junk = 0;
    if (firstModal > 0 && lines.get(firstModal) - 1 <= MAX_JUNK_LINES + dialect.skip()) {
      junk = (int) (lines.get(firstModal) - 1);
    }
    return new Score(dialect, modal, modalCount, perRecord.size(), malformed, allLastEmpty, junk);
  }

  /** The number of columns the sample has under {@code dialect} (a trailing delimiter is no column). */
  public static int fieldCount(byte[] sample, int length, boolean complete, CsvDialect dialect) {
    int n = score(sample, length, complete, dialect).fields();
    return dialect.trailingDelimiter() ? n - 1 : n;
  }

  static String lineEnding(byte[] b, int length) {
    for (int i = 0; i < length; i++) {
      if (b[i] == '\n') {
        return i > 0 && b[i - 1] == '\r' ? "\r\n" : "\n";
      }
    }
    return "\n";
  }
}
