package io.dsap.engine.calcite;

import io.dsap.engine.filter.Expr;
import io.dsap.engine.filter.RowFilter;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;
import com.google.common.collect.Range;

/**
 * Translates the conjuncts of a {@code WHERE} condition over a file scan into {@link Expr}s a scan
 * evaluates over vectors. A conjunct is translated only when its vector form gives exactly what
 * Calcite's generated code gives and cannot fail where Calcite's would not (no division, MOD only
 * by a non-zero constant, decimal arithmetic only where the result type's precision rules out
 * overflow, string comparisons only for equality); every other conjunct stays a residual filter.
 */
final class FilterTranslator {
  /** What could be pushed (null when nothing) and what is left for Calcite (null when nothing). */
  record Split(RowFilter pushed, RexNode residual) {}

  /** A translated value: for LONG, the decimal scale of its unscaled values and a bound on its digits. */
  private record V(Expr expr, SqlTypeFamily family, int scale, int digits) {
    Expr.Kind kind() {
      return expr.kind();
    }
  }

  private static final int MAX_DIGITS = 18; // |x| < 10^18 fits a long with room for a sign

  private final int[] fields;
  private final List<ColumnSpec> columns;
  private final RexBuilder rexBuilder;

  private FilterTranslator(int[] fields, List<ColumnSpec> columns, RexBuilder rexBuilder) {
    this.fields = fields;
    this.columns = columns;
    this.rexBuilder = rexBuilder;
  }

  /**
   * Splits {@code condition} (over a scan that outputs the table columns {@code fields}) into the
   * conjuncts a scan can evaluate and the rest.
   */
  static Split split(RexNode condition, int[] fields, List<ColumnSpec> columns, RexBuilder rexBuilder) {
    FilterTranslator t = new FilterTranslator(fields, columns, rexBuilder);
    List<Expr> pushed = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      V v = t.translate(c);
      if (v != null && v.kind() == Expr.Kind.BOOL) {
        pushed.add(v.expr());
      } else {
        rest.add(c);
      }
    }
    RowFilter filter = pushed.isEmpty() ? null
        : new RowFilter(pushed.size() == 1 ? pushed.get(0) : new Expr.Logic(true, pushed));
    return new Split(filter, rest.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, rest));
  }

  private V translate(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return column(ref);
    }
    if (node instanceof RexLiteral lit) {
      return literal(lit, lit.getType());
    }
    if (!(node instanceof RexCall call)) {
      return null; // parameters, correlations, ...
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND:
      case OR: {
        List<Expr> in = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
          V v = translate(o);
          if (v == null || v.kind() != Expr.Kind.BOOL) {
            return null;
          }
          in.add(v.expr());
        }
        return bool(new Expr.Logic(kind == SqlKind.AND, in));
      }
      case NOT: {
        V v = translate(call.getOperands().get(0));
        return v == null || v.kind() != Expr.Kind.BOOL ? null : bool(new Expr.Not(v.expr()));
      }
      case IS_NULL:
      case IS_NOT_NULL:
      case IS_TRUE:
      case IS_NOT_TRUE:
      case IS_FALSE:
      case IS_NOT_FALSE: {
        V v = translate(call.getOperands().get(0));
        if (v == null || (kind != SqlKind.IS_NULL && kind != SqlKind.IS_NOT_NULL && v.kind() != Expr.Kind.BOOL)) {
          return null;
        }
        return bool(new Expr.Is(Expr.Test.valueOf(kind.name()), v.expr()));
      }
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return compare(call);
      case SEARCH:
        return search(call);
      case PLUS:
      case MINUS:
      case TIMES:
      case MOD:
      case MINUS_PREFIX:
        return arith(call);
      case CAST:
        return cast(call);
      default:
        return null;
    }
  }

  private static V bool(Expr e) {
    return new V(e, SqlTypeFamily.BOOLEAN, 0, 0);
  }

  private V column(RexInputRef ref) {
    int column = fields[ref.getIndex()];
    ColumnSpec c = columns.get(column);
    String name = c.name();
    switch (c.type()) {
      case INTEGER: return new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.NUMERIC, 0, 10);
      case BIGINT: return new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.NUMERIC, 0, 19);
      case DECIMAL:
        return c.precision() > ColumnSpec.LONG_DECIMAL_PRECISION ? null
            : new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.NUMERIC, c.scale(), c.precision());
      case DOUBLE: return new V(new Expr.Column(column, Expr.Kind.DOUBLE, name), SqlTypeFamily.APPROXIMATE_NUMERIC, 0, 0);
      case DATE: return new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.DATE, 0, 19);
      case TIMESTAMP: return new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.TIMESTAMP, 0, 19);
      case TIME: return new V(new Expr.Column(column, Expr.Kind.LONG, name), SqlTypeFamily.TIME, 0, 19);
      case VARCHAR: return new V(new Expr.Column(column, Expr.Kind.STRING, name), SqlTypeFamily.CHARACTER, 0, 0);
      case BOOLEAN: return new V(new Expr.Column(column, Expr.Kind.BOOL, name), SqlTypeFamily.BOOLEAN, 0, 0);
      default: return null;
    }
  }

  private V literal(RexLiteral lit, RelDataType type) {
    SqlTypeName t = type.getSqlTypeName();
    String text = lit.toString();
    boolean isNull = lit.isNull();
    switch (t) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DECIMAL: {
        int scale = t == SqlTypeName.DECIMAL ? type.getScale() : 0;
        if (isNull) {
          return new V(new Expr.Constant(Expr.Kind.LONG, null, text), SqlTypeFamily.NUMERIC, scale, 0);
        }
        BigDecimal value = lit.getValueAs(BigDecimal.class);
        return value == null ? null : exact(value, scale, text);
      }
      case DOUBLE:
      case FLOAT:
      case REAL: {
        Double d = isNull ? null : lit.getValueAs(Double.class);
        return new V(new Expr.Constant(Expr.Kind.DOUBLE, d, text), SqlTypeFamily.APPROXIMATE_NUMERIC, 0, 0);
      }
      case CHAR:
      case VARCHAR: {
        NlsString s = isNull ? null : lit.getValueAs(NlsString.class);
        byte[] bytes = s == null ? null : s.getValue().getBytes(StandardCharsets.UTF_8);
        return new V(new Expr.Constant(Expr.Kind.STRING, bytes, text), SqlTypeFamily.CHARACTER, 0, 0);
      }
      case BOOLEAN:
        return new V(new Expr.Constant(Expr.Kind.BOOL, isNull ? null : lit.getValueAs(Boolean.class), text),
            SqlTypeFamily.BOOLEAN, 0, 0);
      case DATE: {
        Long days = isNull ? null : (long) lit.getValueAs(DateString.class).getDaysSinceEpoch();
        return new V(new Expr.Constant(Expr.Kind.LONG, days, text), SqlTypeFamily.DATE, 0, 19);
      }
      case TIMESTAMP: {
        Long millis = isNull ? null : lit.getValueAs(TimestampString.class).getMillisSinceEpoch();
        return new V(new Expr.Constant(Expr.Kind.LONG, millis, text), SqlTypeFamily.TIMESTAMP, 0, 19);
      }
      default:
        return null;
    }
  }

  /** An exact number at {@code scale} (null when it does not fit in a long at that scale). */
  private static V exact(BigDecimal value, int scale, String text) {
    if (value.scale() > scale && value.stripTrailingZeros().scale() > scale) {
      return null;
    }
    BigInteger unscaled = value.setScale(scale).unscaledValue();
    if (unscaled.bitLength() > 63) {
      return null;
    }
    long u = unscaled.longValueExact();
    int digits = Long.toString(Math.abs(u)).length();
    return new V(new Expr.Constant(Expr.Kind.LONG, u, text), SqlTypeFamily.NUMERIC, scale, digits);
  }

  /** {@code v} (LONG) at the larger {@code scale}, or null when its values could overflow there. */
  private static V rescale(V v, int scale) {
    if (v.scale() == scale) {
      return v;
    }
    int up = scale - v.scale();
    if (up < 0 || v.digits() + up > MAX_DIGITS) {
      return null;
    }
    long factor = BigInteger.TEN.pow(up).longValueExact();
    if (v.expr() instanceof Expr.Constant c) {
      Long value = (Long) c.value();
      return new V(new Expr.Constant(Expr.Kind.LONG, value == null ? null : value * factor, c.text()), v.family(),
          scale, v.digits() + up);
    }
    return new V(new Expr.Rescale(v.expr(), factor), v.family(), scale, v.digits() + up);
  }

  private static V toDouble(V v) {
    if (v.kind() == Expr.Kind.DOUBLE) {
      return v;
    }
    if (v.kind() != Expr.Kind.LONG || v.family() != SqlTypeFamily.NUMERIC) {
      return null;
    }
    if (v.expr() instanceof Expr.Constant c) {
      Long value = (Long) c.value();
      Double d = value == null ? null : BigDecimal.valueOf(value, v.scale()).doubleValue();
      return new V(new Expr.Constant(Expr.Kind.DOUBLE, d, c.text()), SqlTypeFamily.APPROXIMATE_NUMERIC, 0, 0);
    }
    return new V(new Expr.ToDouble(v.expr(), v.scale()), SqlTypeFamily.APPROXIMATE_NUMERIC, 0, 0);
  }

  private V compare(RexCall call) {
    V l = translate(call.getOperands().get(0));
    V r = translate(call.getOperands().get(1));
    if (l == null || r == null) {
      return null;
    }
    Expr.CompareOp op = switch (call.getKind()) {
      case EQUALS -> Expr.CompareOp.EQ;
      case NOT_EQUALS -> Expr.CompareOp.NE;
      case LESS_THAN -> Expr.CompareOp.LT;
      case LESS_THAN_OR_EQUAL -> Expr.CompareOp.LE;
      case GREATER_THAN -> Expr.CompareOp.GT;
      default -> Expr.CompareOp.GE;
    };
    if (l.kind() == Expr.Kind.STRING || r.kind() == Expr.Kind.STRING) {
      // equality only: Calcite orders strings as UTF-16, the vectors hold UTF-8
      boolean ok = l.kind() == r.kind() && (op == Expr.CompareOp.EQ || op == Expr.CompareOp.NE);
      return ok ? bool(new Expr.Compare(op, l.expr(), r.expr())) : null;
    }
    if (l.kind() == Expr.Kind.BOOL || r.kind() == Expr.Kind.BOOL) {
      return l.kind() == r.kind() ? bool(new Expr.Compare(op, l.expr(), r.expr())) : null;
    }
    if (l.kind() == Expr.Kind.DOUBLE || r.kind() == Expr.Kind.DOUBLE) {
      // Java compares a double with an int or a long by widening it; decimals need an explicit CAST
      if ((l.kind() == Expr.Kind.LONG && l.scale() != 0) || (r.kind() == Expr.Kind.LONG && r.scale() != 0)) {
        return null;
      }
      V a = toDouble(l);
      V b = toDouble(r);
      return a == null || b == null ? null : bool(new Expr.Compare(op, a.expr(), b.expr()));
    }
    if (l.family() != r.family()) {
      return null;
    }
    int scale = Math.max(l.scale(), r.scale());
    V a = rescale(l, scale);
    V b = rescale(r, scale);
    return a == null || b == null ? null : bool(new Expr.Compare(op, a.expr(), b.expr()));
  }

  private V search(RexCall call) {
    V in = translate(call.getOperands().get(0));
    if (in == null) {
      return null;
    }
    RexLiteral lit = (RexLiteral) call.getOperands().get(1);
    Sarg<?> sarg = lit.getValueAs(Sarg.class);
    if (sarg != null && sarg.isPoints() && (in.kind() == Expr.Kind.STRING || in.kind() == Expr.Kind.LONG)) {
      Set<Object> values = new LinkedHashSet<>();
      for (Range<?> range : sarg.rangeSet.asRanges()) {
        Object p = range.lowerEndpoint();
        if (in.kind() == Expr.Kind.STRING) {
          if (!(p instanceof NlsString s)) {
            return null;
          }
          values.add(s.getValue());
        } else {
          Long v = point(p, in);
          if (v == null) {
            return null;
          }
          values.add(v);
        }
      }
      Boolean nullAs = sarg.nullAs == RexUnknownAs.UNKNOWN ? null : sarg.nullAs == RexUnknownAs.TRUE;
      String text = values.toString().replace('[', '(').replace(']', ')');
      return bool(new Expr.In(in.expr(), values, nullAs, text));
    }
    return translate(RexUtil.expandSearch(rexBuilder, null, call));
  }

  /** A point of a Sarg as a value comparable with {@code in}'s, or null. */
  private static Long point(Object p, V in) {
    if (in.family() == SqlTypeFamily.NUMERIC && p instanceof BigDecimal d) {
      if (d.stripTrailingZeros().scale() > in.scale()) {
        return null; // not a value of the column at all: let Calcite decide
      }
      BigInteger u = d.setScale(in.scale()).unscaledValue();
      return u.bitLength() < 63 ? u.longValue() : null;
    }
    if (in.family() == SqlTypeFamily.DATE && p instanceof DateString d) {
      return (long) d.getDaysSinceEpoch();
    }
    if (in.family() == SqlTypeFamily.TIMESTAMP && p instanceof TimestampString t) {
      return t.getMillisSinceEpoch();
    }
    return null;
  }

  private V arith(RexCall call) {
    RelDataType type = call.getType();
    SqlTypeName t = type.getSqlTypeName();
    SqlKind kind = call.getKind();
    Expr.ArithOp op = switch (kind) {
      case PLUS -> Expr.ArithOp.PLUS;
      case MINUS -> Expr.ArithOp.MINUS;
      case TIMES -> Expr.ArithOp.TIMES;
      case MOD -> Expr.ArithOp.MOD;
      default -> Expr.ArithOp.NEGATE;
    };
    V l = translate(call.getOperands().get(0));
    V r = op == Expr.ArithOp.NEGATE ? null : translate(call.getOperands().get(1));
    if (l == null || (op != Expr.ArithOp.NEGATE && r == null)) {
      return null;
    }
    if (t == SqlTypeName.DOUBLE) {
      if (op == Expr.ArithOp.MOD) {
        return null;
      }
      V a = toDouble(l);
      V b = r == null ? null : toDouble(r);
      if (a == null || (r != null && b == null)) {
        return null;
      }
      return new V(new Expr.Arith(op, a.expr(), b == null ? null : b.expr(), Expr.Kind.DOUBLE, false, false),
          SqlTypeFamily.APPROXIMATE_NUMERIC, 0, 0);
    }
    boolean numeric = l.kind() == Expr.Kind.LONG && l.family() == SqlTypeFamily.NUMERIC
        && (r == null || (r.kind() == Expr.Kind.LONG && r.family() == SqlTypeFamily.NUMERIC));
    if (!numeric) {
      return null;
    }
    if (op == Expr.ArithOp.MOD) {
      // only by a non-zero constant: the scan evaluates every row, Calcite only the ones it reaches
      if (!(r.expr() instanceof Expr.Constant c) || c.value() == null || (Long) c.value() == 0
          || l.scale() != 0 || r.scale() != 0 || (t != SqlTypeName.INTEGER && t != SqlTypeName.BIGINT)) {
        return null;
      }
      return new V(new Expr.Arith(op, l.expr(), r.expr(), Expr.Kind.LONG, false, false), SqlTypeFamily.NUMERIC, 0,
          Math.min(l.digits(), r.digits()));
    }
    if (t == SqlTypeName.INTEGER || t == SqlTypeName.BIGINT) {
      if (l.scale() != 0 || (r != null && r.scale() != 0)) {
        return null;
      }
      // Calcite's generated Java wraps int and long arithmetic; so does this
      return new V(new Expr.Arith(op, l.expr(), r == null ? null : r.expr(), Expr.Kind.LONG,
          t == SqlTypeName.INTEGER, false), SqlTypeFamily.NUMERIC, 0, t == SqlTypeName.INTEGER ? 10 : 19);
    }
    if (t == SqlTypeName.DECIMAL) {
      int precision = type.getPrecision();
      int scale = type.getScale();
      if (precision > MAX_DIGITS) {
        return null;
      }
      V a = l;
      V b = r;
      if (op == Expr.ArithOp.TIMES) {
        if (l.scale() + r.scale() != scale) {
          return null;
        }
      } else {
        a = rescale(l, scale);
        b = r == null ? null : rescale(r, scale);
        if (a == null || (r != null && b == null)) {
          return null;
        }
      }
      return new V(new Expr.Arith(op, a.expr(), b == null ? null : b.expr(), Expr.Kind.LONG, false, true),
          SqlTypeFamily.NUMERIC, scale, precision);
    }
    return null;
  }

  private V cast(RexCall call) {
    RexNode operand = call.getOperands().get(0);
    RelDataType from = operand.getType();
    RelDataType to = call.getType();
    if (operand instanceof RexLiteral lit && !lit.isNull() && SqlTypeFamily.EXACT_NUMERIC.contains(from)
        && SqlTypeFamily.EXACT_NUMERIC.contains(to)) {
      // a number cast to a column's type: pushed only when the value is exact in that type
      BigDecimal value = lit.getValueAs(BigDecimal.class);
      SqlTypeName t = to.getSqlTypeName();
      if (value == null || (t == SqlTypeName.INTEGER && value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)
          || (t != SqlTypeName.DECIMAL && t != SqlTypeName.INTEGER && t != SqlTypeName.BIGINT)) {
        return null;
      }
      V v = exact(value, t == SqlTypeName.DECIMAL ? to.getScale() : 0, lit.toString());
      return v == null || (t == SqlTypeName.DECIMAL && v.digits() > to.getPrecision()) ? null : v;
    }
    V v = translate(operand);
    if (v == null) {
      return null;
    }
    SqlTypeName f = from.getSqlTypeName();
    SqlTypeName t = to.getSqlTypeName();
    if (f == t && (t != SqlTypeName.DECIMAL || (from.getScale() == to.getScale()
        && from.getPrecision() <= to.getPrecision()))) {
      return v; // nullability or a wider decimal: same values
    }
    if (v.kind() != Expr.Kind.LONG || v.family() != SqlTypeFamily.NUMERIC) {
      return null;
    }
    switch (t) {
      case BIGINT:
        return f == SqlTypeName.INTEGER ? new V(v.expr(), v.family(), 0, 19) : null;
      case DOUBLE:
        return toDouble(v);
      case DECIMAL: {
        V up = rescale(v, to.getScale());
        return up == null || up.digits() > to.getPrecision() ? null : up;
      }
      default:
        return null;
    }
  }
}
