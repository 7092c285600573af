package io.dsap.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a whole text file so that nobody sees it half-written: the text goes to a hidden temporary file in the
 * target's folder, which is then renamed over the target. On failure the target is left as it was.
 */
public final class AtomicOutput {
  private AtomicOutput() {
  }

  /** Writes {@code text} (UTF-8) to {@code target}, creating its folder if needed. */
  public static void writeString(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    Files.createDirectories(folder);
    // a unique hidden name with the usual permissions (createTempFile would make the report owner-only)
    Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp); // gone after a successful move; removes the leftover after a failure
    }
  }
}
