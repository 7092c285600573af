package io.dsap.engine.calcite;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatRegistry;
import io.dsap.engine.source.DataRoot;
import io.dsap.engine.source.OutputRoot;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code out} schema: the files under the output root, as tables (empty until the first
 * export creates the folder). {@code CREATE TABLE out."x.parquet" AS ...} writes here.
 */
public final class OutputSchema extends AbstractSchema {
  private final OutputRoot root;
  private final FormatRegistry formats;
  private final FormatOptions options;
  private FilesSchema files;

  public OutputSchema(OutputRoot root, FormatRegistry formats, FormatOptions options) {
    this.root = root;
    this.formats = formats;
    this.options = options;
  }

  public OutputRoot root() {
    return root;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    FilesSchema f = files();
    return f == null ? Map.of() : f.tableMap();
  }

  /** Like {@link FilesSchema#listingVersion()}; -1 while the output folder does not exist. */
  public synchronized long listingVersion() {
    FilesSchema f = files();
    return f == null ? -1 : f.listingVersion();
  }

  private synchronized FilesSchema files() {
    if (files == null && root.exists()) {
      files = new FilesSchema(DataRoot.of(root.path()), formats, options);
    }
    return files;
  }
}
