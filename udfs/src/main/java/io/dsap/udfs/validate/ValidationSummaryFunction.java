package io.dsap.udfs.validate;

import io.dsap.engine.validate.CheckResult;
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
 * {@code validation_summary(path [, schema] [, rules])}: one row per check: rows checked,
 * failed, failed %, status (pass/warn/fail from severity and {@code mostly}) and the first failure.
 */
public final class ValidationSummaryFunction {
  private ValidationSummaryFunction() {}

  public static ScannableTable validationSummary(@Parameter(name = "path") String path,
      @Parameter(name = "schema", optional = true) String schema,
      @Parameter(name = "rules", optional = true) String rules) {
    return new Summary(SqlContext.trim(path), SqlContext.trim(schema), rules);
  }

  private static final class Summary extends AbstractTable implements ScannableTable {
    private final String path;
    private final String schema;
    private final String rules;

    Summary(String path, String schema, String rules) {
      this.path = path;
      this.schema = schema;
      this.rules = rules;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("check_name", SqlTypeName.VARCHAR)
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("severity", SqlTypeName.VARCHAR)
          .add("checked", SqlTypeName.BIGINT)
          .add("failed", SqlTypeName.BIGINT)
          .add("failed_pct", SqlTypeName.DECIMAL, 5, 2)
          .add("status", SqlTypeName.VARCHAR)
          .add("example", SqlTypeName.VARCHAR).nullable(true)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = new ArrayList<>();
      // after validate() of the same unchanged file (dsap validate does both) the file is not read again
      for (CheckResult c : SqlContext.validator(root).summary(path, schema, rules)) {
        rows.add(c.toRow());
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
