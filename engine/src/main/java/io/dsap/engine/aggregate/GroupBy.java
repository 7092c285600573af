package io.dsap.engine.aggregate;

import io.dsap.engine.filter.RowFilter;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a pushed-down {@code GROUP BY} computes, in terms of a projection of a file's columns: the
 * key columns and the aggregates, and how each result becomes the Java value Calcite expects.
 * Built at planning time from types the planner already checked, so the states never guess.
 *
 * @param projection the file columns read, each once
 * @param keys positions in {@code projection} of the group keys, in output order
 * @param keyTypes the type of each key (VARCHAR, BOOLEAN, INTEGER, BIGINT or DATE)
 * @param aggs the aggregates, in output order
 * @param filter only rows that pass it are aggregated (its columns are in {@code projection}); null for all
 */
public record GroupBy(int[] projection, int[] keys, ColumnType[] keyTypes, List<Agg> aggs, RowFilter filter) {
  /** A plan that aggregates every row. */
  public GroupBy(int[] projection, int[] keys, ColumnType[] keyTypes, List<Agg> aggs) {
    this(projection, keys, keyTypes, aggs, null);
  }

  /** Groups a split may hold before the parallel fold gives up (see {@code FileTable.group}). */
  public static final int MAX_GROUPS_PER_SPLIT = 10_000;

  /** The aggregate functions that run over vectors. */
  public enum Kind {
    /** {@code COUNT(*)}. */
    COUNT_STAR,
    /** {@code COUNT(col)}: the non-null values. */
    COUNT,
    /** {@code SUM(col)}: NULL when no value is non-null. */
    SUM,
    /** Calcite's {@code $SUM0}: 0 when no value is non-null. */
    SUM0,
    MIN,
    MAX
  }

  /** The Java representation of a result, as Calcite's Enumerable code holds it. */
  public enum Out {
    INT, LONG, DOUBLE, DECIMAL
  }

  /**
   * One aggregate.
   *
   * @param arg position in the projection of the argument, -1 for {@code COUNT(*)}
   * @param argIsDouble the argument is a {@code DoubleVector} (else a {@code LongVector}, or any
   *     vector for {@code COUNT})
   * @param out how the result is handed to Calcite
   * @param scale the scale of a DECIMAL result (the argument's unscaled values are at this scale)
   */
  public record Agg(Kind kind, int arg, boolean argIsDouble, Out out, int scale) {
    Object value(long n, long l, double d, BigDecimal overflow) {
      switch (kind) {
        case COUNT_STAR:
        case COUNT:
          return n;
        default:
          if (n == 0 && kind != Kind.SUM0) {
            return null;
          }
          if (n == 0 && out == Out.DECIMAL) {
            return BigDecimal.ZERO; // Calcite's $SUM0 starts at BigDecimal.ZERO: scale 0 until a value is added
          }
          switch (out) {
            case INT: return (int) l;
            case LONG: return l;
            case DOUBLE: return d;
            default:
              BigDecimal v = BigDecimal.valueOf(l, scale);
              return overflow == null ? v : v.add(overflow);
          }
      }
    }
  }

  /** A fresh state for one split; {@code limited} states stop at {@link #MAX_GROUPS_PER_SPLIT}. */
  public GroupState newState(boolean limited) {
    return new GroupState(this, limited ? MAX_GROUPS_PER_SPLIT : Integer.MAX_VALUE);
  }
}
