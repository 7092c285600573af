package io.dsap.engine.transform;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.types.ColumnSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A cleaning spec for engines that read the data themselves, in parallel parts (dsap on Spark):
 * the same repairs, statistics, steps and report as {@link TransformPlan}, with the stats pass
 * and the apply pass run per part and their states merged. Every object here is
 * {@link Serializable}, so it can be shipped to the processes that read the parts.
 *
 * <ol>
 *   <li>{@link #decide}: type repairs from the data's first rows (as locally, the first
 *       {@value Repairs#SAMPLE_ROWS});</li>
 *   <li>per part {@link #newStats()} and {@link Stats#add}, then {@link Stats#merge} them all;</li>
 *   <li>{@link #plan}: the steps' parameters from the merged statistics;</li>
 *   <li>per part {@link Plan#start()} and {@link Part#apply}, then {@link Plan#report} over the parts.</li>
 * </ol>
 *
 * <p>Steps whose result depends on reading every row in one order are refused: forward and
 * backward fill, and the isolation forest (trained on a sample of the rows in file order).
 */
public final class PartitionedTransform implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnSpec> source;
  private final TransformSpec spec;
  private final Repairs repairs;

  private PartitionedTransform(List<ColumnSpec> source, TransformSpec spec, Repairs repairs) {
    this.source = List.copyOf(source);
    this.spec = spec;
    this.repairs = repairs;
  }

  /**
   * Checks that {@code spec} can run in parts and decides the type repairs from {@code firstRows}:
   * the source's first rows in order (rows the reader rejects left out), values in Calcite's
   * representation for {@code columns} (see {@link Transformation.ValueFunction#apply}).
   */
  public static PartitionedTransform decide(List<ColumnSpec> columns, Iterator<Object[]> firstRows,
      TransformSpec spec) {
    refuseOrdered(spec);
    return new PartitionedTransform(columns, spec, Repairs.decide(columns, firstRows, spec));
  }

  /** How many first rows {@link #decide} reads. */
  public static int sampleRows() {
    return Repairs.SAMPLE_ROWS;
  }

  private static void refuseOrdered(TransformSpec spec) {
    java.util.Map<String, String> choices = new java.util.LinkedHashMap<>(); // as written -> strategy
    if (spec.missing().all() != null) {
      choices.put("missing: " + spec.missing().all(), spec.missing().all());
    }
    spec.missing().columns().forEach((c, m) -> choices.put("missing: " + c + ":" + m, m));
    for (java.util.Map.Entry<String, String> e : choices.entrySet()) {
      String m = e.getValue();
      if (m.equals("ffill") || m.equals("forward_fill") || m.equals("bfill") || m.equals("backward_fill")) {
        boolean forward = m.startsWith("f");
        throw new DsapException(ErrorCode.INVALID_OPTION, "cleaning step '" + e.getKey() + "' cannot run on Spark: a "
            + (forward ? "forward" : "backward") + " fill takes the " + (forward ? "previous" : "next") + " row's"
            + " value, which needs every row read in one order, while Spark reads the data in parallel parts."
            + " Clean with the local engine (dsap transform), or choose mean, median, mode or constant for that"
            + " column.");
      }
    }
    List<String> outliers = new ArrayList<>();
    if (spec.outliers().all() != null) {
      outliers.add(spec.outliers().all());
    }
    outliers.addAll(spec.outliers().columns().values());
    for (String m : outliers) {
      if (m.equals("isolation_forest") || m.equals("iforest")) {
        throw new DsapException(ErrorCode.INVALID_OPTION, "cleaning step 'outliers: " + m + "' cannot run on Spark:"
            + " the forest is trained on a sample drawn from the rows in file order, which a parallel read does"
            + " not reproduce, so Spark would flag other rows than the local engine. Use iqr, zscore or mad on"
            + " Spark, or clean with the local engine (dsap transform).");
      }
    }
  }

  /** The columns after type repair (what the statistics describe). */
  public List<ColumnSpec> repairedColumns() {
    return repairs.columns();
  }

  /** An empty stats state for one part. */
  public Stats newStats() {
    return new Stats(this);
  }

  /** The steps planned from the merged statistics of all parts. */
  public Plan plan(Stats all) {
    Plan p = new Plan(this, all);
    p.plan(); // fail here, on the driver, for a bad option
    return p;
  }

  /** The stats pass over one part (or, merged, over all of them): repaired values of every column. */
  public static final class Stats implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PartitionedTransform t;
    private final ColumnStats[] columns;
    private long rows;
    private transient List<RowStep> repair;

    private Stats(PartitionedTransform t) {
      this.t = t;
      int n = t.repairs.columns().size();
      this.columns = new ColumnStats[n];
      for (int c = 0; c < n; c++) {
        columns[c] = new ColumnStats(t.spec.seed() + c);
      }
    }

    /** Adds one source row (values in the source columns' representation; the array is not changed). */
    public void add(Object[] sourceRow) {
      if (repair == null) {
        repair = t.repairs.steps();
      }
      Object[] row = Arrays.copyOf(sourceRow, columns.length);
      for (RowStep s : repair) {
        s.apply(row);
      }
      for (int c = 0; c < columns.length; c++) {
        columns[c].add(row[c]);
      }
      rows++;
    }

    /** Adds another part's statistics to these. */
    public void merge(Stats o) {
      for (int c = 0; c < columns.length; c++) {
        columns[c].merge(o.columns[c]);
      }
      rows += o.rows;
    }

    public long rows() {
      return rows;
    }
  }

  /** The planned steps; shipped to each part, which re-plans from the same statistics (deterministic). */
  public static final class Plan implements Serializable {
    private static final long serialVersionUID = 1L;
    private final PartitionedTransform t;
    private final Stats stats;
    private transient TransformPlan plan;

    private Plan(PartitionedTransform t, Stats stats) {
      this.t = t;
      this.stats = stats;
    }

    private TransformPlan plan() {
      if (plan == null) {
        plan = TransformPlan.fromStats(null, t.repairs, stats.columns, List.of(), stats.rows, t.spec,
            Transformations.installed());
      }
      return plan;
    }

    /** The cleaned rows' columns. */
    public List<ColumnSpec> columns() {
      return plan().columns();
    }

    /** Starts the apply pass over one part. */
    public Part start() {
      return new Part(plan());
    }

    /** The report over all parts' {@link Part#done()} states; {@code rejected}: rows the reader rejected. */
    public TransformationReport report(List<PartReport> parts, long rejected) {
      PartReport all = null;
      for (PartReport p : parts) {
        if (all == null) {
          all = p;
        } else {
          all.merge(p);
        }
      }
      if (all == null) {
        all = start().done();
      }
      List<TransformationReport.Entry> entries = new ArrayList<>();
      all.steps.forEach(s -> entries.add(s.entry()));
      return new TransformationReport(all.rowsIn, all.rowsOut, rejected, entries, null, null);
    }
  }

  /** The apply pass over one part: rows in, cleaned rows out, in the part's order. */
  public static final class Part {
    private final int width;
    private final List<RowStep> steps = new ArrayList<>();
    private long rowsIn;
    private long rowsOut;

    private Part(TransformPlan plan) {
      this.width = plan.columns().size();
      steps.addAll(plan.repairs.steps());
      plan.beforeFill.forEach(s -> steps.add(s.get()));
      plan.afterFill.forEach(s -> steps.add(s.get()));
    }

    /** The cleaned row ({@link Plan#columns()} wide), or null when a step removes it. */
    public Object[] apply(Object[] sourceRow) {
      rowsIn++;
      Object[] row = Arrays.copyOf(sourceRow, width);
      for (RowStep s : steps) {
        if (!s.run(row)) {
          return null;
        }
      }
      rowsOut++;
      return row;
    }

    /** What the steps did in this part, to merge with the other parts' in {@link Plan#report}. */
    public PartReport done() {
      List<StepStats> stats = new ArrayList<>();
      steps.forEach(s -> stats.add(s.stats));
      return new PartReport(rowsIn, rowsOut, stats);
    }
  }

  /** One part's report state. */
  public static final class PartReport implements Serializable {
    private static final long serialVersionUID = 1L;
    private long rowsIn;
    private long rowsOut;
    private final List<StepStats> steps;

    private PartReport(long rowsIn, long rowsOut, List<StepStats> steps) {
      this.rowsIn = rowsIn;
      this.rowsOut = rowsOut;
      this.steps = new ArrayList<>(steps);
    }

    private void merge(PartReport o) {
      rowsIn += o.rowsIn;
      rowsOut += o.rowsOut;
      for (int i = 0; i < steps.size(); i++) {
        steps.get(i).merge(o.steps.get(i));
      }
    }
  }
}
