package io.dsap.udfs.profile;

import io.dsap.engine.quality.QualityHistory;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code dsap.quality_history}: the table-level scores recorded by quality_report, read at each query. */
final class QualityHistoryTable extends AbstractTable implements ScannableTable {
  private final QualityHistory history;

  QualityHistoryTable(QualityHistory history) {
    this.history = history;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("recorded_at", SqlTypeName.VARCHAR)
        .add("file", SqlTypeName.VARCHAR)
        .add("file_size", SqlTypeName.BIGINT)
        .add("file_mtime", SqlTypeName.BIGINT)
        .add("dimension", SqlTypeName.VARCHAR)
        .add("score", SqlTypeName.DOUBLE)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (QualityHistory.Entry e : history.read()) {
      rows.add(new Object[] {e.time(), e.file(), e.size(), e.mtime(), e.dimension(), e.score()});
    }
    return Linq4j.asEnumerable(rows);
  }
}
