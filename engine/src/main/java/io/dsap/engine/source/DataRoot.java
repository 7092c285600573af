package io.dsap.engine.source;

import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder whose files dsap may read. Every path a user gives is resolved against it and must
 * stay inside it, after {@code ..} and symbolic links are resolved.
 */
public final class DataRoot {
  private final Path root;

  private DataRoot(Path root) {
    this.root = root;
  }

  /** Opens an existing folder as a data root. */
  public static DataRoot of(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.exists(abs)) {
      throw Errors.rootNotFound(abs);
    }
    if (!Files.isDirectory(abs)) {
      throw Errors.rootNotADirectory(abs);
    }
    try {
      return new DataRoot(abs.toRealPath());
    } catch (IOException e) {
      throw Errors.io(abs, e);
    }
  }

  public Path path() {
    return root;
  }

  /** Resolves a user-given path (relative to the root, or absolute inside it) to an existing file. */
  public Path resolveFile(String userPath) {
    String p = userPath == null ? "" : userPath.trim();
    Path candidate;
    try {
      candidate = root.resolve(p).normalize();
    } catch (InvalidPathException e) {
      throw Errors.outsideRoot(p, root);
    }
    if (!candidate.startsWith(root)) {
      throw Errors.outsideRoot(p, root);
    }
    if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(candidate)) {
      throw Errors.fileNotFound(p, candidate);
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (IOException e) {
      throw Errors.fileNotFound(p, candidate);
    }
    if (!real.startsWith(root)) {
      throw Errors.outsideRoot(p, root);
    }
    if (Files.isDirectory(real)) {
      throw Errors.invalidOption("path", p, "a file, but this is a folder");
    }
    if (!Files.isReadable(real)) {
      throw Errors.notReadable(real, new java.nio.file.AccessDeniedException(real.toString()));
    }
    return real;
  }

  /** The path of {@code file} relative to the root, with {@code /} separators. */
  public String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Whether {@code file}, after links are resolved, lies under the root. */
  public boolean contains(Path file) {
    try {
      return file.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }
}
