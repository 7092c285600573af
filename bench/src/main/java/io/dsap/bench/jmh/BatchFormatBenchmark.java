package io.dsap.bench.jmh;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Float8Vector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Batch format for the columnar engine: plain primitive arrays (values in {@code long[]} /
 * {@code double[]}, nulls as bits in a {@code long[]}) against Arrow 19 vectors
 * ({@link BigIntVector}, {@link Float8Vector}, arrow-memory-unsafe, no JVM flags).
 * One operation = fill one 64K batch from already parsed values (as the CSV reader would), then
 * sum it with null checks (as an aggregate would). Score is ns per batch; divide by 65,536 for
 * ns per value.
 *
 * <ul>
 *   <li>{@code *FillSum}: reused batch, the way a reader recycles its batches</li>
 *   <li>{@code *AllocFillSum}: a new batch per operation (allocation and zeroing included)</li>
 *   <li>{@code *Sum}: read side only, batch filled once in setup</li>
 *   <li>{@code arrowBuffers*}: Arrow memory written and read through {@link ArrowBuf} and
 *       {@link BitVectorHelper} directly, skipping the vector's per-value methods</li>
 * </ul>
 * Arrow's bounds checks are on by default; run again with
 * {@code -jvmArgsAppend -Darrow.enable_unsafe_memory_access=true} to see them off.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchFormatBenchmark {

    static final int BATCH = 64 * 1024;

    /** Percentage of null values, placed at random. */
    @Param({"0", "10"})
    public int nullPercent;

    // the "parsed values" a reader hands to the batch
    private long[] parsedLongs;
    private double[] parsedDoubles;
    private boolean[] parsedNull;

    // primitive batch: values plus a null bitmap (bit set = null)
    private long[] longs;
    private double[] doubles;
    private long[] nulls;

    // Arrow batch
    private BufferAllocator allocator;
    private BigIntVector bigInt;
    private Float8Vector float8;

    // filled once, for the read-only benchmarks
    private long[] filledLongs;
    private long[] filledNulls;
    private BigIntVector filledBigInt;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        parsedLongs = new long[BATCH];
        parsedDoubles = new double[BATCH];
        parsedNull = new boolean[BATCH];
        for (int i = 0; i < BATCH; i++) {
            parsedLongs[i] = rnd.nextLong(1_000_000);
            parsedDoubles[i] = rnd.nextInt(500_000) / 100.0;
            parsedNull[i] = rnd.nextInt(100) < nullPercent;
        }
        longs = new long[BATCH];
        doubles = new double[BATCH];
        nulls = new long[BATCH / 64];

        allocator = new RootAllocator();
        bigInt = new BigIntVector("v", allocator);
        bigInt.allocateNew(BATCH);
        float8 = new Float8Vector("d", allocator);
        float8.allocateNew(BATCH);

        filledLongs = new long[BATCH];
        filledNulls = new long[BATCH / 64];
        fillPrimitive(filledLongs, filledNulls);
        filledBigInt = new BigIntVector("f", allocator);
        filledBigInt.allocateNew(BATCH);
        fillArrow(filledBigInt);
        if (sumPrimitive(filledLongs, filledNulls) != sumArrow(filledBigInt)) {
            throw new AssertionError("primitive and Arrow sums differ");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bigInt.close();
        float8.close();
        filledBigInt.close();
        allocator.close();
    }

    // ---- long / BIGINT ----

    @Benchmark
    public long primitiveLongFillSum() {
        fillPrimitive(longs, nulls);
        return sumPrimitive(longs, nulls);
    }

    @Benchmark
    public long arrowBigIntFillSum() {
        bigInt.reset();
        fillArrow(bigInt);
        return sumArrow(bigInt);
    }

    @Benchmark
    public long arrowBuffersBigIntFillSum() {
        bigInt.reset();
        ArrowBuf data = bigInt.getDataBuffer();
        ArrowBuf validity = bigInt.getValidityBuffer();
        for (int i = 0; i < BATCH; i++) {
            if (!parsedNull[i]) {
                data.setLong((long) i * 8, parsedLongs[i]);
                BitVectorHelper.setBit(validity, i);
            }
        }
        bigInt.setValueCount(BATCH);
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if (BitVectorHelper.get(validity, i) != 0) {
                sum += data.getLong((long) i * 8);
            }
        }
        return sum;
    }

    @Benchmark
    public long primitiveLongAllocFillSum() {
        long[] v = new long[BATCH];
        long[] n = new long[BATCH / 64];
        fillPrimitive(v, n);
        return sumPrimitive(v, n);
    }

    @Benchmark
    public long arrowBigIntAllocFillSum() {
        try (BigIntVector v = new BigIntVector("v", allocator)) {
            v.allocateNew(BATCH);
            fillArrow(v);
            return sumArrow(v);
        }
    }

    @Benchmark
    public long primitiveLongSum() {
        return sumPrimitive(filledLongs, filledNulls);
    }

    @Benchmark
    public long arrowBigIntSum() {
        return sumArrow(filledBigInt);
    }

    // ---- double / DOUBLE ----

    @Benchmark
    public double primitiveDoubleFillSum() {
        long[] n = nulls;
        Arrays.fill(n, 0L);
        for (int i = 0; i < BATCH; i++) {
            if (parsedNull[i]) {
                n[i >>> 6] |= 1L << i;
                doubles[i] = 0;
            } else {
                doubles[i] = parsedDoubles[i];
            }
        }
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if ((n[i >>> 6] & (1L << i)) == 0) {
                sum += doubles[i];
            }
        }
        return sum;
    }

    @Benchmark
    public double arrowFloat8FillSum() {
        Float8Vector v = float8;
        v.reset();
        for (int i = 0; i < BATCH; i++) {
            if (parsedNull[i]) {
                v.setNull(i);
            } else {
                v.set(i, parsedDoubles[i]);
            }
        }
        v.setValueCount(BATCH);
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if (!v.isNull(i)) {
                sum += v.get(i);
            }
        }
        return sum;
    }

    // ---- shared loops ----

    private void fillPrimitive(long[] values, long[] nullBits) {
        Arrays.fill(nullBits, 0L);
        for (int i = 0; i < BATCH; i++) {
            if (parsedNull[i]) {
                nullBits[i >>> 6] |= 1L << i;
                values[i] = 0;
            } else {
                values[i] = parsedLongs[i];
            }
        }
    }

    private static long sumPrimitive(long[] values, long[] nullBits) {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if ((nullBits[i >>> 6] & (1L << i)) == 0) {
                sum += values[i];
            }
        }
        return sum;
    }

    private void fillArrow(BigIntVector v) {
        for (int i = 0; i < BATCH; i++) {
            if (parsedNull[i]) {
                v.setNull(i);
            } else {
                v.set(i, parsedLongs[i]);
            }
        }
        v.setValueCount(BATCH);
    }

    private static long sumArrow(BigIntVector v) {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if (!v.isNull(i)) {
                sum += v.get(i);
            }
        }
        return sum;
    }
}
