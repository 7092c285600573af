package io.dsap.engine.transform;

import io.dsap.engine.profile.MomentsState;

/**
 * What one step did to one column (or, for {@code column == null}, to the rows): values changed,
 * nulls and, for numeric columns, mean, standard deviation, minimum and maximum before and after.
 * Filled during the apply pass; rows removed by the step count as changed and appear only in the
 * "before" figures.
 */
final class StepStats implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  final String column;
  final String step;
  final String detail;
  private final boolean numericBefore;
  private final boolean numericAfter;
  private final MomentsState before = new MomentsState();
  private final MomentsState after = new MomentsState();
  private double minBefore = Double.NaN;
  private double maxBefore = Double.NaN;
  private double minAfter = Double.NaN;
  private double maxAfter = Double.NaN;
  // only the apply pass compares values; a state shipped elsewhere is only merged
  private transient java.util.function.BiPredicate<Object, Object> same = StepStats::same;
  private long changed;
  private long nullsBefore;
  private long nullsAfter;

  StepStats(String column, String step, String detail, boolean numericBefore, boolean numericAfter) {
    this.column = column;
    this.step = step;
    this.detail = detail;
    this.numericBefore = numericBefore;
    this.numericAfter = numericAfter;
  }

  /** For a type conversion: when a value counts as unchanged (12 read from '12'). */
  StepStats sameWhen(java.util.function.BiPredicate<Object, Object> test) {
    this.same = (a, b) -> a == null ? b == null : b != null && test.test(a, b);
    return this;
  }

  void record(Object was, Object is, boolean kept) {
    if (was == null) {
      nullsBefore++;
    } else if (numericBefore && was instanceof Number n) {
      double d = n.doubleValue();
      before.add(d);
      minBefore = Double.isNaN(minBefore) ? d : Math.min(minBefore, d);
      maxBefore = Double.isNaN(maxBefore) ? d : Math.max(maxBefore, d);
    }
    if (!kept) {
      changed++;
      return;
    }
    if (is == null) {
      nullsAfter++;
    } else if (numericAfter && is instanceof Number n) {
      double d = n.doubleValue();
      after.add(d);
      minAfter = Double.isNaN(minAfter) ? d : Math.min(minAfter, d);
      maxAfter = Double.isNaN(maxAfter) ? d : Math.max(maxAfter, d);
    }
    if (!same.test(was, is)) {
      changed++;
    }
  }

  /** Adds what the same step did in another part of the data. */
  void merge(StepStats o) {
    before.merge(o.before);
    after.merge(o.after);
    minBefore = min(minBefore, o.minBefore);
    maxBefore = max(maxBefore, o.maxBefore);
    minAfter = min(minAfter, o.minAfter);
    maxAfter = max(maxAfter, o.maxAfter);
    changed += o.changed;
    nullsBefore += o.nullsBefore;
    nullsAfter += o.nullsAfter;
  }

  private static double min(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /** A row-level step (no column): only removals count. */
  void recordRow(boolean kept) {
    if (!kept) {
      changed++;
    }
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a.equals(b);
  }

  TransformationReport.Entry entry() {
    return new TransformationReport.Entry(column, step, detail, changed, column == null ? null : nullsBefore,
        column == null ? null : nullsAfter, num(before.mean()), num(after.mean()), num(before.stddev()),
        num(after.stddev()), num(minBefore), num(minAfter), num(maxBefore), num(maxAfter));
  }

  private static Double num(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
  }
}
