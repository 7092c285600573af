package io.dsap.engine.profile;

import io.dsap.engine.profile.QuantilesState.Bin;
import io.dsap.engine.profile.ValueCountsState.ValueCount;
import java.util.List;

/**
 * The profile of one column: the metrics of {@code profile(path)}. Absent metrics are null (no
 * mean for text, no lengths for numbers). Every approximate metric has its {@code exact} flag.
 *
 * @param count rows read (rows the reader rejected are not counted; see {@code invalid})
 * @param invalid rows rejected because this column's value did not fit its type
 * @param distinctError relative error of {@code distinct} at about 95% confidence (0 when exact)
 * @param topValues the most frequent values, most frequent first (up to 50: every category of a
 *     categorical column)
 * @param quantilesExact whether q05..q95, iqr, histogram and outliers are exact
 * @param textNumeric text values that read as numbers (null for non-text columns)
 * @param textDates text values that read as dates or timestamps
 * @param textLeadingZeros text values that are numbers with a leading zero
 */
public record ColumnProfile(int ordinal, String name, String type, long count, long nulls, long invalid,
    long distinct, boolean distinctExact, double distinctError, String min, String max,
    Double mean, Double stddev, Double variance, Double skewness, Double kurtosis,
    Double q05, Double q25, Double q50, Double q75, Double q95, Double iqr, boolean quantilesExact,
    Long zeros, Long negatives, Long minLength, Double avgLength, Long maxLength,
    List<ValueCount> topValues, boolean topValuesExact, List<Bin> histogram, Long outliers,
    Long textNumeric, Long textDates, Long textLeadingZeros, List<Alert> alerts) {

  public ColumnProfile {
    topValues = List.copyOf(topValues);
    histogram = List.copyOf(histogram);
    alerts = List.copyOf(alerts);
  }

  /** Non-null values. */
  public long values() {
    return count - nulls;
  }

  /** This profile with {@code more} alerts appended. */
  ColumnProfile withAlerts(List<Alert> more) {
    List<Alert> all = new java.util.ArrayList<>(alerts);
    all.addAll(more);
    return new ColumnProfile(ordinal, name, type, count, nulls, invalid, distinct, distinctExact, distinctError,
        min, max, mean, stddev, variance, skewness, kurtosis, q05, q25, q50, q75, q95, iqr, quantilesExact,
        zeros, negatives, minLength, avgLength, maxLength, topValues, topValuesExact, histogram, outliers,
        textNumeric, textDates, textLeadingZeros, all);
  }

  /** A finding about a column: a short name to filter on and a sentence with the numbers. */
  public record Alert(String name, String detail) {}
}
