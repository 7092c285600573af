package io.dsap.engine.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the delimiter, quote and escape of a CSV sample: every candidate dialect tokenizes the
 * first records, and the one that gives the most consistent field count (with more than one field
 * preferred, and no malformed quoting) wins. Values the user set are never changed.
 */
public final class DialectSniffer {
  static final byte[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int[] QUOTES = {'"'};
  private static final int MAX_RECORDS = 500;

  /** How well one candidate dialect fits the sample. */
  record Score(CsvDialect dialect, int fields, int consistent, int records, int malformed) {
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
    List<Byte> delimiters = new ArrayList<>();
    if (options.delimiter() != null) {
      delimiters.add(CsvOptions.parseDelimiter(options.delimiter()));
    } else {
      for (byte d : DELIMITERS) {
        delimiters.add(d);
      }
    }
    List<int[]> quoteEscapes = new ArrayList<>();
    if (options.quote() != null) {
      int q = options.quote().isEmpty() ? CsvDialect.NONE : options.quote().charAt(0);
      int e = options.escape() != null ? escapeOf(options.escape(), q) : q;
      quoteEscapes.add(new int[] {q, e});
      if (options.escape() == null && q != CsvDialect.NONE) {
        quoteEscapes.add(new int[] {q, '\\'});
      }
    } else {
      for (int q : QUOTES) {
        if (options.escape() != null) {
          quoteEscapes.add(new int[] {q, escapeOf(options.escape(), q)});
        } else {
          quoteEscapes.add(new int[] {q, q});
          quoteEscapes.add(new int[] {q, '\\'});
        }
      }
    }
    String lineEnding = lineEnding(sample, length);
    Score best = null;
    for (byte d : delimiters) {
      for (int[] qe : quoteEscapes) {
        if (qe[0] == d) {
          continue;
        }
        CsvDialect dialect = new CsvDialect(d, qe[0], qe[1], true, skip, lineEnding);
        Score s = score(sample, length, complete, dialect);
        if (best == null || better(s, best)) {
          best = s;
        }
      }
    }
    return best.dialect();
  }

  private static int escapeOf(String escape, int quote) {
    return escape.isEmpty() ? CsvDialect.NONE : escape.charAt(0);
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
        perRecord.add(t.fieldCount());
        counts.merge(t.fieldCount(), 1, Integer::sum);
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
    return new Score(dialect, modal, modalCount, perRecord.size(), malformed);
  }

  /** The modal number of fields per record under {@code dialect}. */
  public static int fieldCount(byte[] sample, int length, boolean complete, CsvDialect dialect) {
    return score(sample, length, complete, dialect).fields();
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
