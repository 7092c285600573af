package io.dsap.udfs;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.config.Settings;
import io.dsap.engine.format.FormatReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/** Registers dsap's SQL functions on a connection's {@code files} schema. */
public final class DsapFunctions {
  /** Name of the default schema holding the file tables and the functions. */
  public static final String FILES_SCHEMA = "files";

  /** Parameter names of dsap's functions, by lower-case function name (positional arguments). */
  private static final Map<String, List<String>> PARAMETER_NAMES = new ConcurrentHashMap<>(Map.of(
      "file_info", List.of("path"),
      "rejects", List.of("path"),
      "validate", List.of("path", "schema", "rules"),
      "validation_summary", List.of("path", "schema", "rules"),
      "suggest_rules", List.of("path"),
      "register_schema", List.of("name", "source"),
      "schema_diff", List.of("a", "b")));

  /** Each connection's settings, by its files schema (weak: a closed connection's entry goes with it). */
  private static final Map<FilesSchema, Settings> SETTINGS = java.util.Collections.synchronizedMap(new WeakHashMap<>());

  private DsapFunctions() {}

  /**
   * Registers the functions like {@link #register(SchemaPlus, FilesSchema)} with the connection's settings: they
   * are {@code dsap.settings}, and the functions use them (the registry folder).
   */
  public static void register(SchemaPlus schema, FilesSchema files, Settings settings) {
    SETTINGS.put(files, settings);
    register(schema, files);
    SchemaPlus root = schema.getParentSchema();
    if (root != null) {
      io.dsap.udfs.validate.ValidationFunctions.systemSchema(root).add("settings", new SettingsTable(settings));
    }
  }

  /** The settings of the connection that owns {@code files}, or null when it was registered without them. */
  public static Settings settings(FilesSchema files) {
    return SETTINGS.get(files);
  }

  /** The {@code files} schema of the connection running a query (for table functions' scans). */
  public static FilesSchema filesSchema(DataContext root) {
    SchemaPlus rootSchema = root.getRootSchema();
    SchemaPlus files = rootSchema == null ? null : rootSchema.subSchemas().get(FILES_SCHEMA);
    FilesSchema s = files == null ? null : files.unwrap(FilesSchema.class);
    if (s == null) {
      throw new io.dsap.engine.error.DsapException(io.dsap.engine.error.ErrorCode.INTERNAL,
          "the files schema is not registered on this connection");
    }
    return s;
  }

  /** The parameter names of function {@code name} in order, or null if it is not ours. */
  public static List<String> parameterNames(String name) {
    return PARAMETER_NAMES.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Adds the functions to {@code schema}, which wraps {@code files}. They live in a sub-schema of
   * the root (not the root itself) so {@code DatabaseMetaData.getFunctions} lists them.
   */
  public static void register(SchemaPlus schema, FilesSchema files) {
    for (FormatReader f : files.formats().formats()) {
      ReadMacro m = ReadMacro.of(files, f);
      schema.add("read_" + f.name(), m);
      PARAMETER_NAMES.put("read_" + f.name(), m.parameterNames());
    }
    ReadMacro auto = ReadMacro.autodetect(files);
    schema.add("read_file", auto);
    PARAMETER_NAMES.put("read_file", auto.parameterNames());
    schema.add("file_info", TableFunctionImpl.create(FileInfoFunction.class, "fileInfo"));
    schema.add("rejects", TableFunctionImpl.create(RejectsFunction.class, "rejects"));
    io.dsap.udfs.validate.ValidationFunctions.register(schema, files);
    io.dsap.udfs.profile.ProfileFunctions.register(schema, files);
    PARAMETER_NAMES.putAll(io.dsap.udfs.profile.ProfileFunctions.PARAMETER_NAMES);
    io.dsap.udfs.functions.UdfLibrary.register(schema, files);
    PARAMETER_NAMES.putAll(io.dsap.udfs.clean.CleanFunctions.register(schema, files));
  }
}
