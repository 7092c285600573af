package io.dsap.engine.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * dsap's SQL types where they differ from Calcite's defaults (ADR "AVG is a DOUBLE"): {@code AVG},
 * {@code STDDEV_*} and {@code VAR_*} of an exact number are DOUBLE, not the argument's type (Calcite
 * would give {@code AVG} of a DECIMAL(18,2) two decimals and {@code AVG} of an INTEGER an INTEGER);
 * {@code SUM} of an INTEGER is a BIGINT, so a sum of 32-bit values does not wrap at 2^31. Set on
 * every dsap connection (embedded and served) by the JDBC driver's {@code typeSystem} property.
 */
public final class DsapTypeSystem extends RelDataTypeSystemImpl {
  /** The instance connections use ({@code typeSystem=io.dsap.engine.calcite.DsapTypeSystem#INSTANCE}). */
  public static final RelDataTypeSystem INSTANCE = new DsapTypeSystem();

  private DsapTypeSystem() {}

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType)) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
          argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName t = argumentType.getSqlTypeName();
    if (t == SqlTypeName.INTEGER || t == SqlTypeName.SMALLINT || t == SqlTypeName.TINYINT) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
          argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }
}
