package io.dsap.engine.format.json;

import static io.dsap.engine.format.json.JsonFiles.column;
import static io.dsap.engine.format.json.JsonFiles.open;
import static io.dsap.engine.format.json.JsonFiles.read;
import static io.dsap.engine.format.json.JsonFiles.types;
import static io.dsap.engine.format.json.JsonFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON files as tables: layouts, nesting, types, and rejects that lose nothing. */
class JsonFormatTest {
  @TempDir
  Path dir;

  @Test
  void arrayOfNestedObjectsBecomesDottedTypedColumns() {
    Path f = write(dir, "customers.json", """
        [
          {"id": 1, "name": "Ann", "joined": "2024-01-05", "zip": "02134", "vip": true,
           "address": {"city": "Boston", "geo": {"lat": 42.36, "lon": -71.06}}, "tags": ["a", "b"]},
          {"id": 2, "name": "Bob", "joined": "2024-02-11", "zip": "10001", "vip": false,
           "address": {"city": "New York", "geo": {"lat": 40.71, "lon": -74.01}}, "tags": []},
          {"id": 3, "name": "Cy", "joined": "2024-03-30", "zip": "60601", "vip": false,
           "address": {"city": "Chicago", "geo": {"lat": 41.88, "lon": -87.63}}}
        ]
        """);
    TableSource t = open(f);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "INTEGER");
    expected.put("name", "VARCHAR");
    expected.put("joined", "DATE");
    expected.put("zip", "VARCHAR");
    expected.put("vip", "BOOLEAN");
    expected.put("address.city", "VARCHAR");
    expected.put("address.geo.lat", "DECIMAL(18,2)");
    expected.put("address.geo.lon", "DECIMAL(18,2)");
    expected.put("tags", "VARCHAR");
    assertEquals(expected, types(t));
    assertEquals("array", t.describe().get("json_layout"));
    assertTrue(t.flags().contains("leading_zeros"), t.flags().toString());

    JsonFiles.Result r = read(t);
    assertEquals(3, r.rows().size());
    Map<String, Object> ann = r.rows().get(0);
    assertEquals(1, ((Number) ann.get("id")).intValue());
    assertEquals("02134", ann.get("zip"));
    assertEquals(LocalDate.of(2024, 1, 5).toEpochDay(), ((Number) toDays(ann.get("joined"))).longValue());
    assertEquals("Boston", ann.get("address.city"));
    assertEquals(new BigDecimal("-71.06"), ann.get("address.geo.lon"));
    assertEquals("[\"a\",\"b\"]", ann.get("tags"), "arrays are compact JSON text");
    assertNull(r.rows().get(2).get("tags"), "a missing field is NULL");
    assertEquals(List.of(2L, 4L, 6L), r.lines(), "each row knows the line its record starts on");
  }

  private static Object toDays(Object date) {
    if (date instanceof java.sql.Date d) {
      return d.toLocalDate().toEpochDay();
    }
    return date;
  }

  @Test
  void maxDepthKeepsDeeperObjectsAsJsonText() {
    Path f = write(dir, "deep.ndjson", """
        {"a": {"b": {"c": {"d": 1}}}, "n": 1}
        {"a": {"b": {"c": {"d": 2}}}, "n": 2}
        """);
    assertEquals(List.of("a.b.c", "n"), List.copyOf(types(open(f)).keySet()), "default max_depth 3");
    assertEquals("{\"d\":1}", read(open(f)).rows().get(0).get("a.b.c"));
    TableSource flat = open(f, Map.of("max_depth", 1));
    assertEquals(List.of("a", "n"), List.copyOf(types(flat).keySet()));
    assertEquals("{\"b\":{\"c\":{\"d\":2}}}", read(flat).rows().get(1).get("a"));
    assertTrue(column(flat, "a").detection().contains("max_depth"), column(flat, "a").detection());
  }

  @Test
  void mixedTypesInAFieldBecomeTextWithTheReason() {
    Path f = write(dir, "mixed.ndjson", """
        {"id": 1, "score": 10, "code": "A1"}
        {"id": 2, "score": "n/a", "code": "B2"}
        {"id": 3, "score": 12.5, "code": "C3"}
        """);
    TableSource t = open(f);
    assertEquals(ColumnType.VARCHAR, column(t, "score").type());
    String why = column(t, "score").detection();
    assertTrue(why.contains("mixed JSON types") && why.contains("2 numbers") && why.contains("1 string (e.g. 'n/a')"),
        why);
    JsonFiles.Result r = read(t);
    assertEquals(List.of("10", "n/a", "12.5"), r.rows().stream().map(m -> m.get("score")).toList(),
        "numbers keep the text they have in the file");
  }

  @Test
  void quotedNumbersStayTextButDatesAreRecognised() {
    Path f = write(dir, "q.json", """
        [{"n": "123", "ts": "2024-05-01T10:15:00Z", "flag": "true"},
         {"n": "456", "ts": "2024-05-02T11:00:00Z", "flag": "false"}]
        """);
    TableSource t = open(f);
    assertEquals(Map.of("n", "VARCHAR", "ts", "TIMESTAMP", "flag", "VARCHAR"), Map.copyOf(types(t)));
    assertTrue(column(t, "n").detection().contains("types => 'n:INTEGER' converts them"), column(t, "n").detection());
    TableSource typed = open(f, Map.of("types", "n:INTEGER"));
    assertEquals(List.of(123, 456), read(typed).rows().stream().map(m -> ((Number) m.get("n")).intValue()).toList());
  }

  @Test
  void ndjsonBrokenLineIsRejectedAndReadingGoesOn() {
    String text = """
        {"id": 1, "amount": 10}
        {"id": 2, "amount": 20}
        {"id": 3, "amount": }
        {"id": 4, "amount": 40}

        {"id": 5, "amount": "lots"}
        {"id": 6, "amount": 60}
        """;
    Path f = write(dir, "events.ndjson", text);
    assertEquals(ColumnType.VARCHAR, column(open(f), "amount").type(), "a number field with a string is mixed");
    TableSource t = open(f, Map.of("types", "amount:INTEGER"));
    assertEquals("ndjson", t.describe().get("json_layout"));
    RejectLog rejects = new RejectLog(10);
    JsonFiles.Result r = read(t, rejects);
    assertEquals(6, r.stats().recordsRead(), "a blank line is not a record");
    assertEquals(4, r.stats().rowsReturned());
    assertEquals(2, r.stats().rowsRejected());
    assertEquals(r.stats().recordsRead(), r.stats().rowsReturned() + r.stats().rowsRejected());
    assertEquals(List.of(1L, 2L, 4L, 7L), r.lines());
    assertEquals(List.of(10, 20, 40, 60), r.rows().stream().map(m -> ((Number) m.get("amount")).intValue()).toList());

    Reject broken = rejects.rejects().get(0);
    assertEquals(3, broken.line());
    assertEquals(text.indexOf("{\"id\": 3"), broken.byteOffset());
    assertEquals("{\"id\": 3, \"amount\": }", broken.rawRecord());
    assertTrue(broken.reason().startsWith("events.ndjson:3: not valid JSON: Unexpected character ('}'"),
        broken.reason());
    Reject lots = rejects.rejects().get(1);
    assertEquals(6, lots.line());
    assertEquals("amount", lots.column());
    assertEquals("lots", lots.value());
    assertTrue(lots.reason().contains("value 'lots' in column amount (INTEGER) is not a whole number")
        && lots.reason().contains("types => 'amount:VARCHAR'"), lots.reason());
  }

  @Test
  void recordsInsideATopLevelObjectAreFound() {
    Path f = write(dir, "api.json", """
        {"meta": {"page": 1, "tags": [{"x": 1}]},
         "count": 2,
         "data": [
           {"id": 1, "name": "a"},
           {"id": 2, "name": "b"}
         ],
         "next": null}
        """);
    TableSource t = open(f);
    assertEquals("records", t.describe().get("json_layout"));
    assertEquals("data", t.describe().get("records_path"), "the shallowest array of objects wins");
    assertEquals(List.of("id", "name"), List.copyOf(types(t).keySet()));
    JsonFiles.Result r = read(t);
    assertEquals(2, r.rows().size());
    assertEquals(List.of(4L, 5L), r.lines());
    assertTrue(t.readStatement("api.json").contains("layout => 'records', records_path => 'data'"),
        t.readStatement("api.json"));

    TableSource nested = open(f, Map.of("records_path", "meta.tags"));
    assertEquals(List.of("x"), List.copyOf(types(nested).keySet()));
    DsapException e = assertThrows(DsapException.class, () -> open(f, Map.of("records_path", "items")));
    assertTrue(e.getMessage().contains("records_path => 'items' does not lead to an array")
        && e.getMessage().contains("[meta, count, data, next]"), e.getMessage());
  }

  @Test
  void brokenArrayElementsAreRejectedAndAnUnclosedArrayFailsWithThePlace() {
    Path f = write(dir, "broken.json", """
        [
          {"id": 1, "name": "a"},
          {"id": 2, "name": "b" "x": 1},
          {"id": 3, "name": "c},
          {"id": 4, "name": "d"}
        ]
        """);
    RejectLog rejects = new RejectLog(10);
    JsonFiles.Result r = read(open(f), rejects);
    assertEquals(List.of(1, 4), r.rows().stream().map(m -> ((Number) m.get("id")).intValue()).toList());
    assertEquals(4, r.stats().recordsRead());
    assertEquals(List.of(3L, 4L), rejects.rejects().stream().map(Reject::line).toList(),
        "an unclosed string spoils its own line only");

    Path cut = write(dir, "cut.json", "[\n  {\"id\": 1},\n  {\"id\": 2, \"name\": {\"first\": \"x\"\n");
    DsapException e = assertThrows(DsapException.class, () -> read(open(cut, Map.of("layout", "array",
        "types", "id:INTEGER"))));
    assertEquals(ErrorCode.MALFORMED_DATA, e.code());
    assertTrue(e.getMessage().contains("cut.json: JSON structure is broken: the file ends inside the record that"
        + " starts on line 3"), e.getMessage());
  }

  @Test
  void textAfterTheTopLevelArrayFails() {
    Path f = write(dir, "two.json", "[{\"a\": 1}]\n[{\"a\": 2}]\n");
    DsapException e = assertThrows(DsapException.class, () -> read(open(f)));
    assertTrue(e.getMessage().contains("text follows the closing ']' of the top-level array"), e.getMessage());
  }

  @Test
  void prettyPrintedObjectsAreOneRecordEach() {
    Path f = write(dir, "objs.json", """
        {
          "id": 1,
          "name": "a"
        }
        {
          "id": 2,
          "name": "b"
        }
        """);
    TableSource t = open(f);
    assertEquals("objects", t.describe().get("json_layout"));
    JsonFiles.Result r = read(t);
    assertEquals(List.of(1L, 5L), r.lines());
    assertEquals("b", r.rows().get(1).get("name"));
  }

  @Test
  void aFieldSeenOnlyAfterTheSampleIsSkippedAndNoted() {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      s.append("{\"id\": ").append(i).append(i == 50 ? ", \"late\": \"x\"" : "").append("}\n");
    }
    Path f = write(dir, "late.ndjson", s.toString());
    TableSource t = open(f, Map.of("sample_size", 10));
    assertEquals(List.of("id"), List.copyOf(types(t).keySet()));
    JsonFiles.Result r = read(t);
    assertEquals(50, r.stats().rowsReturned(), "an extra field does not cost the row");
    assertTrue(t.flags().contains("skipped_fields"), t.flags().toString());
    assertTrue(t.describe().get("skipped_fields").toString().startsWith("[late] appear only after"),
        t.describe().toString());
    assertEquals(List.of("id", "late"), List.copyOf(types(open(f, Map.of("sample_size", -1))).keySet()));
  }

  @Test
  void duplicateFieldsAndNonObjectRecordsAreRejected() {
    Path f = write(dir, "dup.ndjson", "{\"a\": 1}\n{\"a\": 2, \"a\": 3}\n[1, 2]\n{\"a\": 4}\n");
    RejectLog rejects = new RejectLog(10);
    JsonFiles.Result r = read(open(f), rejects);
    assertEquals(2, r.rows().size());
    assertTrue(rejects.rejects().get(0).reason().contains("Duplicate field 'a'"), rejects.rejects().get(0).reason());
    assertTrue(rejects.rejects().get(1).reason().contains("the record is a JSON array, expected an object"),
        rejects.rejects().get(1).reason());
  }

  @Test
  void objectFieldGivenAsScalarIsRejectedWithTheFix() {
    Path f = write(dir, "addr.ndjson", """
        {"id": 1, "address": {"city": "Oslo"}}
        {"id": 2, "address": null}
        {"id": 3, "address": "unknown"}
        """);
    RejectLog rejects = new RejectLog(10);
    JsonFiles.Result r = read(open(f, Map.of("sample_size", 2)), rejects);
    assertEquals(2, r.rows().size());
    assertNull(r.rows().get(1).get("address.city"));
    String reason = rejects.rejects().get(0).reason();
    assertTrue(reason.contains("field address is a JSON string here but an object") && reason.contains("max_depth => 1"),
        reason);
  }

  @Test
  void readStatementReproducesTheDetection() {
    Path f = write(dir, "r.json", "[{\"id\": 1, \"price\": 2.50, \"day\": \"2024-01-02\", \"o\": {\"k\": \"v\"}}]");
    TableSource t = open(f);
    String stmt = t.readStatement("r.json");
    assertEquals("SELECT * FROM read_json(path => 'r.json', layout => 'array',"
        + " types => 'id:INTEGER,price:DECIMAL(18,2),day:DATE,o.k:VARCHAR')", stmt);
    TableSource again = open(f, Map.of("layout", "array", "types", "id:INTEGER,price:DECIMAL(18,2),day:DATE,o.k:VARCHAR"));
    assertEquals(types(t), types(again));
  }

  @Test
  void allVarcharAndUnknownTypesOption() {
    Path f = write(dir, "v.json", "[{\"id\": 1, \"ok\": true}]");
    assertEquals(Map.of("id", "VARCHAR", "ok", "VARCHAR"), Map.copyOf(types(open(f, Map.of("all_varchar", true)))));
    assertEquals("true", read(open(f, Map.of("all_varchar", true))).rows().get(0).get("ok"));
    DsapException e = assertThrows(DsapException.class, () -> open(f, Map.of("types", "nope:INTEGER")));
    assertTrue(e.getMessage().contains("detected columns (id, ok)"), e.getMessage());
    DsapException bad = assertThrows(DsapException.class, () -> open(f, Map.of("layout", "csv")));
    assertTrue(bad.getMessage().contains("option layout => 'csv' is not valid: expected one of 'auto', 'ndjson'"),
        bad.getMessage());
  }

  @Test
  void scalarRecordsBecomeOneValueColumn() {
    Path f = write(dir, "nums.json", "[1, 2, 3]");
    TableSource t = open(f);
    assertEquals(Map.of("value", "INTEGER"), types(t));
    assertEquals(3, read(t).rows().size());
  }

  @Test
  void emptyFilesHaveNoRows() throws Exception {
    Path f = write(dir, "empty.json", "");
    TableSource t = open(f);
    assertTrue(t.flags().contains("no_records"));
    assertEquals(0, read(t).stats().recordsRead());
    Path arr = write(dir, "arr.json", "[ ]");
    assertEquals(0, read(open(arr)).stats().recordsRead());
    Path bom = dir.resolve("bom.json");
    Files.write(bom, ("\uFEFF[{\"a\": 1}]").getBytes(StandardCharsets.UTF_8));
    TableSource b = open(bom);
    assertEquals("UTF-8 (BOM)", b.describe().get("encoding"));
    assertEquals(1, read(b).rows().size());
  }
}
