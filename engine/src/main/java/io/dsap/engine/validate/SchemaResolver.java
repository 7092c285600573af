package io.dsap.engine.validate;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.SchemaParser;
import java.util.Locale;

/**
 * Finds the schema a validation names: schema text (YAML/JSON), a schema file under the root
 * ({@code orders.schema.yaml}), or a registered schema ({@code orders}, {@code orders@2}).
 */
public final class SchemaResolver {
  private final DataFiles files;
  private final SchemaRegistry registry;

  public SchemaResolver(DataFiles files, SchemaRegistry registry) {
    this.files = files;
    this.registry = registry;
  }

  public SchemaRegistry registry() {
    return registry;
  }

  /** The schema for {@code ref}; null for a null or blank ref (validate against detection). */
  public SchemaDocument resolve(String ref) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String r = ref.trim();
    if (isText(r)) {
      return SchemaParser.parse(r, "schema text");
    }
    if (isFile(r)) {
      return SchemaParser.read(files.resolve(r), files.displayName(r));
    }
    return registry.get(r).document();
  }

  /**
   * Like {@link #resolve}, but a data file (orders.csv) also names a schema: the one detection
   * gives it ({@code generate}). For {@code schema_diff(a, b)}.
   */
  public SchemaDocument resolveAny(String ref, java.util.function.Function<String, SchemaDocument> generate) {
    String r = ref == null ? "" : ref.trim();
    if (isText(r) || isFile(r)) {
      return resolve(r);
    }
    if (!r.contains("@") && r.contains(".") && java.nio.file.Files.isRegularFile(files.root().resolve(r))) {
      return generate.apply(r);
    }
    return resolve(r);
  }

  /** The data file a foreign key's {@code references:} names: a file, or a registered schema's source. */
  public String fileOf(String references) {
    String r = references.trim();
    if (r.contains("@") || !r.contains(".")) {
      SchemaDocument doc = registry.get(r).document();
      if (doc.source() == null || isText(doc.source())) {
        throw new DsapException(ErrorCode.INVALID_SCHEMA, "registered schema " + r + " was not registered from a"
            + " file, so a foreign key cannot read its data; reference the data file instead");
      }
      return doc.source();
    }
    return r;
  }

  static boolean isText(String r) {
    return r.contains("\n") || r.startsWith("{") || r.startsWith("columns:") || r.startsWith("rules:");
  }

  static boolean isFile(String r) {
    String l = r.toLowerCase(Locale.ROOT);
    return l.endsWith(".yaml") || l.endsWith(".yml") || l.endsWith(".json");
  }
}
