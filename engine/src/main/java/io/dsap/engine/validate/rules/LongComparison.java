package io.dsap.engine.validate.rules;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A rule that is one comparison of two columns, or of a column and a number, whose values are
 * stored as longs in the same unit (whole numbers, dates, times, timestamps, decimals of one
 * scale): {@code quantity > 0}, {@code ship_date >= order_date}. Evaluated on the batch's
 * vectors with SQL's result (NULL when a side is NULL), without boxing a value or calling the
 * generated code. Rules of any other shape return null from {@link #of} and run compiled.
 */
public final class LongComparison {
  /** Results of {@link #test}. */
  public static final int FALSE = 0;
  public static final int TRUE = 1;
  public static final int NULL = 2;

  private final SqlKind op;
  private final int left; // column index, or -1 for the constant
  private final int right;
  private final long constant;

  private LongComparison(SqlKind op, int left, int right, long constant) {
    this.op = op;
    this.left = left;
    this.right = right;
    this.constant = constant;
  }

  /** The comparison {@code e} over {@code columns}, or null when it has another shape. */
  public static LongComparison of(RexNode e, List<ColumnSpec> columns) {
    if (!(e instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    SqlKind op = call.getKind();
    if (op != SqlKind.EQUALS && op != SqlKind.NOT_EQUALS && op != SqlKind.LESS_THAN
        && op != SqlKind.LESS_THAN_OR_EQUAL && op != SqlKind.GREATER_THAN && op != SqlKind.GREATER_THAN_OR_EQUAL) {
      return null;
    }
    Integer a = column(call.getOperands().get(0), columns);
    Integer b = column(call.getOperands().get(1), columns);
    if (a != null && b != null) {
      ColumnSpec x = columns.get(a);
      ColumnSpec y = columns.get(b);
      return sameUnit(x, y) ? new LongComparison(op, a, b, 0) : null;
    }
    if (a != null) {
      Long k = constant(call.getOperands().get(1), columns.get(a));
      return k == null ? null : new LongComparison(op, a, -1, k);
    }
    if (b != null) {
      Long k = constant(call.getOperands().get(0), columns.get(b));
      return k == null ? null : new LongComparison(op, -1, b, k);
    }
    return null;
  }

  /** The file column a long-stored operand reads (through a cast between whole-number types), or null. */
  private static Integer column(RexNode n, List<ColumnSpec> columns) {
    if (n instanceof RexCall cast && cast.getKind() == SqlKind.CAST && wholeNumber(cast.getType().getSqlTypeName())
        && wholeNumber(cast.getOperands().get(0).getType().getSqlTypeName())) {
      n = cast.getOperands().get(0);
    }
    if (!(n instanceof RexInputRef ref)) {
      return null;
    }
    ColumnSpec spec = columns.get(ref.getIndex());
    return longStored(spec) ? ref.getIndex() : null;
  }

  private static boolean wholeNumber(SqlTypeName t) {
    return t == SqlTypeName.TINYINT || t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER
        || t == SqlTypeName.BIGINT;
  }

  private static boolean longStored(ColumnSpec s) {
    ColumnType t = s.type();
    return t == ColumnType.INTEGER || t == ColumnType.BIGINT || t == ColumnType.DATE || t == ColumnType.TIME
        || t == ColumnType.TIMESTAMP || t == ColumnType.DECIMAL && s.precision() <= ColumnSpec.LONG_DECIMAL_PRECISION;
  }

  private static boolean sameUnit(ColumnSpec x, ColumnSpec y) {
    boolean wholeX = x.type() == ColumnType.INTEGER || x.type() == ColumnType.BIGINT;
    boolean wholeY = y.type() == ColumnType.INTEGER || y.type() == ColumnType.BIGINT;
    if (wholeX || wholeY) {
      return wholeX && wholeY;
    }
    return x.type() == y.type() && (x.type() != ColumnType.DECIMAL || x.scale() == y.scale());
  }

  /** A number literal in the unit {@code spec}'s column stores (decimals unscaled), if exact; else null. */
  private static Long constant(RexNode n, ColumnSpec spec) {
    if (!(n instanceof RexLiteral lit) || lit.isNull()
        || lit.getType().getSqlTypeName().getFamily() != SqlTypeFamily.NUMERIC) {
      return null;
    }
    if (spec.type() != ColumnType.INTEGER && spec.type() != ColumnType.BIGINT && spec.type() != ColumnType.DECIMAL) {
      return null; // a number against a date: the compiled code knows what SQL does
    }
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    if (v == null) {
      return null;
    }
    try {
      return v.movePointRight(spec.type() == ColumnType.DECIMAL ? spec.scale() : 0).longValueExact();
    } catch (ArithmeticException e) {
      return null; // a fraction, or beyond a long: compiled
    }
  }

  /** {@link #TRUE}, {@link #FALSE} or {@link #NULL} for row {@code r} of the file's columns {@code vectors}. */
  public int test(ColumnVector[] vectors, int r) {
    long x;
    long y;
    if (left >= 0) {
      ColumnVector v = vectors[left];
      if (v.isNull(r)) {
        return NULL;
      }
      x = ((LongVector) v).values()[r];
    } else {
      x = constant;
    }
    if (right >= 0) {
      ColumnVector v = vectors[right];
      if (v.isNull(r)) {
        return NULL;
      }
      y = ((LongVector) v).values()[r];
    } else {
      y = constant;
    }
    boolean t;
    switch (op) {
      case EQUALS: t = x == y; break;
      case NOT_EQUALS: t = x != y; break;
      case LESS_THAN: t = x < y; break;
      case LESS_THAN_OR_EQUAL: t = x <= y; break;
      case GREATER_THAN: t = x > y; break;
      default: t = x >= y; break;
    }
    return t ? TRUE : FALSE;
  }
}
