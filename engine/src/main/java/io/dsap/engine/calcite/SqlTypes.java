package io.dsap.engine.calcite;

import io.dsap.engine.types.ColumnSpec;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps dsap column types to Calcite row types. */
public final class SqlTypes {
  private SqlTypes() {}

  public static RelDataType rowType(RelDataTypeFactory f, List<ColumnSpec> columns) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnSpec c : columns) {
      b.add(c.name(), f.createTypeWithNullability(type(f, c), true));
    }
    return b.build();
  }

  static RelDataType type(RelDataTypeFactory f, ColumnSpec c) {
    switch (c.type()) {
      case BOOLEAN: return f.createSqlType(SqlTypeName.BOOLEAN);
      case INTEGER: return f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT: return f.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL: return f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
      case DOUBLE: return f.createSqlType(SqlTypeName.DOUBLE);
      case DATE: return f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP: return f.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case TIME: return f.createSqlType(SqlTypeName.TIME, 3);
      case VARBINARY: return f.createSqlType(SqlTypeName.VARBINARY);
      default: return f.createSqlType(SqlTypeName.VARCHAR);
    }
  }
}
