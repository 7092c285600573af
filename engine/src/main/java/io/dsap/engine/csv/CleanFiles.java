package io.dsap.engine.csv;

import io.dsap.engine.error.Errors;
import io.dsap.engine.source.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the CSV files that a complete scan read without rejecting a row, by file {@link Stamp}
 * (a {@link Fingerprint} with the modification time to the clock's precision and the file's
 * identity, so a copy renamed over the file is new too) and the whole {@link CsvFileSchema} (dialect, column types and
 * formats, null string, encoding, null padding: everything that decides a reject). A later scan of
 * the same unchanged file with the same schema need not check the columns it does not read: every
 * field is known to conform, so the rows returned and rejected are the same by construction.
 *
 * <p>Only a scan that saw every record may mark a file clean (not one stopped by a limit, a cancel
 * or an error). In memory, shared by the JVM, the last {@link #SIZE} files. {@code
 * -Ddsap.csv.clean_memo=off} checks every field of every scan.
 */
public final class CleanFiles {
  static final int SIZE = 256;

  /** What identifies a file's content here: its fingerprint, exact modification time and file key (inode). */
  record Stamp(Fingerprint fingerprint, FileTime modified, Object fileKey) {}

  private record Key(Stamp stamp, CsvFileSchema schema) {}

  private static final Map<Key, Boolean> CLEAN = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Boolean> e) {
      return size() > SIZE;
    }
  };

  private CleanFiles() {}

  /** Read on every scan, so tests and benchmarks can switch it per scan. */
  static boolean enabled() {
    return !"off".equalsIgnoreCase(System.getProperty("dsap.csv.clean_memo"));
  }

  /** The stamp of {@code file} now. */
  static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(new Fingerprint(file, a.size(), a.lastModifiedTime().toMillis()), a.lastModifiedTime(),
          a.fileKey());
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
  }

  /** Whether a complete scan of this very file content with this schema rejected no row. */
  static boolean isClean(Stamp stamp, CsvFileSchema schema) {
    if (!enabled()) {
      return false;
    }
    synchronized (CLEAN) {
      return CLEAN.get(new Key(stamp, schema)) != null;
    }
  }

  /**
   * Records a complete scan without rejects that started on {@code before}; ignored if the file
   * changed while it was read (its fingerprint now differs).
   */
  static void markClean(Stamp before, CsvFileSchema schema) {
    if (!enabled()) {
      return;
    }
    try {
      if (!before.equals(stamp(before.fingerprint().path()))) {
        return;
      }
    } catch (RuntimeException gone) {
      return; // deleted since: nothing to remember
    }
    synchronized (CLEAN) {
      CLEAN.put(new Key(before, schema), Boolean.TRUE);
    }
  }

  /** Forgets every file (tests). */
  static void clear() {
    synchronized (CLEAN) {
      CLEAN.clear();
    }
  }
}
