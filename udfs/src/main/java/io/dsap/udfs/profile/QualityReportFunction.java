package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.detect.DataSchema;
import io.dsap.engine.detect.SchemaDetector;
import io.dsap.engine.quality.QualityHistory;
import io.dsap.engine.quality.QualityReport;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.source.Fingerprint;
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
 * {@code quality_report(path [, weights])}: (scope, column_name, dimension, score, detail) per
 * table and per column; appends the table-level scores to {@code dsap.quality_history}.
 */
public final class QualityReportFunction {
  private QualityReportFunction() {}

  public static ScannableTable qualityReport(@Parameter(name = "path") String path,
      @Parameter(name = "weights", optional = true) String weights) {
    return new Report(path, QualityWeights.parse(weights));
  }

  private static final class Report extends AbstractTable implements ScannableTable {
    private final String path;
    private final QualityWeights weights;

    Report(String path, QualityWeights weights) {
      this.path = path;
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
      DataSchema schema = SchemaDetector.detectSchema(table.format(), table.file(), table.displayName(),
          ProfileFunctions.filesSchema(root).optionsFor(table.format()), SchemaDetector.ALL_ROWS, weights);
      List<Object[]> rows = new ArrayList<>();
      Map<String, Double> tableScores = new LinkedHashMap<>();
      for (QualityReport.Row r : QualityReport.rows(schema, weights)) {
        Double score = DetectSchemaFunction.round(r.score());
        rows.add(new Object[] {r.scope(), r.column(), r.dimension(), score, r.detail()});
        if (r.column() == null) {
          tableScores.put(r.dimension(), score);
        }
      }
      QualityHistory.forRoot(ProfileFunctions.filesSchema(root).root().path())
          .append(Instant.now(), table.displayName(), Fingerprint.of(table.file()), tableScores);
      return Linq4j.asEnumerable(rows);
    }
  }
}
