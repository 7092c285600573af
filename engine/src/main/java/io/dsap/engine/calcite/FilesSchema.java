package io.dsap.engine.calcite;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
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
 * A file holding several tables (a workbook) also gives one table per part, named
 * {@code book$Sheet1}; the plain name is its first part.
 *
 * <p>Calcite asks for the table map several times per query, so the listing is cached and only
 * redone when a folder's modification time changes (a file added, removed or renamed). Tables
 * are kept across listings, and each caches its detected schema by file fingerprint.
 */
public final class FilesSchema extends AbstractSchema {
  private final DataRoot root;
  private final FormatRegistry formats;
  private final FormatOptions options;
  private final Map<String, FileTable> tablesByKey = new HashMap<>();
  private Map<String, Table> tableMap = Map.of();
  private Map<Path, Long> folderTimes = Map.of();
  private long listingVersion; // counts listings whose name -> table mapping differed from the one before
  private final List<String> warnings = new ArrayList<>();
  private final ScanJournal journal = new ScanJournal();

  /**
   * The files under {@code root}; {@code options} (connection properties) apply to every file of
   * a format that has such an option.
   */
  public FilesSchema(DataRoot root, FormatRegistry formats, FormatOptions options) {
    this.root = root;
    this.formats = formats;
    this.options = options;
  }

  public DataRoot root() {
    return root;
  }

  public FormatRegistry formats() {
    return formats;
  }

  /** The connection's options that {@code format} accepts. */
  public FormatOptions optionsFor(FormatReader format) {
    java.util.Map<String, Object> m = new java.util.TreeMap<>();
    options.asMap().forEach((k, v) -> {
      if (format.options().stream().anyMatch(o -> o.name().equals(k))) {
        m.put(k, v);
      }
    });
    return FormatOptions.of(m);
  }

  /** A table for {@code file} read as {@code format}, with {@code overrides} on the connection's options. */
  public FileTable table(Path file, FormatReader format, String table, FormatOptions overrides) {
    return new FileTable(file, root.relative(file), format, table, optionsFor(format).with(overrides), journal);
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

  /** The tables, by name (the same map Calcite sees). */
  public Map<String, Table> tableMap() {
    return getTableMap();
  }

  /**
   * Changes whenever a table name now resolves differently: a file added, removed or renamed, a
   * name clash that renames a table. Costs one stat per folder when nothing changed; what a cached
   * plan checks before it is reused ({@link PlanInputs}).
   */
  public synchronized long listingVersion() {
    getTableMap();
    return listingVersion;
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
    List<Listed> files = list(times);
    Map<String, Table> map = new LinkedHashMap<>();
    warnings.clear();
    Map<String, FileTable> keep = new HashMap<>();
    for (Map.Entry<String, Listed> e : name(files).entrySet()) {
      Listed l = e.getValue();
      String key = l.file() + "\u0000" + l.format().name() + "\u0000" + l.table();
      FileTable t = tablesByKey.get(key);
      if (t == null) {
        t = new FileTable(l.file(), root.relative(l.file()), l.format(), l.table(), optionsFor(l.format()), journal);
      }
      keep.put(key, t);
      map.put(e.getKey(), t);
    }
    tablesByKey.clear();
    tablesByKey.putAll(keep);
    if (!map.equals(tableMap)) {
      listingVersion++;
    }
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

  /** A table found while listing: the file, its format, and which table of the file. */
  private record Listed(Path file, FormatReader format, String table) {}

  private List<Listed> list(Map<Path, Long> times) {
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
          if (attrs.isRegularFile() && !hidden(file) && root.contains(file)) {
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
    List<Listed> listed = new ArrayList<>();
    for (Path f : files) {
      java.util.Optional<FormatReader> format;
      try {
        format = formats.detectForListing(f);
      } catch (RuntimeException e) {
        continue; // unreadable: not a table (reading it by name gives the error)
      }
      if (format.isEmpty()) {
        continue;
      }
      List<String> tables;
      try {
        tables = format.get().tables(f, optionsFor(format.get()));
      } catch (RuntimeException e) {
        warnings.add("'" + root.relative(f) + "' is listed as one table: its parts could not be read ("
            + e.getMessage() + ")");
        tables = List.of("");
      }
      for (String t : tables) {
        listed.add(new Listed(f, format.get(), t));
      }
      if (!tables.isEmpty() && !tables.get(0).isEmpty()) {
        listed.add(new Listed(f, format.get(), "")); // the plain name: the first part
      }
    }
    return listed;
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }


  /**
   * Table names: the relative path without extension; files that would share a name keep their
   * extension; names that still differ only in case get a numeric suffix (SQL matches names
   * case-insensitively, so two such tables could not be told apart).
   */
  private Map<String, Listed> name(List<Listed> tables) {
    Map<String, List<Path>> byBase = new TreeMap<>();
    for (Listed l : tables) {
      if (l.table().isEmpty()) {
        String rel = root.relative(l.file());
        byBase.computeIfAbsent(base(rel).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(l.file());
      }
    }
    Map<String, Listed> named = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (Listed l : tables) {
      String rel = root.relative(l.file());
      List<Path> group = byBase.get(base(rel).toLowerCase(Locale.ROOT));
      String fileName = group.size() == 1 ? base(rel) : rel;
      String name = l.table().isEmpty() ? fileName : fileName + "$" + l.table();
      String key = name.toLowerCase(Locale.ROOT);
      int n = used.merge(key, 1, Integer::sum);
      if (n > 1) {
        String renamed = name + "_" + n;
        warnings.add("table names of '" + rel + "' and another file differ only in case; '" + rel
            + "' is the table \"" + renamed + "\"");
        name = renamed;
      } else if (group.size() > 1 && l.table().isEmpty()) {
        warnings.add("files " + group.stream().map(root::relative).toList()
            + " share a name; their tables keep the extension");
      }
      named.put(name, l);
    }
    return named;
  }

  /** A relative path without its extension (and compression suffix). */
  private static String base(String rel) {
    String r = rel;
    String lower = r.toLowerCase(Locale.ROOT);
    for (String c : new String[] {".gz", ".zst"}) {
      if (lower.endsWith(c)) {
        r = r.substring(0, r.length() - c.length());
        lower = lower.substring(0, lower.length() - c.length());
      }
    }
    int slash = r.lastIndexOf('/');
    int dot = r.lastIndexOf('.');
    return dot > slash + 1 ? r.substring(0, dot) : r;
  }
}
