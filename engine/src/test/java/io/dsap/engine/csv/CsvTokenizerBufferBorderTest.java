package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records read the same wherever the read buffer ends: every buffer size from 16 to 64 bytes puts a
 * buffer border on every byte of the records, among them right after a closing quote (which ended
 * the record early when the escape was not the doubled quote), and for the field-skipping read of
 * files known to conform ({@link CsvTokenizer#limitFields}).
 */
class CsvTokenizerBufferBorderTest {
  private static final String RECORD = "7,\"a,b\",\"x\ny\",9\r\n,\"\",z,\"q\"\n";

  @ParameterizedTest(name = "escape {0}")
  @ValueSource(strings = {"\"", "\\", ""})
  void recordsDoNotDependOnWhereTheBufferEnds(String escape) throws IOException {
    CsvDialect dialect = new CsvDialect((byte) ',', '"', escape.isEmpty() ? CsvDialect.NONE : escape.charAt(0), false,
        0, "\n");
    byte[] text = RECORD.repeat(20).getBytes(StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add("1|0|4[7|a,b|x\ny|9]");
      expected.add("3|0|4[||z|q]");
    }
    for (int size = 16; size <= 64; size++) {
      assertEquals(expected, read(text, dialect, size, Integer.MAX_VALUE), "buffer " + size);
      for (int limit = 0; limit <= 4; limit++) {
        List<String> limited = new ArrayList<>();
        for (String e : expected) {
          limited.add(cut(e, limit));
        }
        assertEquals(limited, read(text, dialect, size, limit), "buffer " + size + ", fields " + limit);
      }
    }
  }

  /** Each record as: line (within its pair) | malformed? | field count [fields]. */
  private static List<String> read(byte[] text, CsvDialect dialect, int bufferSize, int fields) throws IOException {
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(text), dialect, bufferSize, 1 << 20);
    t.limitFields(fields);
    List<String> out = new ArrayList<>();
    while (t.next()) {
      StringBuilder s = new StringBuilder().append((t.line() - 1) % 3 + 1).append('|')
          .append(t.malformed() == null ? 0 : 1).append('|').append(Math.min(t.fieldCount(), 4)).append('[');
      for (int i = 0; i < t.fieldCount(); i++) {
        t.unescape(i);
        s.append(i == 0 ? "" : "|").append(new String(t.buffer(), t.start(i), t.end(i) - t.start(i),
            StandardCharsets.UTF_8));
      }
      out.add(s.append(']').toString());
    }
    return out;
  }

  /** The expected record with only its first {@code n} fields. */
  private static String cut(String record, int n) {
    int open = record.indexOf('[');
    String[] f = record.substring(open + 1, record.length() - 1).split("\\|", -1);
    StringBuilder s = new StringBuilder(record.substring(0, record.lastIndexOf('|', open) + 1)).append(Math.min(n, 4))
        .append('[');
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : "|").append(f[i]);
    }
    return s.append(']').toString();
  }
}
