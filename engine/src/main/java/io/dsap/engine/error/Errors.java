package io.dsap.engine.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Factories for the errors users meet most; one place so the wording stays consistent. */
public final class Errors {
  private Errors() {}

  public static DsapException rootNotFound(Path root) {
    return new DsapException(ErrorCode.ROOT_NOT_FOUND,
        "data root '" + root + "' does not exist. Point dsap at an existing folder"
            + " (jdbc:dsap:/path/to/folder, or --root DIR on the command line).");
  }

  public static DsapException rootNotADirectory(Path root) {
    return new DsapException(ErrorCode.ROOT_NOT_A_DIRECTORY,
        "data root '" + root + "' is a file, not a folder. Use its folder as the root ('"
            + (root.getParent() == null ? "." : root.getParent()) + "') and query the file as a table.");
  }

  public static DsapException fileNotFound(String requested, Path resolved) {
    return new DsapException(ErrorCode.FILE_NOT_FOUND,
        "file '" + requested + "' not found (looked for '" + resolved + "'). Paths are relative to the"
            + " data root; check the name, or list the files with SELECT * FROM metadata.TABLES.");
  }

  public static DsapException outsideRoot(String requested, Path root) {
    return new DsapException(ErrorCode.PATH_OUTSIDE_ROOT,
        "path '" + requested + "' is outside the data root '" + root + "'. Only files under the"
            + " root can be read; move the file under the root or start dsap with a different root.");
  }

  public static DsapException notReadable(Path file, Throwable cause) {
    return new DsapException(ErrorCode.FILE_NOT_READABLE,
        "file '" + file + "' cannot be read (" + describe(cause) + "). Check its permissions"
            + " (the dsap process needs read access).", cause);
  }

  public static DsapException io(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new DsapException(ErrorCode.FILE_NOT_FOUND,
          "file '" + file + "' disappeared while it was being read. Was it moved or deleted?", e);
    }
    if (e instanceof AccessDeniedException) {
      return notReadable(file, e);
    }
    return new DsapException(ErrorCode.IO_ERROR,
        "reading '" + file + "' failed: " + describe(e), e);
  }

  public static DsapException invalidOption(String option, Object value, String expected) {
    return new DsapException(ErrorCode.INVALID_OPTION,
        "option " + option + " => '" + value + "' is not valid: expected " + expected + ".");
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
