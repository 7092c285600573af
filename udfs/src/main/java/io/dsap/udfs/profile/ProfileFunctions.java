package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.FormatOptions;
import io.dsap.udfs.DsapFunctions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/** Registers the profiling and detection table functions and gives them their file. */
public final class ProfileFunctions {
  /** Parameter names by function, for positional-then-named calls (see DsapFunctions). */
  public static final Map<String, List<String>> PARAMETER_NAMES = Map.of(
      "profile", List.of("path"),
      "detect_schema", List.of("path", "sample_size"),
      // weights is named-only: a third positional argument is refused (DsapSqlParser)
      "quality_report", List.of("path", "schema"),
      "detect_keys", List.of("path"),
      "correlations", List.of("path", "sample_rows"),
      "detect_relationships", List.of("dir", "min_coverage"));

  private ProfileFunctions() {}

  public static void register(SchemaPlus schema, FilesSchema files) {
    schema.add("profile", TableFunctionImpl.create(ProfileFunction.class, "profile"));
    schema.add("detect_schema", TableFunctionImpl.create(DetectSchemaFunction.class, "detectSchema"));
    schema.add("quality_report", TableFunctionImpl.create(QualityReportFunction.class, "qualityReport"));
    schema.add("detect_keys", TableFunctionImpl.create(DetectKeysFunction.class, "detectKeys"));
    schema.add("correlations", TableFunctionImpl.create(CorrelationsFunction.class, "correlations"));
    schema.add("detect_relationships", TableFunctionImpl.create(DetectRelationshipsFunction.class,
        "detectRelationships"));
    SchemaPlus root = schema.getParentSchema();
    if (root != null) {
      io.dsap.udfs.validate.ValidationFunctions.systemSchema(root).add("quality_history",
          new QualityHistoryTable(io.dsap.engine.quality.QualityHistory.inRegistry(
              io.dsap.udfs.validate.RegistryLocation.of(files))));
    }
  }

  /** The {@code files} schema of the connection running the query. */
  static FilesSchema filesSchema(DataContext root) {
    return DsapFunctions.filesSchema(root);
  }

  /** The table of {@code path} (relative to the root), detected with the connection's options. */
  static FileTable table(DataContext root, String path) {
    FilesSchema files = filesSchema(root);
    if (path == null || path.isBlank()) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "path is empty: name a file under the data root,"
          + " e.g. profile('orders.csv')");
    }
    Path file = files.root().resolveFile(path.trim());
    return files.table(file, files.formats().detect(file), "", FormatOptions.NONE);
  }
}
