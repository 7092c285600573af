package io.dsap.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data folder holds {@code orders.csv} with the wanted number of rows. */
final class BenchData {

    static final String FILE_NAME = "orders.csv";
    /** The same rows as Parquet, in a folder of its own so that dsap's table {@code orders} stays the CSV. */
    static final String PARQUET_FILE = "parquet/orders.parquet";
    /** Rows per Parquet row group: several row groups even at 1M rows. */
    static final int PARQUET_ROW_GROUP = 250_000;
    /** The same rows with the errors of {@link Dirt}, for the validation rows. */
    static final String DIRTY_FILE_NAME = "orders_dirty.csv";

    private BenchData() {
    }

    /**
     * Returns {@code dir/orders.csv}, generating it (clean, {@code seed}) when it is missing, or
     * when {@code rowsExplicit} and its last order_id says it has another number of rows.
     */
    static Path ensure(Path dir, long rows, long seed, boolean rowsExplicit) throws IOException {
        return ensure(dir.resolve(FILE_NAME), rows, seed, rowsExplicit, false);
    }

    /** Returns {@code dir/orders_dirty.csv}, generated like {@link #ensure} but with {@link Dirt}. */
    static Path ensureDirty(Path dir, long rows, long seed, boolean rowsExplicit) throws IOException {
        return ensure(dir.resolve(DIRTY_FILE_NAME), rows, seed, rowsExplicit, true);
    }

    private static Path ensure(Path csv, long rows, long seed, boolean rowsExplicit, boolean dirty) throws IOException {
        if (Files.exists(csv)) {
            long last = lastOrderId(csv);
            if (!rowsExplicit || last == rows) {
                System.out.printf("using %s (%,d bytes, last order_id %,d)%n", csv, Files.size(csv), last);
                return csv;
            }
            System.out.printf("%s ends at order_id %,d, not %,d: generating it again%n", csv, last, rows);
        }
        System.out.printf("generating %s: %,d rows, seed %d%s ...%n", csv, rows, seed, dirty ? ", dirty" : "");
        long t0 = System.nanoTime();
        OrdersGenerator.Summary s = new OrdersGenerator(rows, seed, dirty).writeTo(csv);
        System.out.printf("generated %,d bytes in %.1f s%n", s.bytes(), (System.nanoTime() - t0) / 1e9);
        return csv;
    }

    /** The first field of the file's last line, or -1 when it is not a number (not our file). */
    static long lastOrderId(Path csv) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 1 << 16);
            byte[] tail = new byte[n];
            f.seek(len - n);
            f.readFully(tail);
            String s = new String(tail, StandardCharsets.UTF_8).stripTrailing();
            String lastLine = s.substring(s.lastIndexOf('\n') + 1);
            int comma = lastLine.indexOf(',');
            try {
                return Long.parseLong(comma < 0 ? lastLine : lastLine.substring(0, comma));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * Returns {@code dir/parquet/orders.parquet}, written from {@code csv} by DuckDB's {@code COPY ... TO
     * (FORMAT PARQUET, ROW_GROUP_SIZE 250000)} when it is missing or older than the CSV: a file written
     * by another engine, with DuckDB's types (unit_price DOUBLE) and several row groups.
     */
    static Path ensureParquet(Path dir, Path csv) throws IOException {
        Path parquet = dir.resolve(PARQUET_FILE);
        if (Files.exists(parquet) && Files.getLastModifiedTime(parquet).compareTo(Files.getLastModifiedTime(csv)) > 0) {
            System.out.printf("using %s (%,d bytes)%n", parquet, Files.size(parquet));
            return parquet;
        }
        Files.createDirectories(parquet.getParent());
        Path tmp = parquet.resolveSibling("orders.parquet.tmp");
        System.out.printf("writing %s from %s with DuckDB ...%n", parquet, csv);
        long t0 = System.nanoTime();
        try (java.sql.Connection c = BenchSystem.DUCKDB.open(dir); java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + quote(csv) + "')) TO '" + quote(tmp)
                    + "' (FORMAT PARQUET, ROW_GROUP_SIZE " + PARQUET_ROW_GROUP + ")");
        } catch (java.sql.SQLException e) {
            throw new IOException("could not write " + parquet + " with DuckDB: " + e.getMessage(), e);
        }
        Files.move(tmp, parquet, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("wrote %,d bytes in %.1f s%n", Files.size(parquet), (System.nanoTime() - t0) / 1e9);
        return parquet;
    }

    private static String quote(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
