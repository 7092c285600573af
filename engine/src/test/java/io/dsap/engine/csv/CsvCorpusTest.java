package io.dsap.engine.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dialect, header and type detection on the corpus of tricky files, against the ground truth in
 * {@code csv-corpus/expected.json} (see EXPECTED.md there for the rules).
 */
class CsvCorpusTest {
  static Path corpus() throws URISyntaxException {
    return Path.of(CsvCorpusTest.class.getResource("/csv-corpus/expected.json").toURI()).getParent();
  }

  static Stream<String> files() throws IOException, URISyntaxException {
    JsonNode expected = new ObjectMapper().readTree(corpus().resolve("expected.json").toFile());
    List<String> names = new ArrayList<>();
    expected.fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  static JsonNode truth(String file) throws IOException, URISyntaxException {
    return new ObjectMapper().readTree(corpus().resolve("expected.json").toFile()).get(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void detectsDialect(String file) throws Exception {
    JsonNode t = truth(file);
    CsvFileSchema s = CsvSchemaDetector.detect(corpus().resolve(file), CsvOptions.DETECT);
    CsvDialect d = s.dialect();
    assertEquals(t.get("delimiter").asText(), String.valueOf((char) d.delimiter()), "delimiter");
    assertEquals(t.get("escape").asText(), d.escapeText(), "escape");
    assertEquals(t.get("has_header").asBoolean(), d.header(), "header");
    assertEquals(t.get("bom").asBoolean(), s.bom(), "bom");
    if (!t.get("line_ending").isNull()) {
      assertEquals(t.get("line_ending").asText(), d.lineEnding().equals("\r\n") ? "CRLF" : "LF", "line ending");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void detectsColumns(String file) throws Exception {
    JsonNode t = truth(file);
    CsvFileSchema s = CsvSchemaDetector.detect(corpus().resolve(file), CsvOptions.DETECT);
    JsonNode cols = t.get("columns");
    if (cols.isEmpty()) {
      // an empty file still is a table: one text column, no rows
      assertEquals(List.of("column1"), s.columns().stream().map(ColumnSpec::name).toList());
      assertEquals(List.of("empty_file"), s.flags());
      return;
    }
    assertEquals(cols.size(), s.columnCount(), "column count");
    for (int i = 0; i < cols.size(); i++) {
      JsonNode c = cols.get(i);
      ColumnSpec spec = s.columns().get(i);
      String where = file + " column " + c.get("name").asText() + " (" + spec.detection() + ")";
      assertEquals(c.get("name").asText(), spec.name(), where);
      assertEquals(c.get("type").asText(), spec.type().name(), where);
      if (c.has("scale")) {
        assertEquals(c.get("scale").asInt(), spec.scale(), where);
      }
      if (c.has("format") && spec.type().name().equals("DATE")) {
        assertEquals(c.get("format").asText(), spec.format().datePattern(), where);
      }
      if (c.has("ambiguous")) {
        assertEquals(c.get("ambiguous").asBoolean(), spec.detection().contains("AMBIGUOUS"), where);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsEveryRecordOrRejectsIt(String file) throws Exception {
    JsonNode t = truth(file);
    Path path = corpus().resolve(file);
    CsvFileSchema s = CsvSchemaDetector.detect(path, CsvOptions.DETECT);
    int[] all = new int[s.columnCount()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    RejectLog rejects = new RejectLog(100);
    List<Object[]> rows = new ArrayList<>();
    ScanStats stats;
    try (CsvReader r = new CsvReader(path, file, s, all, 3, rejects)) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        for (int row = 0; row < b.rowCount(); row++) {
          Object[] o = new Object[all.length];
          for (int c = 0; c < all.length; c++) {
            o[c] = b.column(c).get(row);
          }
          rows.add(o);
        }
      }
      stats = r.stats();
    }
    assertEquals(t.get("rows").asLong(), stats.recordsRead(), "records read");
    assertEquals(stats.recordsRead(), stats.rowsReturned() + stats.rowsRejected(), "nothing lost");
    assertEquals(t.has("rejects") ? t.get("rejects").asLong() : 0, stats.rowsRejected(), "rejects " + rejects.rejects());
    assertEquals(stats.rowsReturned(), rows.size());
    if (t.has("values")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = t.get("values").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int col = indexOf(s, e.getKey());
        for (int i = 0; i < e.getValue().size(); i++) {
          JsonNode want = e.getValue().get(i);
          Object got = rows.get(i)[col];
          assertEquals(want.isNumber() ? want.asText() : want.asText(), String.valueOf(got),
              file + " " + e.getKey() + " row " + (i + 1));
        }
      }
    }
    if (t.has("record_start_lines")) {
      // line numbers survive multi-line quoted fields
      List<Long> lines = new ArrayList<>();
      try (CsvReader r = new CsvReader(path, file, s, new int[0], 100, rejects)) {
        for (Batch b = r.next(); b != null; b = r.next()) {
          for (int row = 0; row < b.rowCount(); row++) {
            lines.add(b.line(row));
          }
        }
      }
      List<Long> want = new ArrayList<>();
      t.get("record_start_lines").forEach(n -> want.add(n.asLong()));
      assertEquals(want, lines);
    }
    if (t.has("ragged")) {
      List<Long> want = new ArrayList<>();
      t.get("ragged").forEach(n -> want.add(n.get("line").asLong()));
      assertEquals(want, rejects.rejects().stream().map(x -> x.line()).toList(), "rejected lines");
    }
    if (file.equals("nulls.csv")) {
      // an unquoted empty field is NULL, a quoted "" is an empty string
      int name = indexOf(s, "name");
      long nulls = rows.stream().filter(r -> r[name] == null).count();
      long empty = rows.stream().filter(r -> "".equals(r[name])).count();
      assertEquals(1, nulls);
      assertEquals(1, empty);
    }
    assertEquals(Files.exists(path), true);
  }

  private static int indexOf(CsvFileSchema s, String name) {
    for (int i = 0; i < s.columnCount(); i++) {
      if (s.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name);
  }
}
