package io.dsap.engine.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads schema documents (YAML, or JSON) and says exactly what is wrong with a bad one: the
 * source, line and column, the key (as a path like {@code columns[2].nullable}), what was found,
 * and what is accepted.
 */
public final class SchemaParser {
  private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
  private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
  private static final ObjectMapper JSON = configure(new ObjectMapper());

  private SchemaParser() {}

  private static ObjectMapper configure(ObjectMapper m) {
    return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
  }

  /** Reads a schema file; {@code displayName} is how messages name it. */
  public static SchemaDocument read(Path file, String displayName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    return parse(text, displayName);
  }

  /** Parses schema text; JSON when it starts with '{', YAML otherwise. */
  public static SchemaDocument parse(String text, String sourceName) {
    if (text == null || text.isBlank()) {
      throw new DsapException(ErrorCode.INVALID_SCHEMA, sourceName + ": the schema is empty. A schema needs at"
          + " least 'columns:' or 'rules:' (see docs/schemas.md).");
    }
    boolean json = text.stripLeading().startsWith("{");
    try {
      SchemaDocument doc = (json ? JSON : YAML).readValue(text, SchemaDocument.class);
      if (doc == null) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, sourceName + ": the schema is empty.");
      }
      return doc;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String badKey = null;
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof InvalidKey k) {
          badKey = k.key();
        }
      }
      // records are built after all their keys are read, so Jackson points past the object: find the key
      if (e instanceof JsonMappingException m && (badKey != null || e instanceof UnrecognizedPropertyException)) {
        JsonLocation key = keyLocation(json ? JSON : YAML, text, m.getPath(), badKey);
        at = key != null ? key : at;
      }
      throw new DsapException(ErrorCode.INVALID_SCHEMA, describe(e, at, badKey, sourceName), e);
    }
  }

  /** Where the key at {@code path} starts in {@code text}, found by streaming the document again. */
  private static JsonLocation keyLocation(ObjectMapper m, String text, List<JsonMappingException.Reference> path,
      String lastKey) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    if (lastKey != null) {
      pointer.append('/').append(lastKey);
    }
    String target = pointer.toString();
    try (JsonParser p = m.getFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().toString().equals(target)) {
          return p.currentTokenLocation();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private static String describe(JsonProcessingException e, JsonLocation loc, String badKey, String source) {
    StringBuilder s = new StringBuilder(source);
    if (loc != null && loc.getLineNr() > 0) {
      s.append(':').append(loc.getLineNr()).append(':').append(loc.getColumnNr());
    }
    s.append(": ");
    if (e instanceof JsonMappingException m && (!m.getPath().isEmpty() || badKey != null)) {
      String p = m.getPath().isEmpty() ? "" : path(m.getPath());
      s.append(badKey == null ? p : p.isEmpty() ? badKey : p + "." + badKey).append(": ");
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String key = u.getPropertyName();
      s.append("unknown key '").append(key).append("'.");
      String near = nearest(key, u.getKnownPropertyIds());
      if (near != null) {
        s.append(" Did you mean '").append(near).append("'?");
      }
      List<String> known = new ArrayList<>();
      u.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
      known.sort(null);
      s.append(" Keys allowed here: ").append(String.join(", ", known)).append('.');
      return s.toString();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IllegalArgumentException) {
      return s.append(root.getMessage()).append('.').toString();
    }
    if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
      return s.append("expected ").append(expected(mi.getTargetType())).append(" here (")
          .append(firstLine(e.getOriginalMessage())).append(").").toString();
    }
    return s.append(firstLine(e.getOriginalMessage())).append(". Check the indentation and quoting;"
        + " values holding ': ' or '#' need quotes.").toString();
  }

  private static String expected(Class<?> t) {
    if (t == Boolean.class || t == boolean.class) {
      return "true or false";
    }
    if (t == Integer.class || t == Long.class) {
      return "a whole number";
    }
    if (t == Double.class) {
      return "a number";
    }
    if (List.class.isAssignableFrom(t)) {
      return "a list (- item lines, or [a, b])";
    }
    if (t == String.class) {
      return "a single value";
    }
    return "a mapping of keys (" + t.getSimpleName() + ")";
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder p = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        p.append(p.length() > 0 ? "." : "").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        p.append('[').append(r.getIndex()).append(']');
      }
    }
    return p.length() == 0 ? "(top level)" : p.toString();
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The known key closest to a typo, if it is close (edit distance at most 2). */
  static String nearest(String key, Collection<Object> known) {
    return known.stream().map(Object::toString)
        .filter(k -> LEVENSHTEIN.apply(k, key) <= 2)
        .min(Comparator.comparingInt(k -> LEVENSHTEIN.apply(k, key)))
        .orElse(null);
  }

}
