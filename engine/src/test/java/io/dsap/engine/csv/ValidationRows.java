package io.dsap.engine.csv;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.validate.CheckResult;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.Issue;
import io.dsap.engine.validate.ValidationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Validates a file of a test folder read through a wrapped source, for tests that compare two ways of reading it. */
final class ValidationRows {
  private ValidationRows() {}

  /** Every issue row, then every summary row prefixed {@code "summary "}, as text. */
  static List<String> of(Path dir, String file, Function<TableSource, TableSource> wrap, String schema, String rules) {
    DataFiles base = DataFiles.of(DataRoot.of(dir), FormatRegistry.defaults());
    DataFiles files = new DataFiles() {
      @Override
      public Path root() {
        return base.root();
      }

      @Override
      public Path resolve(String path) {
        return base.resolve(path);
      }

      @Override
      public String displayName(String path) {
        return base.displayName(path);
      }

      @Override
      public TableSource open(String path, FormatOptions overrides) {
        return wrap.apply(base.open(path, overrides));
      }

      @Override
      public boolean acceptsOption(String path, String option) {
        return base.acceptsOption(path, option);
      }
    };
    DataValidator v = DataValidator.of(files, SchemaRegistry.forRoot(dir), Clock.systemUTC());
    try (ValidationResult r = v.validate(file, schema, rules)) {
      List<String> out = new ArrayList<>(r.issues().map(Issue::toRow).map(Arrays::toString).toList());
      r.summary().stream().map(CheckResult::toRow).map(row -> "summary " + Arrays.toString(row)).forEach(out::add);
      return out;
    }
  }
}
