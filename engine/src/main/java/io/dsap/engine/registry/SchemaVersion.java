package io.dsap.engine.registry;

import io.dsap.engine.schema.SchemaDocument;

/**
 * One stored version of a registered schema.
 *
 * @param name the schema's name
 * @param version 1, 2, ...
 * @param registeredAt when it was stored (ISO-8601, UTC)
 * @param source what it was registered from (a file, or "schema text")
 * @param document the schema, with name/version/registered_at/source set
 * @param file where it is stored
 */
public record SchemaVersion(String name, int version, String registeredAt, String source, SchemaDocument document,
    java.nio.file.Path file) {

  /** {@code name@version}. */
  public String ref() {
    return name + "@" + version;
  }
}
