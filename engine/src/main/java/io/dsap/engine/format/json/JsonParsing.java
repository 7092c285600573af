package io.dsap.engine.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The one Jackson configuration of the JSON format: strict JSON (a field given twice in one object
 * is an error, not a silent overwrite), locations without source text.
 */
final class JsonParsing {
  /** Thread-safe and reusable, as Jackson factories are. */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonParsing() {}

  static JsonParser parser(byte[] b, int start, int end) throws java.io.IOException {
    return FACTORY.createParser(b, start, end - start);
  }

  /** Jackson's message without its location suffix, plus the column within the record. */
  static String problem(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int nl = m.indexOf('\n');
    if (nl > 0) {
      m = m.substring(0, nl);
    }
    return m + (e.getLocation() == null ? "" : " (at character " + e.getLocation().getColumnNr() + " of the record)");
  }
}
