package io.dsap.udfs.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON text for report columns, written with jackson-core only: the shaded driver jar ships
 * jackson-core but not jackson-databind (jdbc-driver/pom.xml keeps databind test-scoped).
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Writes with {@code body} and returns the text. */
  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }
}
