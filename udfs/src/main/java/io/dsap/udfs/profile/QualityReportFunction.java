package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.DetectedSchemas;
import io.dsap.engine.detect.SchemaDetector;
import io.dsap.engine.quality.QualityHistory;
import io.dsap.engine.quality.QualityReport;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.quality.RuleResults;
import io.dsap.engine.source.Fingerprint;
import io.dsap.engine.validate.DataFiles;
import io.dsap.engine.validate.DataValidator;
import io.dsap.engine.validate.ValidationResult;
import java.time.Clock;
import io.dsap.udfs.validate.RegistryLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code quality_report(path [, schema], weights => ...)}: (scope, column_name, dimension, score,
 * detail) per table and per column; appends the table-level scores to {@code dsap.quality_history}.
 * With a schema (registered name, {@code name@v}, a schema file or text), validity also counts
 * the schema's value checks and table rules, from one validation pass.
 */
public final class QualityReportFunction {
  private QualityReportFunction() {}

  public static ScannableTable qualityReport(@Parameter(name = "path") String path,
      @Parameter(name = "schema", optional = true) String schema,
      @Parameter(name = "weights", optional = true) String weights) {
    return new Report(path, schema == null || schema.isBlank() ? null : schema.trim(), QualityWeights.parse(weights));
  }

  private static final class Report extends AbstractTable implements ScannableTable {
    private final String path;
    private final String schemaRef;
    private final QualityWeights weights;

    Report(String path, String schemaRef, QualityWeights weights) {
      this.path = path;
      this.schemaRef = schemaRef;
      this.weights = weights;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("scope", SqlTypeName.VARCHAR)
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("dimension", SqlTypeName.VARCHAR)
          .add("score", SqlTypeName.DOUBLE)
          .add("detail", SqlTypeName.VARCHAR)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FileTable table = ProfileFunctions.table(root, path);
      DataSchema schema = DetectedSchemas.detect(table.format(), table.file(), table.displayName(),
          ProfileFunctions.filesSchema(root).optionsFor(table.format()), SchemaDetector.ALL_ROWS, weights);
      List<Object[]> rows = new ArrayList<>();
      Map<String, Double> tableScores = new LinkedHashMap<>();
      RuleResults rules = RuleResults.NONE;
      if (schemaRef != null) {
        FilesSchema files = ProfileFunctions.filesSchema(root);
        DataValidator validator = DataValidator.of(DataFiles.of(files), RegistryLocation.registry(files),
            Clock.systemUTC());
        try (ValidationResult result = validator.validate(path.trim(), schemaRef, null)) {
          rules = RuleResults.of(label(schemaRef), result.summary());
        }
      }
      for (QualityReport.Row r : QualityReport.rows(schema, weights, rules)) {
        Double score = DetectSchemaFunction.round(r.score());
        rows.add(new Object[] {r.scope(), r.column(), r.dimension(), score, r.detail()});
        if (r.column() == null) {
          tableScores.put(r.dimension(), score);
        }
      }
      QualityHistory.inRegistry(RegistryLocation.of(ProfileFunctions.filesSchema(root)))
          .append(Instant.now(), table.displayName(), Fingerprint.of(table.file()), tableScores);
      return Linq4j.asEnumerable(rows);
    }
  }

  /** How details name the schema: its reference, or "text" for schema text given inline. */
  private static String label(String ref) {
    boolean text = ref.contains("\n") || ref.startsWith("{") || ref.startsWith("columns:") || ref.startsWith("rules:");
    return text ? "text" : ref;
  }
}
