package io.dsap.udfs.validate;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.registry.SchemaRegistry;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import io.dsap.udfs.DsapFunctions;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/** What a validation function needs from the connection running it: its files and its registry. */
final class SqlContext {
  private SqlContext() {}

  static FilesSchema files(DataContext root) {
    return DsapFunctions.filesSchema(root);
  }

  static SchemaRegistry registry(FilesSchema files) {
    io.dsap.engine.config.Settings settings = DsapFunctions.settings(files);
    return settings == null ? SchemaRegistry.forRoot(files.root().path())
        : new SchemaRegistry(settings.registry(), Clock.systemUTC());
  }

  static DataValidator validator(DataContext root) {
    FilesSchema files = files(root);
    return DataValidator.of(DataFiles.of(files), registry(files), Clock.systemUTC());
  }

  /** The statement's cancel flag (set by Statement.cancel or a timeout), or a flag never set. */
  static AtomicBoolean cancelFlag(DataContext root) {
    AtomicBoolean f = DataContext.Variable.CANCEL_FLAG.get(root);
    return f == null ? new AtomicBoolean() : f;
  }

  static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
