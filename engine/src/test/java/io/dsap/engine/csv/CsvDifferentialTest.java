package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tokenizer agrees with Apache Commons CSV on generated files with random quoting, embedded
 * delimiters, quotes, CR, LF and CRLF, multi-byte text, and read buffers so small that every
 * construct straddles a buffer boundary somewhere.
 */
class CsvDifferentialTest {
  private static final String ALPHABET = "abc xyz,;|\"\r\n\t 0123456789.-é漢🙂";

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void agreesWithCommonsCsv(long seed) throws IOException {
    check(seed, 12);
  }

  /** Values longer than a word (8 bytes), so the word-at-a-time search meets every byte position. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110})
  void longValuesAgreeWithCommonsCsv(long seed) throws IOException {
    check(seed, 40);
  }

  private void check(long seed, int maxLength) throws IOException {
    Random rnd = new Random(seed);
    char delimiter = ",;|\t".charAt(rnd.nextInt(4));
    String eol = rnd.nextBoolean() ? "\r\n" : "\n";
    int columns = 2 + rnd.nextInt(5);
    StringBuilder text = new StringBuilder();
    List<List<String>> written = new ArrayList<>();
    int records = 50 + rnd.nextInt(200);
    for (int r = 0; r < records; r++) {
      List<String> rec = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        String v = randomValue(rnd, maxLength);
        rec.add(v);
        boolean must = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0 || v.isEmpty();
        if (c > 0) {
          text.append(delimiter);
        }
        if (must || rnd.nextInt(4) == 0) {
          text.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          text.append(v);
        }
      }
      written.add(rec);
      if (r < records - 1 || rnd.nextBoolean()) {
        text.append(eol);
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    List<List<String>> commons = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    try (CSVParser p = CSVParser.parse(new StringReader(text.toString()), format)) {
      for (CSVRecord rec : p) {
        commons.add(rec.toList());
      }
    }
    assertEquals(written, commons, "the generator writes valid CSV");

    CsvDialect dialect = new CsvDialect((byte) delimiter, '"', '"', false, 0, eol);
    for (int buffer : new int[] {16, 17, 31, 64, 1000, 1 << 16}) {
      assertEquals(commons, tokenize(bytes, dialect, buffer), "buffer " + buffer);
    }
  }

  private static String randomValue(Random rnd, int maxLength) {
    int len = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(maxLength);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < len; i++) {
      int cp = ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, rnd.nextInt(ALPHABET.codePointCount(0,
          ALPHABET.length()))));
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  static List<List<String>> tokenize(byte[] bytes, CsvDialect d, int buffer) throws IOException {
    List<List<String>> out = new ArrayList<>();
    CsvTokenizer t = new CsvTokenizer(new ByteArrayInputStream(bytes), d, buffer, 1 << 20);
    while (t.next()) {
      List<String> rec = new ArrayList<>();
      for (int i = 0; i < t.fieldCount(); i++) {
        t.unescape(i);
        rec.add(new String(t.buffer(), t.start(i), t.end(i) - t.start(i), StandardCharsets.UTF_8));
      }
      out.add(rec);
    }
    return out;
  }
}
