package io.dsap.engine.source;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The folder exports are written to. A target path must be relative, free of {@code ..}, and stay
 * inside the folder after symbolic links are resolved; the folder is created on first write.
 */
public final class OutputRoot {
  private final Path root;

  public OutputRoot(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path path() {
    return root;
  }

  public boolean exists() {
    return Files.isDirectory(root);
  }

  /** The file {@code relative} names inside the output root; its folders are created. */
  public Path resolveTarget(String relative) {
    String p = relative == null ? "" : relative.trim();
    Path rel;
    try {
      rel = Path.of(p);
    } catch (InvalidPathException e) {
      throw refused(p, "it is not a valid path");
    }
    if (p.isEmpty() || rel.isAbsolute() || p.startsWith("/") || p.startsWith("\\")) {
      throw refused(p, "give a path relative to the output root");
    }
    for (Path part : rel) {
      if (part.toString().equals("..")) {
        throw refused(p, "'..' is not allowed");
      }
    }
    Path target = root.resolve(rel).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw refused(p, "it is outside the output root");
    }
    try {
      Files.createDirectories(target.getParent());
      Path realRoot = root.toRealPath();
      if (!target.getParent().toRealPath().startsWith(realRoot)) {
        throw refused(p, "a symbolic link leads outside the output root");
      }
      if (Files.isSymbolicLink(target)) {
        throw refused(p, "the target is a symbolic link");
      }
    } catch (IOException e) {
      throw new DsapException(ErrorCode.IO_ERROR, "cannot create the folder for '" + p + "' under the output root '"
          + root + "': " + e.getMessage(), e);
    }
    return target;
  }

  private DsapException refused(String p, String why) {
    return new DsapException(ErrorCode.PATH_OUTSIDE_ROOT, "cannot write '" + p + "': " + why
        + ". Exports go under the output root '" + root + "' (connection property output_root).");
  }
}
