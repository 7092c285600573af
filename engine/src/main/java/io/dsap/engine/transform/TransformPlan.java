package io.dsap.engine.transform;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.rules.CompiledRules;
import io.dsap.engine.validate.rules.RuleCompiler;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A transformation planned for one source: type repairs decided from a sample, then one stats
 * pass over the whole source (of repaired values) from which every step takes its parameters
 * (fill values, outlier bounds, scaling, bin edges, categories). {@link #start()} opens an apply
 * pass that streams the source through the steps. Immutable and reusable: each apply pass gets
 * fresh step state.
 */
public final class TransformPlan {
  private final TableSource source;
  final Repairs repairs;
  private final List<ColumnSpec> output;
  final List<Supplier<RowStep>> beforeFill;
  final List<Integer> backFill;
  final List<Supplier<RowStep>> afterFill;
  private final long statsRows;

  private TransformPlan(TableSource source, Repairs repairs, List<ColumnSpec> output,
      List<Supplier<RowStep>> beforeFill, List<Integer> backFill, List<Supplier<RowStep>> afterFill, long statsRows) {
    this.source = source;
    this.repairs = repairs;
    this.output = List.copyOf(output);
    this.beforeFill = List.copyOf(beforeFill);
    this.backFill = List.copyOf(backFill);
    this.afterFill = List.copyOf(afterFill);
    this.statsRows = statsRows;
  }

  /** The result's columns: the source's (types as repaired, scaled, binned or encoded), then added columns. */
  public List<ColumnSpec> columns() {
    return output;
  }

  /** Rows the stats pass read. */
  public long statsRows() {
    return statsRows;
  }

  /** Plans {@code spec} for {@code source}: reads a sample, then the whole source once. */
  public static TransformPlan plan(TableSource source, TransformSpec spec, Transformations plugins) {
    Repairs repairs = Repairs.decide(source, spec);
    List<ColumnSpec> cols = new ArrayList<>(repairs.columns());
    int n = cols.size();
    // the stats pass: repaired values of every column, and numeric rows for an isolation forest
    ColumnStats[] stats = new ColumnStats[n];
    for (int c = 0; c < n; c++) {
      stats[c] = new ColumnStats(spec.seed() + c);
    }
    boolean forest = usesForest(spec, cols);
    List<double[]> forestRows = new ArrayList<>();
    Random forestRandom = new Random(spec.seed());
    long rows = 0;
    List<RowStep> repair = repairs.steps();
    try (SourceRows in = new SourceRows(source, n, RejectSink.DISCARD, -1)) {
      while (in.hasNext()) {
        Object[] row = in.next();
        for (RowStep s : repair) {
          s.apply(row);
        }
        for (int c = 0; c < n; c++) {
          stats[c].add(row[c]);
        }
        if (forest) {
          double[] x = new double[n];
          for (int c = 0; c < n; c++) {
            x[c] = row[c] instanceof Number num && TypedValues.isNumeric(cols.get(c)) ? num.doubleValue() : Double.NaN;
          }
          if (forestRows.size() < ColumnStats.SAMPLE) {
            forestRows.add(x);
          } else {
            long j = (long) (forestRandom.nextDouble() * (rows + 1));
            if (j < ColumnStats.SAMPLE) {
              forestRows.set((int) j, x);
            }
          }
        }
        rows++;
      }
    }
    return fromStats(source, repairs, stats, forestRows, rows, spec, plugins);
  }

  /** The steps planned from a stats pass already made ({@code source} null: applied elsewhere, see {@link PartitionedTransform}). */
  static TransformPlan fromStats(TableSource source, Repairs repairs, ColumnStats[] stats, List<double[]> forestRows,
      long rows, TransformSpec spec, Transformations plugins) {
    Planner p = new Planner(spec, new ArrayList<>(repairs.columns()), stats, plugins);
    p.missing();
    p.outliers(forestRows);
    p.derive();
    p.custom();
    p.scaleAndBin();
    p.encode();
    return new TransformPlan(source, repairs, p.cols, p.beforeFill, p.backFill, p.afterFill, rows);
  }

  private static boolean usesForest(TransformSpec spec, List<ColumnSpec> cols) {
    if (spec.outliers().all() != null && isForest(spec.outliers().all())) {
      return true;
    }
    return spec.outliers().columns().values().stream().anyMatch(TransformPlan::isForest);
  }

  private static boolean isForest(String method) {
    return method.equals("isolation_forest") || method.equals("iforest");
  }

  /** Opens an apply pass: rows stream from the source through the steps. */
  public Run start() {
    return new Run();
  }

  /** One apply pass: the cleaned rows in order, and afterwards the report. Close it when done. */
  public final class Run implements java.util.Iterator<Object[]>, AutoCloseable {
    private final RejectLog rejects = new RejectLog(100);
    private final SourceRows in = new SourceRows(source, output.size(), rejects, -1);
    private final List<RowStep> before = new ArrayList<>(repairs.steps());
    private final List<RowStep> after = new ArrayList<>();
    private final BackFill fill;
    private final java.util.ArrayDeque<Object[]> ready = new java.util.ArrayDeque<>();
    private final List<StepStats> order = new ArrayList<>();
    private long rowsIn;
    private long rowsOut;
    private boolean flushed;

    Run() {
      beforeFill.forEach(s -> before.add(s.get()));
      before.forEach(s -> order.add(s.stats));
      if (backFill.isEmpty()) {
        fill = null;
      } else {
        fill = new BackFill(backFill, output);
        order.addAll(fill.stats());
      }
      afterFill.forEach(s -> after.add(s.get()));
      after.forEach(s -> order.add(s.stats));
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (in.hasNext()) {
          Object[] row = in.next();
          rowsIn++;
          if (runAll(before, row)) {
            if (fill == null) {
              release(row);
            } else {
              fill.push(row, this::release);
            }
          }
        } else {
          if (fill != null && !flushed) {
            flushed = true;
            fill.flush(this::release);
            continue;
          }
          return false;
        }
      }
      return true;
    }

    private void release(Object[] row) {
      if (runAll(after, row)) {
        ready.add(row);
        rowsOut++;
      }
    }

    private boolean runAll(List<RowStep> steps, Object[] row) {
      for (RowStep s : steps) {
        if (!s.run(row)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return ready.poll();
    }

    /** The report; complete once every row was read. */
    public TransformationReport report() {
      List<TransformationReport.Entry> entries = new ArrayList<>();
      order.forEach(s -> entries.add(s.entry()));
      return new TransformationReport(rowsIn, rowsOut, rejects.count(), entries, null, null);
    }

    @Override
    public void close() {
      in.close();
    }
  }

  /** Works out each step's parameters from the stats; the columns grow as steps add some. */
  private static final class Planner {
    private final TransformSpec spec;
    private final List<ColumnSpec> cols;
    private final ColumnStats[] stats;
    private final Transformations plugins;
    private final int sourceWidth;
    private final List<Supplier<RowStep>> beforeFill = new ArrayList<>();
    private final List<Integer> backFill = new ArrayList<>();
    private final List<Supplier<RowStep>> afterFill = new ArrayList<>();
    /** Bounds of capped columns (min-max scaling and equal-width bins use them). */
    private final Map<Integer, double[]> caps = new HashMap<>();

    Planner(TransformSpec spec, List<ColumnSpec> cols, ColumnStats[] stats, Transformations plugins) {
      this.spec = spec;
      this.cols = cols;
      this.stats = stats;
      this.plugins = plugins;
      this.sourceWidth = cols.size();
    }

    private String name(int c) {
      return cols.get(c).name();
    }

    /**
     * Integer columns whose values are all distinct and either close to a sequence or named like
     * {@code id}/{@code order_id} look like keys: choices for all columns skip them.
     */
    private boolean keyLike(int c) {
      ColumnType t = cols.get(c).type();
      ColumnStats s = stats[c];
      boolean distinct = (t == ColumnType.INTEGER || t == ColumnType.BIGINT) && s.countsExact() && s.rows() > 1
          && s.counts().size() == s.rows() - s.nulls();
      boolean sequence = s.max() - s.min() + 1 <= 2.0 * s.numericCount();
      return distinct && (sequence || name(c).matches("(?i)(.*_)?id"));
    }

    private static String exactness(boolean exact) {
      return exact ? "exact" : "KLL estimate, rank error about 1.3%";
    }

    private DsapException notFor(String key, String choice, int c, String needs) {
      return new DsapException(ErrorCode.INVALID_OPTION, key + ": " + choice + " needs " + needs + " values, but column "
          + name(c) + " is " + cols.get(c).typeText() + ". Choose another strategy for it, e.g. " + key + " => '"
          + name(c) + ":" + (key.equals("missing") ? "mode" : "none") + "'.");
    }

    private void checkNamed(ColumnChoice choice, String key) {
      for (String col : choice.columns().keySet()) {
        int c = Repairs.index(cols, col, key);
        if (c >= sourceWidth) {
          throw SpecText.bad(key, col, "applies to the source's columns only");
        }
      }
    }

    void missing() {
      checkNamed(spec.missing(), "missing");
      List<Integer> drop = new ArrayList<>();
      for (int c = 0; c < sourceWidth; c++) {
        String choice = spec.missing().forColumn(name(c));
        boolean named = spec.missing().names(name(c));
        if (choice == null || choice.equals("none") || (stats[c].nulls() == 0 && !named)) {
          continue;
        }
        ColumnSpec col = cols.get(c);
        ColumnStats s = stats[c];
        String strategy = choice;
        String value = null;
        int eq = choice.indexOf('=');
        if (eq >= 0) {
          strategy = choice.substring(0, eq);
          value = choice.substring(eq + 1);
        }
        String why = "";
        if (strategy.equals("auto")) {
          double share = s.rows() == 0 ? 0 : (double) s.nulls() / s.rows();
          if (share > 0.5) {
            continue; // more than half missing: imputing would invent the column (the docs say so)
          }
          if (TypedValues.isNumeric(col)) {
            double skew = s.skewness();
            strategy = Double.isNaN(skew) || Math.abs(skew) <= 1 ? "mean" : "median";
            why = "auto (numeric, skewness " + (Double.isNaN(skew) ? "n/a" : TypedValues.fmt(skew)) + "): ";
          } else if (TypedValues.isOrdered(col)) {
            strategy = "median";
            why = "auto (" + col.type() + "): ";
          } else {
            strategy = "mode";
            why = "auto (" + col.type() + "): ";
          }
        }
        final int ci = c;
        switch (strategy) {
          case "drop":
            drop.add(c);
            break;
          case "mean": case "median": {
            boolean ok = strategy.equals("mean") ? TypedValues.isNumeric(col) : TypedValues.isOrdered(col);
            if (!ok) {
              if (named) {
                throw notFor("missing", strategy, c, strategy.equals("mean") ? "numeric" : "numeric or date");
              }
              continue;
            }
            if (s.numericCount() == 0) {
              continue;
            }
            double d = strategy.equals("mean") ? s.mean() : s.quantile(0.5);
            Object fillValue = TypedValues.fromDouble(d, col, RoundingMode.HALF_UP);
            String detail = why + strategy + " = " + TypedValues.show(fillValue, col) + " ("
                + (strategy.equals("mean") ? "exact" : exactness(s.quantilesExact())) + ")";
            beforeFill.add(() -> fillStep(ci, detail, fillValue));
            break;
          }
          case "mode": {
            Object mode = s.mode();
            if (mode == null) {
              continue;
            }
            long count = s.counts().getOrDefault(mode, 0L);
            String detail = why + "mode = " + TypedValues.show(mode, col) + " (" + count + " of "
                + (s.rows() - s.nulls()) + " values" + (s.countsExact() ? "" : "; among the first "
                + ColumnStats.MAX_DISTINCT + " distinct values") + ")";
            beforeFill.add(() -> fillStep(ci, detail, mode));
            break;
          }
          case "constant": {
            String text = value != null ? value : spec.fillValue();
            if (text == null) {
              throw SpecText.bad("missing", choice, "constant needs a value: fill_value => '...', or per column"
                  + " 'city:constant=unknown'");
            }
            Object fillValue;
            try {
              fillValue = TypedValues.parse(text, col);
            } catch (IllegalArgumentException e) {
              if (named || value != null) {
                throw SpecText.bad("missing", choice, e.getMessage());
              }
              continue;
            }
            String detail = why + "constant " + TypedValues.show(fillValue, col);
            beforeFill.add(() -> fillStep(ci, detail, fillValue));
            break;
          }
          case "ffill": case "forward_fill":
            beforeFill.add(() -> {
              Object[] last = new Object[1];
              return RowStep.map(new StepStats(name(ci), "missing", "forward fill: the previous row's value"
                  + " (none before the first value)", num(ci), num(ci)), ci, v -> {
                    if (v == null) {
                      return last[0];
                    }
                    last[0] = v;
                    return v;
                  });
            });
            break;
          case "bfill": case "backward_fill":
            backFill.add(c);
            break;
          default:
            throw SpecText.bad("missing", choice, "expected drop, mean, median, mode, ffill, bfill, constant,"
                + " constant=VALUE, auto or none");
        }
      }
      if (!drop.isEmpty()) {
        List<String> names = drop.stream().map(this::name).toList();
        int[] idx = drop.stream().mapToInt(Integer::intValue).toArray();
        beforeFill.add(0, () -> new RowStep(new StepStats(null, "missing", "drop rows with a NULL in "
            + String.join(", ", names), false, false), -1) {
          @Override
          boolean apply(Object[] row) {
            for (int i : idx) {
              if (row[i] == null) {
                return false;
              }
            }
            return true;
          }
        });
      }
    }

    private boolean num(int c) {
      return TypedValues.isNumeric(cols.get(c));
    }

    private RowStep fillStep(int c, String detail, Object value) {
      return RowStep.map(new StepStats(name(c), "missing", detail, num(c), num(c)), c, v -> v == null ? value : v);
    }

    private int addColumn(String name, ColumnType type, String why) {
      for (ColumnSpec existing : cols) {
        if (existing.name().equalsIgnoreCase(name)) {
          throw new DsapException(ErrorCode.INVALID_OPTION, "cannot add column '" + name + "' (" + why
              + "): the table already has a column of that name. Rename it first, e.g. with a derived column.");
        }
      }
      cols.add(new ColumnSpec(name, type, 0, null, "clean: " + why));
      return cols.size() - 1;
    }

    void outliers(List<double[]> forestRows) {
      checkNamed(spec.outliers(), "outliers");
      List<Integer> forestColumns = new ArrayList<>();
      for (int c = 0; c < sourceWidth; c++) {
        String method = spec.outliers().forColumn(name(c));
        boolean named = spec.outliers().names(name(c));
        if (method == null || method.equals("none")) {
          continue;
        }
        if (!TypedValues.isNumeric(cols.get(c)) || (!named && keyLike(c))) {
          if (named) {
            throw notFor("outliers", method, c, "numeric");
          }
          continue;
        }
        if (isForest(method)) {
          forestColumns.add(c);
          continue;
        }
        String action = spec.outlierAction() == null ? "cap" : spec.outlierAction();
        ColumnStats s = stats[c];
        if (s.numericCount() == 0) {
          continue;
        }
        double lo;
        double hi;
        String detail;
        switch (method) {
          case "iqr": {
            double k = spec.outlierThreshold() == null ? 1.5 : spec.outlierThreshold();
            double q1 = s.quantile(0.25);
            double q3 = s.quantile(0.75);
            lo = q1 - k * (q3 - q1);
            hi = q3 + k * (q3 - q1);
            detail = "iqr (k = " + TypedValues.fmt(k) + "): q1 = " + TypedValues.fmt(q1) + ", q3 = " + TypedValues.fmt(q3)
                + " (" + exactness(s.quantilesExact()) + ")";
            break;
          }
          case "zscore": case "z_score": {
            double t = spec.outlierThreshold() == null ? 3 : spec.outlierThreshold();
            lo = s.mean() - t * s.stddev();
            hi = s.mean() + t * s.stddev();
            detail = "zscore (threshold " + TypedValues.fmt(t) + "): mean = " + TypedValues.fmt(s.mean()) + ", stddev = "
                + TypedValues.fmt(s.stddev());
            break;
          }
          case "mad": case "modified_zscore": {
            double t = spec.outlierThreshold() == null ? 3.5 : spec.outlierThreshold();
            double median = s.quantile(0.5);
            double mad = s.mad();
            lo = mad == 0 ? Double.NEGATIVE_INFINITY : median - t * mad / 0.6745;
            hi = mad == 0 ? Double.POSITIVE_INFINITY : median + t * mad / 0.6745;
            detail = "mad (modified z-score 0.6745 (x - median) / MAD beyond " + TypedValues.fmt(t) + "): median = "
                + TypedValues.fmt(median) + ", MAD = " + TypedValues.fmt(mad) + " (" + (s.madExact() ? "exact"
                : "from a sample of " + ColumnStats.SAMPLE + " values") + ")" + (mad == 0 ? "; MAD is 0, nothing is"
                + " an outlier" : "");
            break;
          }
          default:
            throw SpecText.bad("outliers", method, "expected iqr, zscore, mad, isolation_forest or none");
        }
        detail += "; bounds [" + TypedValues.fmt(lo) + ", " + TypedValues.fmt(hi) + "]; action " + action;
        int flag = action.equals("flag") ? addColumn(name(c) + "_outlier", ColumnType.BOOLEAN,
            "outlier flag of " + name(c)) : -1;
        if (action.equals("cap")) {
          caps.put(c, new double[] {lo, hi});
        }
        final int ci = c;
        final double flo = lo;
        final double fhi = hi;
        final String fdetail = detail;
        ColumnSpec col = cols.get(c);
        Object loValue = Double.isInfinite(lo) ? null : TypedValues.fromDouble(lo, col, RoundingMode.CEILING);
        Object hiValue = Double.isInfinite(hi) ? null : TypedValues.fromDouble(hi, col, RoundingMode.FLOOR);
        afterFill.add(() -> new RowStep(new StepStats(name(ci), "outliers", fdetail, true, true), ci) {
          @Override
          boolean apply(Object[] row) {
            Object v = row[ci];
            if (v == null) {
              if (flag >= 0) {
                row[flag] = null;
              }
              return true;
            }
            double d = ((Number) v).doubleValue();
            boolean out = d < flo || d > fhi;
            if (flag >= 0) {
              row[flag] = out;
            }
            if (!out) {
              return true;
            }
            switch (action) {
              case "cap": row[ci] = d < flo ? loValue : hiValue; return true;
              case "null": row[ci] = null; return true;
              case "remove": return false;
              default: return true;
            }
          }
        });
      }
      if (!forestColumns.isEmpty()) {
        forest(forestColumns, forestRows);
      }
    }

    private void forest(List<Integer> features, List<double[]> rows) {
      String action = spec.outlierAction() == null ? "flag" : spec.outlierAction();
      if (action.equals("cap")) {
        throw SpecText.bad("outlier_action", "cap", "isolation_forest scores whole rows and has no bounds to cap"
            + " at; use flag, remove or null (or iqr, zscore, mad for capping)");
      }
      int[] f = features.stream().mapToInt(Integer::intValue).toArray();
      List<double[]> train = new ArrayList<>();
      for (double[] r : rows) {
        double[] x = new double[f.length];
        boolean ok = true;
        for (int i = 0; i < f.length; i++) {
          x[i] = r[f[i]];
          ok &= !Double.isNaN(x[i]);
        }
        if (ok) {
          train.add(x);
        }
      }
      if (train.isEmpty()) {
        return;
      }
      IsolationForest forest = IsolationForest.fit(train.toArray(new double[0][]), spec.trees(), spec.sampleSize(),
          spec.seed());
      double threshold = spec.outlierThreshold() == null ? 0.6 : spec.outlierThreshold();
      List<String> names = features.stream().map(this::name).toList();
      int flag = action.equals("flag") ? addColumn("outlier", ColumnType.BOOLEAN, "isolation forest outlier") : -1;
      int score = action.equals("flag") ? addColumn("outlier_score", ColumnType.DOUBLE, "isolation forest score") : -1;
      String detail = "isolation_forest on " + String.join(", ", names) + ": " + spec.trees() + " trees of "
          + Math.min(spec.sampleSize(), train.size()) + " rows, seed " + spec.seed() + "; score above "
          + TypedValues.fmt(threshold) + " is an outlier; action " + action
          + (action.equals("flag") ? " (columns outlier, outlier_score)" : "");
      afterFill.add(() -> new RowStep(new StepStats(null, "outliers", detail, false, false), -1) {
        @Override
        boolean apply(Object[] row) {
          double[] x = new double[f.length];
          for (int i = 0; i < f.length; i++) {
            if (!(row[f[i]] instanceof Number num)) {
              return true; // a row with a missing feature is not scored
            }
            x[i] = num.doubleValue();
          }
          double s = forest.score(x);
          boolean out = s > threshold;
          if (flag >= 0) {
            row[flag] = out;
            row[score] = s;
          }
          if (out && action.equals("remove")) {
            return false;
          }
          if (out && action.equals("null")) {
            for (int i : f) {
              row[i] = null;
            }
          }
          return true;
        }
      });
    }

    void derive() {
      if (spec.derive().isEmpty()) {
        return;
      }
      List<ColumnSpec> inputs = List.copyOf(cols);
      List<TableRule> exprs = new ArrayList<>();
      spec.derive().forEach((name, expr) -> exprs.add(new TableRule(name, expr, null, null, null)));
      CompiledRules compiled;
      try {
        compiled = RuleCompiler.compileExpressions(inputs, exprs);
      } catch (DsapException e) {
        // the compiler speaks of rules; say "derived column" and drop its rule example
        String msg = e.getMessage().substring(e.code().label().length() + 2).replaceFirst("^rule '", "derived column '");
        int cut = msg.indexOf(" A rule is a SQL condition");
        msg = (cut > 0 ? msg.substring(0, cut) : msg) + " A derived column is 'name = SQL expression' over the columns"
            + " (" + String.join(", ", inputs.stream().map(ColumnSpec::name).toList()) + "), e.g. total = quantity * price.";
        throw new DsapException(ErrorCode.INVALID_OPTION, msg, e);
      }
      int[] out = new int[exprs.size()];
      ColumnType[] types = new ColumnType[exprs.size()];
      int i = 0;
      for (String name : spec.derive().keySet()) {
        RelDataType t = compiled.types().get(i);
        types[i] = derivedType(name, t);
        for (ColumnSpec existing : cols) {
          if (existing.name().equalsIgnoreCase(name)) {
            throw SpecText.bad("derive", name, "a column of that name exists; derived columns need new names");
          }
        }
        ColumnSpec derived = types[i] == ColumnType.DECIMAL
            ? new ColumnSpec(name, ColumnType.DECIMAL, Math.min(t.getPrecision(), 38), Math.max(t.getScale(), 0), null,
                "clean: derived")
            : new ColumnSpec(name, types[i], 0, null, "clean: derived");
        cols.add(derived);
        out[i] = cols.size() - 1;
        i++;
      }
      List<String> names = List.copyOf(spec.derive().keySet());
      List<String> texts = List.copyOf(spec.derive().values());
      for (int k = 0; k < out.length; k++) {
        final int index = k;
        final boolean numeric = types[k].isNumeric();
        // one step per derived column for the report; the first evaluates all of them
        afterFill.add(() -> new RowStep(new StepStats(names.get(index), "derive", texts.get(index), numeric,
            numeric), out[index]) {
          @Override
          boolean apply(Object[] row) {
            if (index == 0) {
              Object[] values;
              synchronized (compiled) { // compiled code keeps its row in a field
                values = compiled.evaluate(row);
              }
              for (int j = 0; j < out.length; j++) {
                row[out[j]] = convert(values[j], types[j]);
              }
            }
            return true;
          }
        });
      }
    }

    private static ColumnType derivedType(String name, RelDataType t) {
      switch (t.getSqlTypeName()) {
        case BOOLEAN: return ColumnType.BOOLEAN;
        case TINYINT: case SMALLINT: case INTEGER: return ColumnType.INTEGER;
        case BIGINT: return ColumnType.BIGINT;
        case DECIMAL: return ColumnType.DECIMAL;
        case FLOAT: case REAL: case DOUBLE: return ColumnType.DOUBLE;
        case DATE: return ColumnType.DATE;
        case TIMESTAMP: return ColumnType.TIMESTAMP;
        case CHAR: case VARCHAR: return ColumnType.VARCHAR;
        default:
          throw SpecText.bad("derive", name, "its type " + t.getSqlTypeName() + " cannot be a column; cast it, e.g."
              + " CAST(... AS VARCHAR)");
      }
    }

    private static Object convert(Object v, ColumnType t) {
      if (v == null) {
        return null;
      }
      switch (t) {
        case INTEGER: return ((Number) v).intValue();
        case BIGINT: return ((Number) v).longValue();
        case DOUBLE: return ((Number) v).doubleValue();
        case DECIMAL: return v instanceof java.math.BigDecimal b ? b : new java.math.BigDecimal(v.toString());
        case VARCHAR: return v.toString();
        default: return v;
      }
    }

    void custom() {
      for (TransformSpec.CustomStep step : spec.custom()) {
        Transformation t = plugins.get(step.name());
        int c = Repairs.index(cols, step.column(), "custom");
        ColumnSpec col = cols.get(c);
        Transformation.ValueFunction f;
        try {
          f = t.bind(col.name(), col.type(), step.options());
        } catch (IllegalArgumentException e) {
          throw new DsapException(ErrorCode.INVALID_OPTION, "custom transformation '" + step.name() + "' on column "
              + col.name() + ": " + e.getMessage(), e);
        }
        boolean numeric = TypedValues.isNumeric(col);
        afterFill.add(() -> RowStep.map(new StepStats(col.name(), "custom", step.name() + ": " + t.description(),
            numeric, numeric), c, f::apply));
      }
    }

    void scaleAndBin() {
      checkNamed(spec.scale(), "scale");
      checkNamed(spec.bin(), "bin");
      Set<Integer> scaled = new HashSet<>();
      List<Supplier<RowStep>> bins = new ArrayList<>();
      for (int c = 0; c < sourceWidth; c++) {
        String method = spec.scale().forColumn(name(c));
        boolean named = spec.scale().names(name(c));
        if (method != null && !method.equals("none")) {
          if (!TypedValues.isNumeric(cols.get(c)) || (!named && keyLike(c))) {
            if (named) {
              throw notFor("scale", method, c, "numeric");
            }
          } else if (stats[c].numericCount() > 0) {
            scale(c, method);
            scaled.add(c);
          }
        }
        String binning = spec.bin().forColumn(name(c));
        boolean binNamed = spec.bin().names(name(c));
        if (binning != null && !binning.equals("none")) {
          if (!TypedValues.isNumeric(cols.get(c)) || (!binNamed && keyLike(c))) {
            if (binNamed) {
              throw notFor("bin", binning, c, "numeric");
            }
          } else if (scaled.contains(c)) {
            throw SpecText.bad("bin", binning, "column " + name(c) + " is also scaled; a column is either scaled or"
                + " binned (name the columns of each, e.g. scale => 'amount:standard', bin => 'age:quantile')");
          } else if (stats[c].numericCount() > 0) {
            bins.add(bin(c, binning));
          }
        }
      }
      afterFill.addAll(bins);
    }

    private void scale(int c, String method) {
      ColumnStats s = stats[c];
      double[] cap = caps.get(c);
      double center;
      double spread;
      String detail;
      switch (method) {
        case "standard": case "zscore":
          center = s.mean();
          spread = s.stddev();
          detail = "standard: (x - " + TypedValues.fmt(center) + ") / " + TypedValues.fmt(spread) + " (mean and stddev)";
          break;
        case "minmax": case "min_max": {
          double mn = cap == null ? s.min() : Math.max(s.min(), cap[0]);
          double mx = cap == null ? s.max() : Math.min(s.max(), cap[1]);
          center = mn;
          spread = mx - mn;
          detail = "minmax: (x - " + TypedValues.fmt(mn) + ") / " + TypedValues.fmt(spread) + " (min and max"
              + (cap == null ? ")" : " after capping)");
          break;
        }
        case "robust": {
          center = s.quantile(0.5);
          spread = s.quantile(0.75) - s.quantile(0.25);
          detail = "robust: (x - " + TypedValues.fmt(center) + ") / " + TypedValues.fmt(spread) + " (median and IQR, "
              + exactness(s.quantilesExact()) + ")";
          break;
        }
        default:
          throw SpecText.bad("scale", method, "expected standard, minmax, robust or none");
      }
      final double div = Double.isNaN(spread) || spread == 0 ? 1 : spread;
      if (div != spread) {
        detail += "; the spread is 0, so values are only centred";
      }
      cols.set(c, new ColumnSpec(name(c), ColumnType.DOUBLE, 0, null, "clean: scaled (" + method + ")"));
      String fdetail = detail;
      afterFill.add(() -> RowStep.map(new StepStats(name(c), "scale", fdetail, true, true), c,
          v -> v == null ? null : (((Number) v).doubleValue() - center) / div));
    }

    private Supplier<RowStep> bin(int c, String method) {
      ColumnStats s = stats[c];
      int n = spec.bins();
      double[] edges = new double[n - 1];
      double[] cap = caps.get(c);
      switch (method) {
        case "equal_width": case "width": {
          double mn = cap == null ? s.min() : Math.max(s.min(), cap[0]);
          double mx = cap == null ? s.max() : Math.min(s.max(), cap[1]);
          for (int i = 1; i < n; i++) {
            edges[i - 1] = mn + (mx - mn) * i / n;
          }
          break;
        }
        case "quantile": case "quantiles":
          for (int i = 1; i < n; i++) {
            edges[i - 1] = s.quantile((double) i / n);
          }
          break;
        default:
          throw SpecText.bad("bin", method, "expected equal_width, quantile or none");
      }
      StringBuilder d = new StringBuilder(method + ", " + n + " bins numbered 1.." + n + "; a value at an edge goes"
          + " to the upper bin; edges " );
      for (int i = 0; i < edges.length; i++) {
        d.append(i == 0 ? "" : ", ").append(TypedValues.fmt(edges[i]));
      }
      if (method.startsWith("quantile")) {
        d.append(" (").append(exactness(s.quantilesExact())).append(')');
      }
      cols.set(c, new ColumnSpec(name(c), ColumnType.INTEGER, 0, null, "clean: bin number (" + method + ")"));
      String detail = d.toString();
      return () -> RowStep.map(new StepStats(name(c), "bin", detail, true, true), c, v -> {
        if (v == null) {
          return null;
        }
        double x = ((Number) v).doubleValue();
        int b = 1;
        for (double e : edges) {
          if (x >= e) {
            b++;
          }
        }
        return b;
      });
    }

    void encode() {
      checkNamed(spec.encode(), "encode");
      for (String col : spec.ordinalOrder().keySet()) {
        Repairs.index(cols, col, "ordinal_order");
      }
      for (int c = 0; c < sourceWidth; c++) {
        String method = spec.encode().forColumn(name(c));
        boolean named = spec.encode().names(name(c));
        if (method == null || method.equals("none")) {
          continue;
        }
        ColumnStats s = stats[c];
        ColumnType type = cols.get(c).type();
        boolean category = (type == ColumnType.VARCHAR || type == ColumnType.BOOLEAN) && s.countsExact()
            && s.counts().size() <= spec.maxCategories();
        if (!named && !category) {
          continue;
        }
        List<Object> values = new ArrayList<>(s.counts().keySet());
        Map<Object, Long> counts = s.counts();
        switch (method) {
          case "one_hot": case "onehot":
            oneHot(c, values, counts);
            break;
          case "ordinal":
            ordinal(c, values);
            break;
          default:
            throw SpecText.bad("encode", method, "expected one_hot, ordinal or none");
        }
      }
    }

    private void oneHot(int c, List<Object> values, Map<Object, Long> counts) {
      values.sort(Comparator.<Object>comparingLong(v -> -counts.get(v)).thenComparing(ColumnStats::compare));
      List<Object> kept = values.subList(0, Math.min(values.size(), spec.maxCategories()));
      boolean other = values.size() > kept.size();
      List<Object> sorted = new ArrayList<>(kept);
      sorted.sort(ColumnStats::compare);
      Map<Object, Integer> index = new LinkedHashMap<>();
      Set<String> used = new HashSet<>();
      for (Object v : sorted) {
        String base = name(c) + "_" + slug(String.valueOf(v));
        String colName = base;
        for (int k = 2; used.contains(colName.toLowerCase(Locale.ROOT)); k++) {
          colName = base + "_" + k;
        }
        used.add(colName.toLowerCase(Locale.ROOT));
        index.put(v, addColumn(colName, ColumnType.BOOLEAN, "one-hot of " + name(c)));
      }
      int otherIndex = other ? addColumn(name(c) + "_other", ColumnType.BOOLEAN, "one-hot of " + name(c)) : -1;
      int[] all = index.values().stream().mapToInt(Integer::intValue).toArray();
      String detail = "one_hot: " + all.length + " columns " + String.join(", ", Arrays.stream(all)
          .mapToObj(i -> cols.get(i).name()).toList()) + (other ? " and " + name(c) + "_other (values beyond the "
          + spec.maxCategories() + " most frequent)" : "") + "; NULL sets every flag false";
      afterFill.add(() -> new RowStep(new StepStats(name(c), "encode", detail, false, false), c) {
        @Override
        boolean apply(Object[] row) {
          Object v = row[c];
          for (int i : all) {
            row[i] = false;
          }
          if (otherIndex >= 0) {
            row[otherIndex] = false;
          }
          if (v != null) {
            Integer i = index.get(v);
            if (i != null) {
              row[i] = true;
            } else if (otherIndex >= 0) {
              row[otherIndex] = true;
            }
          }
          return true;
        }
      });
    }

    private static String slug(String s) {
      String t = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
      return t.isEmpty() ? "blank" : t;
    }

    private void ordinal(int c, List<Object> values) {
      List<String> order = null;
      for (Map.Entry<String, List<String>> e : spec.ordinalOrder().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name(c))) {
          order = e.getValue();
        }
      }
      Map<String, Integer> codes = new HashMap<>(); // by the value's text, so order lists match any type
      String detail;
      if (order != null) {
        for (int i = 0; i < order.size(); i++) {
          codes.put(order.get(i), i);
        }
        detail = "ordinal: " + String.join(" < ", order) + " as 0.." + (order.size() - 1)
            + "; other values are NULL";
      } else {
        values.sort(ColumnStats::compare);
        for (int i = 0; i < values.size(); i++) {
          codes.put(String.valueOf(values.get(i)), i);
        }
        detail = "ordinal: " + values.size() + " values in sorted order as 0.." + (values.size() - 1);
      }
      cols.set(c, new ColumnSpec(name(c), ColumnType.INTEGER, 0, null, "clean: ordinal code"));
      afterFill.add(() -> RowStep.map(new StepStats(name(c), "encode", detail, false, true), c,
          v -> v == null ? null : codes.get(String.valueOf(v))));
    }
  }
}
