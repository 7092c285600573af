package io.dsap.engine.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The result of a file scan's generated code. Rows of one column are handed on as plain values
 * (Calcite's scalar format), not one-element arrays: operators that pass rows through unchanged
 * ({@code LIMIT}, {@code ORDER BY}) keep their input's format, and a JDBC result set of one column
 * reads its values as scalars.
 */
public final class ScanResults {
  private ScanResults() {}

  /** {@code rows} (an expression of an {@code Enumerable<Object[]>}) in the right format for {@code rowType}. */
  static EnumerableRel.Result of(EnumerableRelImplementor implementor, RelDataType rowType, Expression rows) {
    if (rowType.getFieldCount() == 1) {
      return implementor.result(PhysTypeImpl.of(implementor.getTypeFactory(), rowType, JavaRowFormat.SCALAR, false),
          Blocks.toBlock(Expressions.call(Types.lookupMethod(ScanResults.class, "firstColumn", Enumerable.class), rows)));
    }
    return implementor.result(PhysTypeImpl.of(implementor.getTypeFactory(), rowType, JavaRowFormat.ARRAY, false),
        Blocks.toBlock(rows));
  }

  /** Called by generated code: the first value of each row. */
  public static Enumerable<Object> firstColumn(Enumerable<Object[]> rows) {
    return rows.select(r -> r[0]);
  }
}
