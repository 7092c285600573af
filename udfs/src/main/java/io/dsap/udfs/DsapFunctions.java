package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/** Registers dsap's SQL functions on a connection's {@code files} schema. */
public final class DsapFunctions {
  /** Name of the default schema holding the file tables and the functions. */
  public static final String FILES_SCHEMA = "files";

  /** Parameter names of dsap's functions with named parameters, by lower-case function name. */
  private static final Map<String, List<String>> PARAMETER_NAMES = Map.of(
      "read_csv", names(ReadCsvMacro.PARAMETERS),
      "file_info", List.of("path"),
      "rejects", List.of("path"));

  private DsapFunctions() {}

  /** The parameter names of function {@code name} in order, or null if it is not ours. */
  public static List<String> parameterNames(String name) {
    return PARAMETER_NAMES.get(name.toLowerCase(Locale.ROOT));
  }

  private static List<String> names(List<FunctionParameter> params) {
    return params.stream().map(FunctionParameter::getName).toList();
  }

  /**
   * Adds the functions to {@code schema}, which wraps {@code files}. They live in a sub-schema of
   * the root (not the root itself) so {@code DatabaseMetaData.getFunctions} lists them.
   */
  public static void register(SchemaPlus schema, FilesSchema files) {
    schema.add("read_csv", new ReadCsvMacro(files));
    schema.add("file_info", TableFunctionImpl.create(FileInfoFunction.class, "fileInfo"));
    schema.add("rejects", TableFunctionImpl.create(RejectsFunction.class, "rejects"));
  }
}
