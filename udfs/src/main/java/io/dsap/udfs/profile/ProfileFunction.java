package io.dsap.udfs.profile;

import io.dsap.engine.calcite.FileTable;
import io.dsap.engine.profile.ColumnProfile;
import io.dsap.engine.profile.ColumnProfile.Alert;
import io.dsap.engine.profile.ProfileCache;
import io.dsap.engine.profile.QuantilesState.Bin;
import io.dsap.engine.profile.TableProfile;
import io.dsap.engine.profile.ValueCountsState.ValueCount;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code profile(path)}: one row per column with counts, distinct values (exact flag), min/max,
 * moments, quantiles, lengths, top values, histogram and alerts. One pass over the file; the
 * result is cached by file fingerprint.
 */
public final class ProfileFunction {
  /** Top values shown in the {@code top_values} JSON. */
  static final int TOP_SHOWN = 10;

  private ProfileFunction() {}

  public static ScannableTable profile(String path) {
    return new Profile(path);
  }

  private static final class Profile extends AbstractTable implements ScannableTable {
    private final String path;

    Profile(String path) {
      this.path = path;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataTypeFactory.Builder b = f.builder()
          .add("column_index", SqlTypeName.INTEGER)
          .add("column_name", SqlTypeName.VARCHAR)
          .add("column_type", SqlTypeName.VARCHAR)
          .add("row_count", SqlTypeName.BIGINT)
          .add("null_count", SqlTypeName.BIGINT)
          .add("invalid_count", SqlTypeName.BIGINT)
          .add("distinct_count", SqlTypeName.BIGINT)
          .add("distinct_exact", SqlTypeName.BOOLEAN)
          .add("distinct_error", SqlTypeName.DOUBLE);
      nullable(b, SqlTypeName.VARCHAR, "min_value", "max_value");
      nullable(b, SqlTypeName.DOUBLE, "mean", "stddev", "variance", "skewness", "kurtosis",
          "q05", "q25", "q50", "q75", "q95", "iqr");
      b.add("quantiles_exact", SqlTypeName.BOOLEAN);
      nullable(b, SqlTypeName.BIGINT, "zeros", "negatives", "min_length");
      nullable(b, SqlTypeName.DOUBLE, "avg_length");
      nullable(b, SqlTypeName.BIGINT, "max_length");
      b.add("top_values", SqlTypeName.VARCHAR);
      b.add("top_values_exact", SqlTypeName.BOOLEAN);
      nullable(b, SqlTypeName.VARCHAR, "histogram");
      nullable(b, SqlTypeName.BIGINT, "outliers");
      b.add("alerts", SqlTypeName.VARCHAR);
      b.add("alert_details", SqlTypeName.VARCHAR);
      b.add("duplicate_rows", SqlTypeName.BIGINT);
      return b.build();
    }

    private static void nullable(RelDataTypeFactory.Builder b, SqlTypeName t, String... names) {
      for (String n : names) {
        b.add(n, t).nullable(true);
      }
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      FileTable table = ProfileFunctions.table(root, path);
      TableProfile p = ProfileCache.profile(table.file(), table.displayName(), table.source());
      List<Object[]> rows = new ArrayList<>();
      for (ColumnProfile c : p.columns()) {
        rows.add(new Object[] {c.ordinal(), c.name(), c.type(), c.count(), c.nulls(), c.invalid(), c.distinct(),
            c.distinctExact(), c.distinctError(), c.min(), c.max(), c.mean(), c.stddev(), c.variance(),
            c.skewness(), c.kurtosis(), c.q05(), c.q25(), c.q50(), c.q75(), c.q95(), c.iqr(), c.quantilesExact(),
            c.zeros(), c.negatives(), c.minLength(), c.avgLength(), c.maxLength(), topValues(c.topValues()),
            c.topValuesExact(), histogram(c.histogram()), c.outliers(),
            c.alerts().stream().map(Alert::name).collect(Collectors.joining(",")),
            c.alerts().stream().map(a -> a.name() + ": " + a.detail()).collect(Collectors.joining("; ")),
            p.duplicateRows()});
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  /**
   * {@code [{"value":"delivered","count":98}, ...]}, the first {@link #TOP_SHOWN}. An estimated
   * count says so: {@code "approximate":true} with the bounds of the true count
   * ({@code "count_min"}, {@code "count_max"}).
   */
  static String topValues(List<ValueCount> top) {
    return Json.write(g -> {
      g.writeStartArray();
      for (ValueCount v : top.subList(0, Math.min(TOP_SHOWN, top.size()))) {
        g.writeStartObject();
        g.writeStringField("value", v.value());
        g.writeNumberField("count", v.count());
        if (!v.exact()) {
          g.writeBooleanField("approximate", true);
          g.writeNumberField("count_min", v.lowerBound());
          g.writeNumberField("count_max", v.upperBound());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** {@code [{"lo":1.0,"hi":1.9,"count":12}, ...]}, or null for columns without one. */
  static String histogram(List<Bin> bins) {
    if (bins.isEmpty()) {
      return null;
    }
    return Json.write(g -> {
      g.writeStartArray();
      for (Bin b : bins) {
        g.writeStartObject();
        g.writeNumberField("lo", round(b.lo()));
        g.writeNumberField("hi", round(b.hi()));
        g.writeNumberField("count", b.count());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** Bin edges to 10 significant digits: 15.1, not 15.100000000000001. */
  private static double round(double d) {
    return new java.math.BigDecimal(d).round(new java.math.MathContext(10)).doubleValue();
  }
}
