package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/** Registers dsap's SQL functions on a connection's {@code files} schema. */
public final class DsapFunctions {
  /** Name of the default schema holding the file tables and the functions. */
  public static final String FILES_SCHEMA = "files";

  private DsapFunctions() {}

  /**
   * Adds the functions to {@code schema}, which wraps {@code files}. They live in a sub-schema of
   * the root (not the root itself) so {@code DatabaseMetaData.getFunctions} lists them.
   */
  public static void register(SchemaPlus schema, FilesSchema files) {
    schema.add("read_csv", new ReadCsvMacro(files));
    schema.add("file_info", TableFunctionImpl.create(FileInfoFunction.class, "fileInfo"));
  }
}
