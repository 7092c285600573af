package io.dsap.engine.validate;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.format.TableSourceCache;
import io.dsap.engine.source.DataRoot;
import java.nio.file.Path;

/** The files a validation may read: the one validated and those foreign keys point at. */
public interface DataFiles {
  /** The data root. */
  Path root();

  /** Resolves a user path under the root (fails outside it or when missing). */
  Path resolve(String path);

  /** The file as users name it (relative to the root). */
  String displayName(String path);

  /** Opens a file as a table, detection overridden by {@code overrides}. */
  TableSource open(String path, FormatOptions overrides);

  /** Whether the file's format accepts an option ({@code types}). */
  boolean acceptsOption(String path, String option);

  /** The files of a SQL connection (its options apply). */
  static DataFiles of(FilesSchema files) {
    return new DataFiles() {
      @Override
      public Path root() {
        return files.root().path();
      }

      @Override
      public Path resolve(String path) {
        return files.root().resolveFile(path);
      }

      @Override
      public String displayName(String path) {
        return files.root().relative(resolve(path));
      }

      @Override
      public TableSource open(String path, FormatOptions overrides) {
        Path file = resolve(path);
        return files.table(file, files.formats().detect(file), "", overrides).source();
      }

      @Override
      public boolean acceptsOption(String path, String option) {
        return files.formats().detect(resolve(path)).options().stream().anyMatch(o -> o.name().equals(option));
      }
    };
  }

  /** The files under {@code root}, read with the formats on the class path. */
  static DataFiles of(DataRoot root, FormatRegistry formats) {
    return new DataFiles() {
      @Override
      public Path root() {
        return root.path();
      }

      @Override
      public Path resolve(String path) {
        return root.resolveFile(path);
      }

      @Override
      public String displayName(String path) {
        return root.relative(resolve(path));
      }

      @Override
      public TableSource open(String path, FormatOptions overrides) {
        Path file = resolve(path);
        FormatReader f = formats.detect(file);
        return TableSourceCache.get(f, file, root.relative(file), "", overrides);
      }

      @Override
      public boolean acceptsOption(String path, String option) {
        return formats.detect(resolve(path)).options().stream().anyMatch(o -> o.name().equals(option));
      }
    };
  }
}
