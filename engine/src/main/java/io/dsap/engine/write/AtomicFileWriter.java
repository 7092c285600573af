package io.dsap.engine.write;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Writes a file so that readers never see it half-written: rows go to a hidden temporary file in
 * the same folder, which is renamed over the target only when every row is written. On any
 * failure the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFileWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private final RowWriter writer;
  private long rows;
  private boolean committed;

  private AtomicFileWriter(Path target, Path temp, OutputStream out, RowWriter writer) {
    this.target = target;
    this.temp = temp;
    this.out = out;
    this.writer = writer;
  }

  /** Opens a writer for {@code target}, its format told by the extension. */
  public static AtomicFileWriter open(Path target, List<OutputColumn> columns) {
    FileWriterFormat format = formatFor(target);
    // hidden, unique, and with the same extension (writers pick details such as JSON layout from it)
    Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID() + "-" + target.getFileName());
    OutputStream out = null;
    try {
      Files.createDirectories(target.getParent());
      out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
      return new AtomicFileWriter(target, temp, out, format.open(temp, out, columns));
    } catch (IOException | RuntimeException e) {
      closeQuietly(out);
      deleteQuietly(temp);
      throw e instanceof RuntimeException r ? r : Errors.io(target, (IOException) e);
    }
  }

  /** The writer format for the extension of {@code target}, or an error listing the supported ones. */
  public static FileWriterFormat formatFor(Path target) {
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    StringBuilder known = new StringBuilder();
    for (FileWriterFormat f : ServiceLoader.load(FileWriterFormat.class, AtomicFileWriter.class.getClassLoader())) {
      if (f.extensions().contains(ext)) {
        return f;
      }
      known.append(known.length() > 0 ? ", " : "").append(String.join(", ", f.extensions()));
    }
    throw new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "cannot write '" + target.getFileName()
        + "': its extension does not name a format dsap writes. Use one of: " + known + ".");
  }

  public void write(Object[] row) {
    try {
      writer.write(row);
      rows++;
    } catch (IOException e) {
      throw Errors.io(target, e);
    }
  }

  public long rows() {
    return rows;
  }

  /** Finishes the file and moves it into place. */
  public void commit() {
    try {
      writer.finish();
      writer.close();
      out.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw Errors.io(target, e);
    } finally {
      if (!committed) {
        deleteQuietly(temp);
      }
    }
  }

  /** Abandons the file unless it was committed: the temporary file is deleted. */
  @Override
  public void close() {
    if (!committed) {
      try {
        writer.close();
      } catch (IOException | RuntimeException ignored) {
        // the file is being thrown away
      }
      closeQuietly(out);
      deleteQuietly(temp);
    }
  }

  private static void closeQuietly(OutputStream out) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the file is being thrown away
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // nothing more to do; the name is hidden and unique
    }
  }
}
