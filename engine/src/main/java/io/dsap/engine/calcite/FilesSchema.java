package io.dsap.engine.calcite;

import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.error.Errors;
import io.dsap.engine.rejects.ScanJournal;
import io.dsap.engine.source.DataRoot;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code files} schema: one table per supported file under the data root, named by its
 * path relative to the root without the extension ({@code orders}, {@code sales/2024/orders}).
 *
 * <p>Calcite asks for the table map several times per query, so the listing is cached and only
 * redone when a folder's modification time changes (a file added, removed or renamed). Tables
 * are kept across listings, and each caches its detected schema by file fingerprint.
 */
public final class FilesSchema extends AbstractSchema {
  /** Extensions read as delimited text. */
  public static final List<String> EXTENSIONS = List.of("csv", "tsv", "psv");

  private final DataRoot root;
  private final CsvOptions options;
  private final Map<Path, FileTable> tablesByFile = new HashMap<>();
  private Map<String, Table> tableMap = Map.of();
  private Map<Path, Long> folderTimes = Map.of();
  private final List<String> warnings = new ArrayList<>();
  private final ScanJournal journal = new ScanJournal();

  public FilesSchema(DataRoot root, CsvOptions options) {
    this.root = root;
    this.options = options;
  }

  public DataRoot root() {
    return root;
  }

  public CsvOptions options() {
    return options;
  }

  /** Scans of this connection that rejected rows. */
  public ScanJournal journal() {
    return journal;
  }

  /** Problems found while listing (name clashes), for metadata and logs. */
  public synchronized List<String> warnings() {
    getTableMap();
    return List.copyOf(warnings);
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    if (!foldersChanged()) {
      return tableMap;
    }
    Map<Path, Long> times = new HashMap<>();
    List<Path> files = list(times);
    Map<String, Table> map = new LinkedHashMap<>();
    warnings.clear();
    Map<Path, FileTable> keep = new HashMap<>();
    for (Map.Entry<String, Path> e : name(files).entrySet()) {
      FileTable t = tablesByFile.get(e.getValue());
      if (t == null || !t.displayName().equals(root.relative(e.getValue()))) {
        t = new FileTable(e.getValue(), root.relative(e.getValue()), options, journal);
      }
      keep.put(e.getValue(), t);
      map.put(e.getKey(), t);
    }
    tablesByFile.clear();
    tablesByFile.putAll(keep);
    tableMap = map;
    folderTimes = times;
    return map;
  }

  private boolean foldersChanged() {
    if (folderTimes.isEmpty()) {
      return true;
    }
    for (Map.Entry<Path, Long> e : folderTimes.entrySet()) {
      try {
        if (Files.getLastModifiedTime(e.getKey()).toMillis() != e.getValue()) {
          return true;
        }
      } catch (IOException ex) {
        return true;
      }
    }
    return false;
  }

  private List<Path> list(Map<Path, Long> times) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root.path(), EnumSet.of(FileVisitOption.FOLLOW_LINKS), 32, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root.path()) && (hidden(dir) || !root.contains(dir))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          times.put(dir, attrs.lastModifiedTime().toMillis());
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !hidden(file) && extension(file) != null && root.contains(file)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE; // unreadable entries are not tables
        }
      });
    } catch (IOException e) {
      throw Errors.io(root.path(), e);
    }
    files.sort(null);
    return files;
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }

  static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String ext = n.substring(dot + 1).toLowerCase(Locale.ROOT);
    return EXTENSIONS.contains(ext) ? ext : null;
  }

  /**
   * Table names: the relative path without extension; files that would share a name keep their
   * extension; names that still differ only in case get a numeric suffix (SQL matches names
   * case-insensitively, so two such tables could not be told apart).
   */
  private Map<String, Path> name(List<Path> files) {
    Map<String, List<Path>> byBase = new TreeMap<>();
    for (Path f : files) {
      String rel = root.relative(f);
      String base = rel.substring(0, rel.lastIndexOf('.'));
      byBase.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
    }
    Map<String, Path> named = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (List<Path> group : byBase.values()) {
      for (Path f : group) {
        String rel = root.relative(f);
        String name = group.size() == 1 ? rel.substring(0, rel.lastIndexOf('.')) : rel;
        String key = name.toLowerCase(Locale.ROOT);
        int n = used.merge(key, 1, Integer::sum);
        if (n > 1) {
          String renamed = name + "_" + n;
          warnings.add("table names of '" + rel + "' and another file differ only in case; '" + rel
              + "' is the table \"" + renamed + "\"");
          name = renamed;
        } else if (group.size() > 1) {
          warnings.add("files " + group.stream().map(root::relative).toList()
              + " share a name; their tables keep the extension");
        }
        named.put(name, f);
      }
    }
    return named;
  }
}
