package io.dsap.udfs.validate;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The registry folder of each connection (the {@code registry} connection property), found from
 * the connection's {@code files} schema, which is what a table function sees. Default:
 * {@code <root>/.dsap/registry}.
 */
public final class RegistryLocation {
  /** Weak keys: a closed connection's schema is not kept alive by this map. */
  private static final Map<FilesSchema, Path> DIRS = Collections.synchronizedMap(new WeakHashMap<>());

  private RegistryLocation() {}

  /** Sets the registry folder of the connection whose files are {@code files}; call before registering functions. */
  public static void set(FilesSchema files, Path dir) {
    DIRS.put(files, dir.toAbsolutePath().normalize());
  }

  /** The registry folder of {@code files}' connection. */
  public static Path of(FilesSchema files) {
    Path dir = DIRS.get(files);
    return dir != null ? dir : files.root().path().resolve(".dsap").resolve("registry");
  }

  /** The registry of {@code files}' connection. */
  public static SchemaRegistry registry(FilesSchema files) {
    return new SchemaRegistry(of(files), Clock.systemUTC());
  }
}
