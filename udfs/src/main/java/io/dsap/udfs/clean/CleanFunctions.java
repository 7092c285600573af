package io.dsap.udfs.clean;

import io.dsap.engine.calcite.FilesSchema;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.SchemaPlus;

/** Registers {@code clean} and {@code transform_report}. */
public final class CleanFunctions {
  private CleanFunctions() {}

  /** Adds the functions to {@code schema}; returns their parameter names (for positional-then-named calls). */
  public static Map<String, List<String>> register(SchemaPlus schema, FilesSchema files) {
    CleanMacro clean = new CleanMacro(files, false);
    CleanMacro report = new CleanMacro(files, true);
    schema.add("clean", clean);
    schema.add("transform_report", report);
    return Map.of("clean", clean.parameterNames(), "transform_report", report.parameterNames());
  }
}
