package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.SampleSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides how a JSON file lays out its records, from its first bytes:
 * <ol>
 *   <li>{@code .ndjson}/{@code .jsonl}: NDJSON;</li>
 *   <li>{@code [} first: an array of records;</li>
 *   <li>several lines that each hold a whole object: NDJSON;</li>
 *   <li>one object holding an array of objects: records, found shallowest first up to
 *       {@link #MAX_PATH_DEPTH} levels ({@code data}, then {@code result.items});</li>
 *   <li>otherwise whole objects, possibly spanning lines, one record each.</li>
 * </ol>
 */
final class JsonLayoutDetector {
  static final int MAX_PATH_DEPTH = 3;
  private static final int LINES_CHECKED = 100;

  private JsonLayoutDetector() {}

  /**
   * The framing of {@code file}, whose first bytes (after any BOM) are {@code head};
   * {@code complete} says whether {@code head} is the whole file.
   */
  static JsonFraming detect(Path file, String displayName, byte[] head, boolean complete, JsonOptions options) {
    int i = firstNonSpace(head);
    JsonLayout forced = options.layout();
    if (i < 0) {
      return JsonFraming.of(forced == null ? JsonLayout.NDJSON : forced);
    }
    byte c = head[i];
    if (forced == JsonLayout.NDJSON || forced == JsonLayout.OBJECTS) {
      return JsonFraming.of(forced);
    }
    if (forced == null && isNdjsonExtension(file)) {
      return JsonFraming.of(JsonLayout.NDJSON); // the name says one value per line, whatever the lines hold
    }
    if (forced == JsonLayout.ARRAY || (forced == null && c == '[')) {
      if (c != '[') {
        throw notThere(displayName, "layout => 'array'", "'['", head, i);
      }
      return new JsonFraming(JsonLayout.ARRAY, null, i, lineOf(head, i));
    }
    if (c != '{') {
      if (forced == JsonLayout.RECORDS) {
        throw notThere(displayName, "layout => 'records'", "'{'", head, i);
      }
      throw new DsapException(ErrorCode.MALFORMED_DATA, displayName + ":" + lineOf(head, i) + ": the file does not"
          + " look like JSON records: it starts with '" + preview(head, i) + "', expected '{' (an object) or '['"
          + " (an array). If each line holds one JSON value, read it with layout => 'ndjson'.");
    }
    if (forced == JsonLayout.RECORDS) {
      return records(file, displayName, head, complete, options.recordsPath());
    }
    if (looksLikeNdjson(head, complete)) {
      return JsonFraming.of(JsonLayout.NDJSON);
    }
    if (singleValue(head, i, complete)) {
      JsonFraming r = findRecords(() -> new java.io.ByteArrayInputStream(head), null);
      return r != null ? r : JsonFraming.of(JsonLayout.OBJECTS);
    }
    if (firstValueEnds(head, i)) {
      return JsonFraming.of(JsonLayout.OBJECTS); // several whole objects, pretty-printed
    }
    // the first object does not fit in the head: one big document holding the records, or one big record
    JsonFraming r = findRecords(() -> SampleSource.open(file), null);
    return r != null ? r : JsonFraming.of(JsonLayout.OBJECTS);
  }

  private static JsonFraming records(Path file, String displayName, byte[] head, boolean complete, String path) {
    Supplier<InputStream> in = complete ? () -> new java.io.ByteArrayInputStream(head) : () -> SampleSource.open(file);
    JsonFraming r = findRecords(in, path);
    if (r == null) {
      List<String> fields = topLevelFields(in);
      throw new DsapException(ErrorCode.MALFORMED_DATA, displayName + ": " + (path == null
          ? "no array of objects found in the top-level object (searched " + MAX_PATH_DEPTH + " levels deep)"
          : "records_path => '" + path + "' does not lead to an array in the top-level object")
          + "; its fields are " + fields + ". Name the array with records_path => 'field' (dotted for nested"
          + " objects, e.g. 'result.items'), or read the file with layout => 'objects'.");
    }
    return r;
  }

  static boolean isNdjsonExtension(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".ndjson.gz") || n.endsWith(".jsonl.gz");
  }

  /**
   * Whether the head holds several lines that are each a whole object: at least two such lines,
   * and most of the first non-blank lines are like that (a broken line does not change the layout).
   */
  static boolean looksLikeNdjson(byte[] head, boolean complete) {
    int lines = 0;
    int objects = 0;
    int s = 0;
    for (int i = 0; i <= head.length && lines < LINES_CHECKED; i++) {
      if (i < head.length && head[i] != '\n') {
        continue;
      }
      if (i == head.length && !complete) {
        break; // a cut last line says nothing
      }
      String line = new String(head, s, i - s, StandardCharsets.UTF_8).trim();
      s = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      if (line.startsWith("{") && line.endsWith("}") && line.length() > 1) {
        objects++;
      }
    }
    return objects >= 2 && objects * 10 >= lines * 8;
  }

  /** Whether the file holds exactly one JSON value, judged from the whole file in {@code head}. */
  private static boolean singleValue(byte[] head, int i, boolean complete) {
    if (!complete) {
      return false;
    }
    try (JsonParser p = JsonParsing.parser(head, i, head.length)) {
      p.nextToken();
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false; // broken: read as objects, which rejects what does not parse
    }
  }

  private static boolean firstValueEnds(byte[] head, int i) {
    try (JsonParser p = JsonParsing.parser(head, i, head.length)) {
      p.nextToken();
      p.skipChildren();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Finds the records array of a top-level object: at {@code path} if given, else the first
   * field holding an array whose first element is an object, looking one level deeper at a time.
   * Null if there is none.
   */
  static JsonFraming findRecords(Supplier<InputStream> source, String path) {
    if (path != null) {
      return search(source, List.of(path.split("\\.", -1)), 0);
    }
    for (int depth = 1; depth <= MAX_PATH_DEPTH; depth++) {
      JsonFraming f = search(source, null, depth);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private static JsonFraming search(Supplier<InputStream> source, List<String> path, int depth) {
    try (InputStream in = source.get(); JsonParser p = JsonParsing.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      return path != null ? follow(p, path) : searchLevel(p, depth, 1, "");
    } catch (JsonProcessingException e) {
      return null; // a broken document has no findable records array
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonFraming follow(JsonParser p, List<String> path) throws IOException {
    for (int k = 0; k < path.size(); k++) {
      JsonToken v = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        v = p.nextToken();
        if (name.equals(path.get(k))) {
          break;
        }
        p.skipChildren();
        v = null;
      }
      boolean last = k == path.size() - 1;
      if (v == null || (last ? v != JsonToken.START_ARRAY : v != JsonToken.START_OBJECT)) {
        return null;
      }
      if (last) {
        JsonLocation at = p.currentTokenLocation();
        return new JsonFraming(JsonLayout.RECORDS, String.join(".", path), at.getByteOffset(), at.getLineNr());
      }
    }
    return null;
  }

  /** Looks at the fields {@code target} levels down from the object the parser is in. */
  private static JsonFraming searchLevel(JsonParser p, int target, int depth, String prefix) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String path = prefix + p.currentName();
      JsonToken v = p.nextToken();
      if (depth == target && v == JsonToken.START_ARRAY) {
        JsonLocation at = p.currentTokenLocation();
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_OBJECT) {
          return new JsonFraming(JsonLayout.RECORDS, path, at.getByteOffset(), at.getLineNr());
        }
        if (first != JsonToken.END_ARRAY) {
          p.skipChildren();
          skipRestOfArray(p);
        }
      } else if (depth < target && v == JsonToken.START_OBJECT) {
        JsonFraming f = searchLevel(p, target, depth + 1, path + ".");
        if (f != null) {
          return f;
        }
      } else {
        p.skipChildren();
      }
    }
    return null;
  }

  private static void skipRestOfArray(JsonParser p) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
      p.skipChildren();
    }
  }

  private static List<String> topLevelFields(Supplier<InputStream> source) {
    List<String> names = new ArrayList<>();
    try (InputStream in = source.get(); JsonParser p = JsonParsing.FACTORY.createParser(in)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME && names.size() < 20) {
          names.add(p.currentName());
          p.nextToken();
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      // best effort: the list only helps the message
    }
    return names;
  }

  static int firstNonSpace(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') {
        return i;
      }
    }
    return -1;
  }

  private static long lineOf(byte[] b, int i) {
    long line = 1;
    for (int k = 0; k < i; k++) {
      line += b[k] == '\n' ? 1 : 0;
    }
    return line;
  }

  private static String preview(byte[] b, int i) {
    String s = new String(b, i, Math.min(30, b.length - i), StandardCharsets.UTF_8);
    int nl = s.indexOf('\n');
    return nl >= 0 ? s.substring(0, nl) : s;
  }

  private static DsapException notThere(String displayName, String option, String expected, byte[] head, int i) {
    return Errors.invalidOption(option.substring(0, option.indexOf(' ')), option.substring(option.indexOf("'") + 1,
        option.lastIndexOf("'")), "a layout that fits " + displayName + ", which starts with '" + preview(head, i)
        + "' where " + option + " needs " + expected + "; leave layout out to detect it");
  }
}
