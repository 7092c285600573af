package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.detect.Correlations;
import java.util.ArrayList;
import java.util.List;
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
 * {@code correlations(path)}: Pearson and Spearman for numeric pairs, Cramér's V for pairs of
 * low-cardinality columns (see {@link Correlations} for the sample limit).
 */
public final class CorrelationsFunction {
  private CorrelationsFunction() {}

  public static ScannableTable correlations(@Parameter(name = "path") String path,
      @Parameter(name = "sample_rows", optional = true) Integer sampleRows) {
    int rows = sampleRows == null ? Correlations.DEFAULT_SAMPLE_ROWS : sampleRows;
    if (rows < 2) {
      throw io.dsap.engine.error.Errors.invalidOption("sample_rows", rows,
          "at least 2 rows (default " + Correlations.DEFAULT_SAMPLE_ROWS + ")");
    }
    return new Corr(path, rows);
  }

  private static final class Corr extends AbstractTable implements ScannableTable {
    private final String path;
    private final int sampleRows;

    Corr(String path, int sampleRows) {
      this.path = path;
      this.sampleRows = sampleRows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("column_a", SqlTypeName.VARCHAR)
          .add("column_b", SqlTypeName.VARCHAR)
          .add("metric", SqlTypeName.VARCHAR)
          .add("coefficient", SqlTypeName.DOUBLE).nullable(true)
          .add("n", SqlTypeName.BIGINT)
          .add("sampled", SqlTypeName.BOOLEAN)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FileTable table = ProfileFunctions.table(root, path);
      List<Object[]> rows = new ArrayList<>();
      for (Correlations.Correlation c : Correlations.compute(table.source(), sampleRows)) {
        rows.add(new Object[] {c.columnA(), c.columnB(), c.method(), DetectSchemaFunction.round(c.value()), c.n(),
            c.sampled()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
