package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvTokenizer#nextPlain} reads records exactly as {@link CsvTokenizer#next()} does: on
 * generated files mixing plain records with every odd case (quotes in and out of place, doubled
 * quotes, quoted line breaks and carriage returns, CR LF and lone CR line ends, empty and comment
 * lines, long fields, too many fields, bytes 0xFF, no final line feed), read the way
 * {@code CsvReader} reads them (runs of plain records, next() for the rest, segments of held
 * bytes), every record has the same line, offsets, field count, fields (text, quoted, escaped),
 * malformed message and position as when read a record at a time, across buffer sizes, field
 * limits, segment sizes and split ends.
 */
class CsvTokenizerPlainRunTest {
  private static final CsvDialect RFC = new CsvDialect((byte) ',', '"', '"', false, 0, "\n");
  private static final CsvDialect COMMENTS = RFC.withComment('#');
  private static final CsvDialect BACKSLASH = new CsvDialect((byte) '\t', '"', '\\', false, 0, "\n");
  private static final CsvDialect NO_QUOTE = new CsvDialect((byte) ';', CsvDialect.NONE, CsvDialect.NONE, false, 0,
      "\n");

  @Test
  void plainRunsReadEveryRecordAsNextDoes() throws IOException {
    Random rnd = new Random(38);
    long plain = 0;
    long total = 0;
    for (int file = 0; file < 120; file++) {
      CsvDialect d = switch (file % 4) {
        case 0 -> RFC;
        case 1 -> COMMENTS;
        case 2 -> BACKSLASH;
        default -> NO_QUOTE;
      };
      double odd = file % 3 == 0 ? 0.02 : file % 3 == 1 ? 0.2 : 0.6;
      int fields = 1 + rnd.nextInt(12);
      byte[] text = generate(rnd, d, fields, 200 + rnd.nextInt(600), odd);
      for (int buffer : new int[] {16, 100, 4096, 1 << 20}) {
        int stride = fields + 1;
        int[][] limits = {{stride, Integer.MAX_VALUE}, {stride, fields}, {1, 0}, {3, 2}};
        int[] limit = limits[rnd.nextInt(limits.length)];
        int segment = new int[] {1, 7, 1000}[rnd.nextInt(3)];
        long end = rnd.nextInt(3) == 0 ? rnd.nextInt(text.length + 1) : Long.MAX_VALUE;
        int maxRecord = rnd.nextInt(4) == 0 ? 300 : 1 << 20;
        String where = "file " + file + ", buffer " + buffer + ", stride " + limit[0] + ", limit " + limit[1]
            + ", segment " + segment + ", end " + end + ", max record " + maxRecord;
        List<String> expected = recordAtATime(text, d, buffer, limit[1], end, maxRecord);
        long[] count = new long[1];
        List<String> got = inRuns(text, d, buffer, limit[0], limit[1], segment, end, maxRecord, count);
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
          String e = expected.get(i);
          if (got.get(i).contains("|-1[")) { // inside a run: that record's own position is not known
            e = e.replaceFirst("\\|-?\\d+\\[", "|-1[");
          }
          assertEquals(e, got.get(i), where + ", record " + i);
        }
        assertEquals(expected.size(), got.size(), where);
        plain += count[0];
        total += got.size();
      }
    }
    assertTrue(plain > total / 3, "runs read " + plain + " of " + total + " records");
  }

  /** A file of {@code records} records of about {@code fields} fields; {@code odd}: the share of odd ones. */
  private static byte[] generate(Random rnd, CsvDialect d, int fields, int records, double odd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    char delim = (char) d.delimiter();
    for (int r = 0; r < records; r++) {
      boolean oddRecord = rnd.nextDouble() < odd;
      if (oddRecord && rnd.nextInt(6) == 0) {
        write(out, rnd.nextBoolean() ? "\n" : rnd.nextBoolean() ? "\r\n" : "# a comment, \"quoted\n");
      }
      int n = oddRecord && rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(2 * fields + 2) : fields;
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          s.append(delim);
        }
        s.append(field(rnd, oddRecord && rnd.nextInt(3) == 0, delim));
      }
      if (oddRecord && rnd.nextInt(8) == 0) {
        s.append(delim); // a trailing delimiter
      }
      write(out, s.toString());
      if (oddRecord && rnd.nextInt(20) == 0) {
        out.write(0xff);
      }
      if (r < records - 1 || rnd.nextBoolean()) {
        int e = rnd.nextInt(oddRecord ? 6 : 40);
        write(out, e == 0 ? "\r\n" : e == 1 ? "\r" : e == 2 ? "\n\n" : "\n");
      }
    }
    return out.toByteArray();
  }

  private static String field(Random rnd, boolean odd, char delim) {
    if (odd) {
      return switch (rnd.nextInt(9)) {
        case 0 -> "\"line\nbreak\"";
        case 1 -> "\"carriage\rreturn\"";
        case 2 -> "in\"side";
        case 3 -> "\"closed\"after";
        case 4 -> "\"never closed";
        case 5 -> "trail\"";
        case 6 -> "back\\slash\\\"";
        case 7 -> "\"\"\"\"";
        default -> "\"a\"\"b\"\"\"\"c\"";
      };
    }
    return switch (rnd.nextInt(10)) {
      case 0 -> "";
      case 1 -> "\"quoted " + delim + " text\"";
      case 2 -> "\"say \"\"hi\"\"\"";
      case 3 -> "\"\"";
      case 4 -> "x".repeat(60 + rnd.nextInt(90)); // fields over a block
      case 5 -> "caf\u00e9 \u00fc";
      default -> Integer.toString(rnd.nextInt(1 << rnd.nextInt(30)));
    };
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Every record through next(), each described as {@link #describe} does. */
  private static List<String> recordAtATime(byte[] text, CsvDialect d, int buffer, int limit, long end, int maxRecord)
      throws IOException {
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(text), d, buffer, maxRecord);
    t.limitFields(limit);
    List<String> out = new ArrayList<>();
    try {
      while (t.position() < end && t.next()) {
        out.add(describe(t, 0, t.recordStart(), t.fieldCount(), t.line(), t.byteOffset(), t.offsetOf(t.recordEnd()),
            t.malformed(), t.anyEscaped(), t.position()));
      }
    } catch (DsapException e) {
      out.add(e.getMessage());
    }
    return out;
  }

  /**
   * Every record as CsvReader reads them: segments of at most {@code segment} records whose bytes
   * stay put, runs of nextPlain, next() with hold on for the rest. {@code plain} counts the records
   * the runs read. A record's position is only known for the last of a run: the ones before it
   * report -1, and are compared without it.
   */
  private static List<String> inRuns(byte[] text, CsvDialect d, int buffer, int stride, int limit, int segment,
      long end, int maxRecord, long[] plain) throws IOException {
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(text), d, buffer, maxRecord);
    t.limitFields(limit);
    t.reserveFields(segment * stride + 16);
    int[] recordStarts = new int[segment];
    int[] recordEnds = new int[segment];
    int[] fieldCounts = new int[segment];
    byte[] escapes = new byte[segment];
    List<String> out = new ArrayList<>();
    try {
      boolean done = false;
      while (!done) {
        t.hold(false);
        int j = 0;
        while (j < segment) {
          if (t.position() >= end) {
            done = true;
            break;
          }
          long line = t.nextLine();
          int n = t.nextPlain(j, segment - j, stride, end, recordStarts, recordEnds, fieldCounts, escapes);
          if (n > 0) {
            for (int k = j; k < j + n; k++) {
              boolean last = k == j + n - 1;
              out.add(describe(t, k * stride, recordStarts[k], fieldCounts[k], line++, t.offsetOf(recordStarts[k]),
                  t.offsetOf(recordEnds[k]), null, escapes[k] != 0, last ? t.position() : -1));
            }
            assertEquals(t.nextLine(), line, "lines after a run");
            plain[0] += n;
            j += n;
            t.hold(true);
            continue;
          }
          t.placeFieldsAt(j * stride);
          if (!t.next()) {
            done = !t.blocked();
            break;
          }
          t.hold(true);
          out.add(describe(t, j * stride, t.recordStart(), t.fieldCount(), t.line(), t.byteOffset(),
              t.offsetOf(t.recordEnd()), t.malformed(), t.anyEscaped(), t.position()));
          j++;
        }
      }
    } catch (DsapException e) {
      out.add(e.getMessage());
    }
    return out;
  }

  /** line | offset | end offset | field count | malformed | escaped | position [fields: text, quoted, escapes]. */
  private static String describe(CsvTokenizer t, int at, int recordStart, int fieldCount, long line, long offset,
      long endOffset, String malformed, boolean anyEscaped, long position) {
    StringBuilder s = new StringBuilder().append(line).append('|').append(offset).append('|').append(endOffset)
        .append('|').append(fieldCount).append('|').append(malformed).append('|').append(anyEscaped).append('|')
        .append(position).append('[');
    byte[] scratch = new byte[t.buffer().length];
    for (int i = 0; i < fieldCount; i++) {
      int st = t.starts()[at + i];
      int en = t.ends()[at + i];
      boolean escapes = t.escapedAt(at + i, recordStart);
      int len = escapes ? t.unescapeTo(st, en, scratch) : en - st;
      byte[] from = escapes ? scratch : t.buffer();
      s.append(i == 0 ? "" : "|").append(t.quotedAt(st, recordStart) ? "Q" : "").append(escapes ? "E" : "")
          .append(':').append(new String(from, escapes ? 0 : st, len, StandardCharsets.ISO_8859_1));
    }
    return s.append(']').toString();
  }
}
