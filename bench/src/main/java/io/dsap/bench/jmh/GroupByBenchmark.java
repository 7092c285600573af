package io.dsap.bench.jmh;

import io.dsap.bench.OrdersGenerator;
import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.aggregate.GroupState;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.CsvSchemaDetector;
import io.dsap.engine.csv.CsvTableSource;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GROUP BY aggregator alone, without the parser: {@code SELECT <key>, count(*), avg(unit_price),
 * max(quantity) FROM orders GROUP BY <key>} as the pushed-down plan computes it ({@code COUNT(*)},
 * {@code SUM} and {@code COUNT} of unit_price for the average, {@code MAX(quantity)}), over the
 * batches of a 200,000-row orders file that setup parsed once and copied into batches of its own.
 * Score: µs per pass over the 200,000 rows.
 *
 * <ul>
 *   <li>{@code oneState}: every batch into one state, then its result rows (one split)</li>
 *   <li>{@code twoStatesMerged}: half the batches into each of two states, merged (what the parallel
 *       fold does with two splits)</li>
 * </ul>
 *
 * {@code key}: status (VARCHAR, 6 groups, plus the dictionary of key bytes), country (VARCHAR,
 * 19), quantity (a number, 50) and order_date (DATE, about 1,460 groups).
 * Uses only the public entry points of {@code engine/aggregate}: {@code new GroupBy(projection,
 * keys, keyTypes, aggs)}, {@code GroupBy.newState}, {@code GroupState.add/merge/rows}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GroupByBenchmark {
    @Param({"status", "country", "quantity", "order_date"})
    public String key;

    private GroupBy plan;
    private final List<Batch> batches = new ArrayList<>();

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("dsap-jmh-groupby");
        Path file = dir.resolve("orders.csv");
        try {
            new OrdersGenerator(200_000, 42, false).writeTo(file);
            CsvTableSource source = new CsvTableSource(file, "orders.csv", CsvSchemaDetector.detect(file, CsvOptions.DETECT));
            List<ColumnSpec> columns = source.columns();
            List<Integer> projection = new ArrayList<>();
            int keyAt = position(projection, column(columns, key));
            int quantityAt = position(projection, column(columns, "quantity"));
            int priceAt = position(projection, column(columns, "unit_price"));
            int[] proj = projection.stream().mapToInt(Integer::intValue).toArray();

            ColumnSpec price = columns.get(proj[priceAt]);
            ColumnSpec quantity = columns.get(proj[quantityAt]);
            boolean priceIsDouble = price.type() == ColumnType.DOUBLE;
            List<GroupBy.Agg> aggs = List.of(
                    new GroupBy.Agg(GroupBy.Kind.COUNT_STAR, -1, false, GroupBy.Out.LONG, 0),
                    new GroupBy.Agg(GroupBy.Kind.SUM, priceAt, priceIsDouble,
                            priceIsDouble ? GroupBy.Out.DOUBLE : GroupBy.Out.DECIMAL, price.scale()),
                    new GroupBy.Agg(GroupBy.Kind.COUNT, priceAt, false, GroupBy.Out.LONG, 0),
                    new GroupBy.Agg(GroupBy.Kind.MAX, quantityAt, false,
                            quantity.type() == ColumnType.BIGINT ? GroupBy.Out.LONG : GroupBy.Out.INT, 0));
            plan = new GroupBy(proj, new int[] {keyAt}, new ColumnType[] {columns.get(proj[keyAt]).type()}, aggs);

            // the reader reuses its batch: keep copies, so that the benchmark measures aggregation only
            try (BatchReader r = source.open(proj, new RejectLog(10), ProgressListener.NONE)) {
                for (Batch b = r.next(); b != null; b = r.next()) {
                    batches.add(copy(b, proj, columns));
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        long rows = batches.stream().mapToLong(Batch::rowCount).sum();
        if (rows != 200_000) {
            throw new IllegalStateException("read " + rows + " rows, not 200,000");
        }
    }

    @Benchmark
    public List<Object[]> oneState() {
        GroupState s = plan.newState(true);
        for (Batch b : batches) {
            s.add(b);
        }
        return s.rows();
    }

    @Benchmark
    public List<Object[]> twoStatesMerged() {
        GroupState a = plan.newState(true);
        GroupState b = plan.newState(true);
        int half = batches.size() / 2;
        for (int i = 0; i < batches.size(); i++) {
            (i < half ? a : b).add(batches.get(i));
        }
        return a.merge(b).rows();
    }

    private static int column(List<ColumnSpec> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private static int position(List<Integer> projection, int field) {
        int i = projection.indexOf(field);
        if (i < 0) {
            projection.add(field);
            i = projection.size() - 1;
        }
        return i;
    }

    private static Batch copy(Batch b, int[] proj, List<ColumnSpec> columns) {
        int rows = b.rowCount();
        ColumnVector[] out = new ColumnVector[proj.length];
        for (int c = 0; c < proj.length; c++) {
            ColumnVector from = b.column(c);
            ColumnVector to = ColumnVector.of(columns.get(proj[c]), rows);
            for (int r = 0; r < rows; r++) {
                if (from.isNull(r)) {
                    to.setNull(r);
                } else if (from instanceof StringVector s) {
                    ((StringVector) to).set(r, s.data(), s.start(r), s.end(r));
                } else if (from instanceof LongVector l) {
                    ((LongVector) to).set(r, l.values()[r]);
                } else if (from instanceof DoubleVector d) {
                    ((DoubleVector) to).set(r, d.values()[r]);
                } else {
                    throw new IllegalStateException("no copy for " + from.getClass().getSimpleName());
                }
            }
            out[c] = to;
        }
        Batch copy = new Batch(out, rows);
        copy.setRowCount(rows);
        return copy;
    }
}
