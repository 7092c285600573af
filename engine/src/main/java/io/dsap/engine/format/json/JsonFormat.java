package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.TableSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** JSON records: an array of objects, NDJSON (JSON Lines), or an object holding an array of records. */
public final class JsonFormat implements FormatReader {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public List<String> extensions() {
    return List.of("json", "ndjson", "jsonl");
  }

  /**
   * Magic when the content starts like JSON and its first value parses as far as the probe reaches
   * (so a CSV line such as {@code [a],b} is not taken); else the extension decides.
   */
  @Override
  public Match probe(FileProbe probe) {
    if (startsLikeJson(probe.head())) {
      return Match.MAGIC;
    }
    return extensions().contains(probe.extension()) ? Match.EXTENSION : Match.NONE;
  }

  static boolean startsLikeJson(byte[] head) {
    int i = JsonLayoutDetector.firstNonSpace(head);
    if (i < 0 || (head[i] != '{' && head[i] != '[')) {
      return false;
    }
    try (JsonParser p = JsonParsing.parser(head, i, head.length)) {
      p.nextToken();
      for (int depth = 1; depth > 0; ) {
        JsonToken t = p.nextToken();
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      }
      return true;
    } catch (JsonEOFException e) {
      return true; // the probe ended inside the first value: what it saw was valid
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    return new JsonTableSource(file, displayName, JsonSchemaDetector.detect(file, displayName, JsonOptions.of(options)));
  }

  @Override
  public List<OptionSpec> options() {
    return JsonOptions.SPECS;
  }
}
