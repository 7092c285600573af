package io.dsap.engine.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;

/** Writes schema documents as YAML people can read and edit (or as JSON). */
public final class SchemaWriter {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build());
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SchemaWriter() {}

  public static String yaml(SchemaDocument doc) {
    return write(YAML, doc);
  }

  public static String json(SchemaDocument doc) {
    return write(JSON, doc);
  }

  private static String write(ObjectMapper m, SchemaDocument doc) {
    try {
      return m.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new DsapException(ErrorCode.INTERNAL, "cannot write schema: " + e.getOriginalMessage(), e);
    }
  }
}
