package io.dsap.engine.filter;

import java.util.List;
import java.util.Set;

/**
 * A row predicate, or a value in one, in a form that runs over a batch's vectors. Built by the
 * planner from SQL expressions it has checked (types, scales and overflow already settled), so
 * evaluation never guesses and never throws: what could fail at run time is not built.
 *
 * <p>Values are of four kinds. {@link Kind#LONG}: a {@code LongVector}'s values (integers, dates as
 * epoch days, timestamps as epoch millis, decimals unscaled; the planner aligns scales before two
 * of them meet). {@link Kind#DOUBLE}, {@link Kind#STRING} (UTF-8 bytes) and {@link Kind#BOOL}
 * (SQL's three values: true, false, unknown).
 */
public sealed interface Expr {
  enum Kind { LONG, DOUBLE, STRING, BOOL }

  Kind kind();

  /** Adds the table columns this expression reads to {@code out}. */
  default void columns(Set<Integer> out) {
    for (Expr e : inputs()) {
      e.columns(out);
    }
  }

  List<Expr> inputs();

  /** A column of the table (its index in the table's columns), as a value of {@code kind}. */
  record Column(int column, Kind kind, String name) implements Expr {
    @Override
    public void columns(Set<Integer> out) {
      out.add(column);
    }

    @Override
    public List<Expr> inputs() {
      return List.of();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A constant; {@code value} is a {@code Long}, {@code Double}, {@code byte[]}, {@code Boolean}, or null. */
  record Constant(Kind kind, Object value, String text) implements Expr {
    @Override
    public List<Expr> inputs() {
      return List.of();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  enum ArithOp { PLUS, MINUS, TIMES, MOD, NEGATE }

  /**
   * Arithmetic on two LONG values (already at the same scale for PLUS and MINUS) or two DOUBLE values.
   * {@code wrapInt}: the SQL result is an INTEGER, so the result wraps to 32 bits as Calcite's
   * generated Java code does; {@code exact}: a DECIMAL result, where overflow cannot happen
   * (the planner checked the precision) and is treated as a bug. MOD's right side is a non-zero constant.
   */
  record Arith(ArithOp op, Expr left, Expr right, Kind kind, boolean wrapInt, boolean exact) implements Expr {
    @Override
    public List<Expr> inputs() {
      return right == null ? List.of(left) : List.of(left, right);
    }

    @Override
    public String toString() {
      return switch (op) {
        case NEGATE -> "-(" + left + ")";
        case MOD -> "MOD(" + left + ", " + right + ")";
        default -> "(" + left + (op == ArithOp.PLUS ? " + " : op == ArithOp.MINUS ? " - " : " * ") + right + ")";
      };
    }
  }

  /** A LONG value multiplied by {@code factor} (a scale change; cannot overflow, the planner checked). */
  record Rescale(Expr input, long factor) implements Expr {
    @Override
    public Kind kind() {
      return Kind.LONG;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(input);
    }

    @Override
    public String toString() {
      return "(" + input + " * " + factor + ")";
    }
  }

  /** A LONG value at {@code scale} as a DOUBLE, rounded the way {@code BigDecimal.doubleValue()} rounds. */
  record ToDouble(Expr input, int scale) implements Expr {
    @Override
    public Kind kind() {
      return Kind.DOUBLE;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(input);
    }

    @Override
    public String toString() {
      return "CAST(" + input + " AS DOUBLE)";
    }
  }

  enum CompareOp {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String sql;

    CompareOp(String sql) {
      this.sql = sql;
    }
  }

  /** A comparison of two values of the same kind (STRING: equality only, byte for byte). */
  record Compare(CompareOp op, Expr left, Expr right) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(left, right);
    }

    @Override
    public String toString() {
      return left + " " + op.sql + " " + right;
    }
  }

  /**
   * {@code input IN (values)}: {@code values} are {@code Long}s or {@code String}s. A NULL input is
   * unknown (NULL) unless {@code nullAs} says otherwise ({@code Boolean.TRUE}/{@code FALSE}).
   */
  record In(Expr input, Set<Object> values, Boolean nullAs, String text) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(input);
    }

    @Override
    public String toString() {
      return input + " IN " + text + (nullAs == null ? "" : " (NULL AS " + nullAs + ")");
    }
  }

  /** AND or OR of two or more BOOL values, with SQL's three-valued logic. */
  record Logic(boolean and, List<Expr> inputs) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < inputs.size(); i++) {
        sb.append(i == 0 ? "" : and ? " AND " : " OR ").append(inputs.get(i));
      }
      return sb.append(")").toString();
    }
  }

  /** NOT of a BOOL value (unknown stays unknown). */
  record Not(Expr input) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(input);
    }

    @Override
    public String toString() {
      return "NOT " + input;
    }
  }

  enum Test { IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE }

  /** {@code input IS [NOT] NULL / TRUE / FALSE}: never unknown. */
  record Is(Test test, Expr input) implements Expr {
    @Override
    public Kind kind() {
      return Kind.BOOL;
    }

    @Override
    public List<Expr> inputs() {
      return List.of(input);
    }

    @Override
    public String toString() {
      return input + " " + test.name().replace('_', ' ');
    }
  }
}
