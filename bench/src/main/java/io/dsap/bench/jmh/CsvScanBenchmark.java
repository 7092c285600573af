package io.dsap.bench.jmh;

import io.dsap.bench.OrdersGenerator;
import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.csv.CsvSchemaDetector;
import io.dsap.engine.csv.CsvTableSource;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.ScanThreads;
import io.dsap.engine.profile.TableState;
import io.dsap.engine.rejects.RejectLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CSV parser and the profile aggregators on a 200,000-row orders file (about 20 MB, in the
 * page cache), with 1 scan thread and with 2 (parallel splits). Score: ms per pass over the file.
 *
 * <ul>
 *   <li>{@code countRows}: split, tokenize and type-check every field, materialise nothing
 *       (what {@code count(*)} does)</li>
 *   <li>{@code readGroupByColumns}: status, quantity and unit_price materialised, the other columns
 *       only checked (what the pushed-down {@code GROUP BY status} reads)</li>
 *   <li>{@code readAllColumns}: the same, every column materialised into batches, in file order
 *       (what {@code SELECT *} and {@code validate()} consume)</li>
 *   <li>{@code profileAllColumns}: every column into the mergeable profile states, one per split
 *       (what {@code profile()} does, minus the final statistics)</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CsvScanBenchmark {
    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private CsvTableSource source;
    private int[] all;
    private int[] groupBy;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("dsap-jmh");
        Path file = dir.resolve("orders.csv");
        new OrdersGenerator(200_000, 42, false).writeTo(file);
        source = new CsvTableSource(file, "orders.csv", CsvSchemaDetector.detect(file, CsvOptions.DETECT));
        all = new int[source.columns().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        groupBy = new int[] {column("status"), column("quantity"), column("unit_price")};
        ScanThreads.setThreads(threads);
    }

    private int column(String name) {
        for (int i = 0; i < source.columns().size(); i++) {
            if (source.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public long countRows() {
        return source.fold(new int[0], new RejectLog(10), () -> new long[1], (n, b) -> n[0] += b.rowCount(),
                (a, b) -> {
                    a[0] += b[0];
                    return a;
                })[0];
    }

    @Benchmark
    public long readGroupByColumns() {
        long rows = 0;
        try (BatchReader r = source.open(groupBy, new RejectLog(10), ProgressListener.NONE)) {
            for (Batch b = r.next(); b != null; b = r.next()) {
                rows += b.rowCount();
            }
        }
        return rows;
    }

    @Benchmark
    public long readAllColumns() {
        long rows = 0;
        try (BatchReader r = source.open(all, new RejectLog(10), ProgressListener.NONE)) {
            for (Batch b = r.next(); b != null; b = r.next()) {
                rows += b.rowCount();
            }
        }
        return rows;
    }

    @Benchmark
    public Object profileAllColumns() {
        return source.fold(all, new RejectLog(10), () -> new TableState(source.columns()), TableState::add, (a, b) -> {
            a.merge(b);
            return a;
        });
    }
}
