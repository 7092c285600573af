package io.dsap.engine.profile;

import io.dsap.engine.profile.QuantilesState.Bin;
import java.util.List;

/** Turns a finished {@link ColumnState} into its metrics (alerts come later, from {@link Alerts}). */
final class ColumnProfiles {
  /** Most frequent values kept per column: enough to hold every category of a categorical column. */
  static final int TOP = Alerts.CATEGORICAL_MAX;

  private ColumnProfiles() {}

  static ColumnProfile of(ColumnState s, int ordinal, long invalid) {
    ColumnKind k = s.kind;
    boolean numeric = k.numeric();
    boolean text = k == ColumnKind.TEXT || k == ColumnKind.OBJECT;
    boolean any = s.values() > 0;
    TextShapeState shape = text ? s.text() : null;
    Quantiles q = numeric ? s.quantiles() : null;
    String min = null;
    String max = null;
    if (any && text) {
      min = shape.min();
      max = shape.max();
    } else if (any && k == ColumnKind.DOUBLE) {
      min = String.valueOf(q.count() == 0 ? Double.NaN : q.quantile(0));
      max = String.valueOf(q.count() == 0 ? Double.NaN : q.quantile(1));
    } else if (any && k != ColumnKind.BOOLEAN) {
      min = s.render(s.minLong);
      max = s.render(s.maxLong);
    } else if (any) {
      min = s.counts.top(2, s::render).stream().map(ValueCountsState.ValueCount::value).sorted().findFirst()
          .orElse(null);
      max = s.counts.top(2, s::render).stream().map(ValueCountsState.ValueCount::value).sorted()
          .reduce((a, b) -> b).orElse(null);
    }
    MomentsState m = s.moments;
    boolean hasQ = numeric && q.count() > 0;
    Double q25 = hasQ ? q.quantile(0.25) : null;
    Double q75 = hasQ ? q.quantile(0.75) : null;
    return new ColumnProfile(ordinal, s.spec.name(), s.spec.typeText(), s.rows, s.nulls, invalid,
        s.counts.distinct(), s.counts.exact(), s.counts.distinctError(), min, max,
        numeric ? num(m.mean()) : null, numeric ? num(m.stddev()) : null, numeric ? num(m.variance()) : null,
        numeric ? num(m.skewness()) : null, numeric ? num(m.kurtosis()) : null,
        hasQ ? q.quantile(0.05) : null, q25, hasQ ? q.quantile(0.5) : null, q75, hasQ ? q.quantile(0.95) : null,
        hasQ ? q75 - q25 : null, !numeric || q.exact(),
        numeric ? s.zeros : null, numeric ? s.negatives : null,
        text ? shape.minLength() : null, text ? shape.avgLength() : null, text ? shape.maxLength() : null,
        s.counts.top(TOP, text ? null : s::render), s.counts.exact(),
        hasQ ? List.of(q.histogram()) : List.<Bin>of(), hasQ ? q.outliers() : null,
        text ? shape.numeric() : null, text ? shape.dates() : null, text ? shape.leadingZeros() : null,
        List.of());
  }

  /** NaN (too few values) becomes SQL NULL. */
  private static Double num(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
  }
}
