package io.dsap.udfs.validate;

import io.dsap.engine.validate.SuggestedRule;
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

/** {@code suggest_rules(path)}: schema rules proposed from one pass over the data, with why and coverage. */
public final class SuggestRulesFunction {
  private SuggestRulesFunction() {}

  public static ScannableTable suggestRules(@Parameter(name = "path") String path) {
    String p = SqlContext.trim(path);
    return new AbstractTableScan(p);
  }

  private static final class AbstractTableScan extends AbstractTable implements ScannableTable {
    private final String path;

    AbstractTableScan(String path) {
      this.path = path;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("column_name", SqlTypeName.VARCHAR).nullable(true)
          .add("rule", SqlTypeName.VARCHAR)
          .add("why", SqlTypeName.VARCHAR)
          .add("coverage", SqlTypeName.DECIMAL, 5, 2)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<Object[]> rows = SqlContext.validator(root).suggestRules(path).stream().map(SuggestedRule::toRow).toList();
      return Linq4j.asEnumerable(rows);
    }
  }
}
