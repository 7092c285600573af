package io.dsap.udfs.functions;

import io.dsap.engine.format.FormatReader;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code dsap.functions}: one row per dsap function, from {@link FunctionCatalog}. */
final class FunctionsTable extends AbstractTable implements ScannableTable {
  private final List<FormatReader> formats;

  FunctionsTable(List<FormatReader> formats) {
    this.formats = formats;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder()
        .add("name", SqlTypeName.VARCHAR)
        .add("kind", SqlTypeName.VARCHAR)
        .add("signature", SqlTypeName.VARCHAR)
        .add("description", SqlTypeName.VARCHAR)
        .add("example", SqlTypeName.VARCHAR)
        .build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(FunctionCatalog.entries(formats).stream()
        .map(e -> new Object[] {e.name(), e.kind().label(), e.signature(), e.description(), e.example()})
        .toList());
  }
}
