package io.dsap.udfs.clean;

import io.dsap.engine.calcite.SqlTypes;
import io.dsap.engine.transform.DataTransformer;
import io.dsap.engine.transform.TransformPlan;
import io.dsap.engine.transform.TransformResult;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/** The rows of {@code clean(...)}: the plan's apply pass, streamed as the query reads them. */
final class CleanTable extends RowsTable {
  private final TransformPlan plan;

  CleanTable(DataTransformer transformer, TransformPlan plan) {
    this.plan = plan;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return SqlTypes.rowType(f, plan.columns());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        TransformResult rows = DataTransformer.apply(plan);
        return new Enumerator<>() {
          private Object[] current;

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            if (!rows.hasNext()) {
              return false;
            }
            current = rows.next();
            return true;
          }

          @Override
          public void reset() {
            throw new UnsupportedOperationException("clean() is read once");
          }

          @Override
          public void close() {
            rows.close();
          }
        };
      }
    };
  }
}
