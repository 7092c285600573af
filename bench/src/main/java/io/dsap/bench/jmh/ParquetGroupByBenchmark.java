package io.dsap.bench.jmh;

import io.dsap.engine.aggregate.GroupBy;
import io.dsap.engine.aggregate.GroupState;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.format.parquet.ParquetFormat;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Parquet {@code GROUP BY} as the pushed-down plan runs it, without SQL: {@code SELECT status,
 * count(*), avg(unit_price), max(quantity) ... GROUP BY status} folded over the row groups of a
 * 2,000,000-row file DuckDB wrote in setup (row groups of 250,000 rows, like the bench's file),
 * decoding included. Score: ms per fold.
 *
 * <p>{@code codec}: the file's compression. {@code direct}: chunks read straight from the file
 * ({@code DirectChunkPages}) or through parquet-hadoop's pages ({@code -Ddsap.parquet.direct=false}).
 * The dense counting of few groups is switched with {@code -Ddsap.groupby.dense=false} in the
 * forked JVM ({@code -jvmArgsAppend}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParquetGroupByBenchmark {
    @Param({"snappy", "uncompressed"})
    public String codec;

    @Param({"true", "false"})
    public String direct;

    private Path dir;
    private TableSource source;
    private GroupBy plan;

    @Setup
    public void setUp() throws IOException, SQLException {
        System.setProperty("dsap.parquet.direct", direct);
        dir = Files.createTempDirectory("dsap-jmh-parquet");
        Path file = dir.resolve("orders.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT ['shipped','delivered','pending','returned','cancelled','paid'][(i * 7919) % 6 + 1]"
                    + " AS status, (i * 31 % 50 + 1)::BIGINT AS quantity, round((i * 7907 % 50000) / 100.0, 2)::DOUBLE"
                    + " AS unit_price FROM range(0, 2000000) t(i)) TO '" + file + "' (FORMAT PARQUET, COMPRESSION "
                    + codec + ", ROW_GROUP_SIZE 250000)");
        }
        source = new ParquetFormat().open(file, "orders.parquet", "orders", FormatOptions.NONE);
        List<ColumnSpec> columns = source.columns();
        if (columns.get(1).type() != ColumnType.BIGINT || columns.get(2).type() != ColumnType.DOUBLE) {
            throw new IllegalStateException("unexpected columns " + columns);
        }
        plan = new GroupBy(new int[] {0, 1, 2}, new int[] {0}, new ColumnType[] {ColumnType.VARCHAR}, List.of(
                new GroupBy.Agg(GroupBy.Kind.COUNT_STAR, -1, false, GroupBy.Out.LONG, 0),
                new GroupBy.Agg(GroupBy.Kind.SUM, 2, true, GroupBy.Out.DOUBLE, 0),
                new GroupBy.Agg(GroupBy.Kind.COUNT, 2, false, GroupBy.Out.LONG, 0),
                new GroupBy.Agg(GroupBy.Kind.MAX, 1, false, GroupBy.Out.LONG, 0)));
    }

    @TearDown
    public void tearDown() throws IOException {
        System.clearProperty("dsap.parquet.direct");
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public List<Object[]> fold() {
        GroupState s = source.fold(plan.projection(), RejectSink.DISCARD, () -> plan.newState(true), GroupState::add,
                GroupState::merge);
        if (s.rowsRead() != 2_000_000) {
            throw new IllegalStateException("read " + s.rowsRead() + " rows");
        }
        return s.rows();
    }
}
