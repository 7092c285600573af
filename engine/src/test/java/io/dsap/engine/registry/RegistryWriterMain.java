package io.dsap.engine.registry;

import io.dsap.engine.schema.SchemaParser;
import java.nio.file.Path;
import java.time.Clock;

/** Registers versions of schema "shared" from a separate process (and from threads) in RegistryTest. */
public final class RegistryWriterMain {
  private RegistryWriterMain() {}

  public static void main(String[] args) {
    write(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
  }

  static void write(Path dir, String who, int n) {
    SchemaRegistry r = new SchemaRegistry(dir, Clock.systemUTC());
    for (int i = 0; i < n; i++) {
      r.register("shared", SchemaParser.parse("columns: [{name: " + who + "_" + i + "}]", who), who + "-" + i);
    }
  }
}
