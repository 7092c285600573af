package io.dsap.engine.source;

import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Identity of a file's content for caching: path, size and modification time. */
public record Fingerprint(Path path, long size, long modifiedMillis) {
  public static Fingerprint of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Fingerprint(file, a.size(), a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }
}
