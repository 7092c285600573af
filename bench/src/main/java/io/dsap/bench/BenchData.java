package io.dsap.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data folder holds {@code orders.csv} with the wanted number of rows. */
final class BenchData {

    static final String FILE_NAME = "orders.csv";

    private BenchData() {
    }

    /**
     * Returns {@code dir/orders.csv}, generating it (clean, {@code seed}) when it is missing, or
     * when {@code rowsExplicit} and its last order_id says it has another number of rows.
     */
    static Path ensure(Path dir, long rows, long seed, boolean rowsExplicit) throws IOException {
        Path csv = dir.resolve(FILE_NAME);
        if (Files.exists(csv)) {
            long last = lastOrderId(csv);
            if (!rowsExplicit || last == rows) {
                System.out.printf("using %s (%,d bytes, last order_id %,d)%n", csv, Files.size(csv), last);
                return csv;
            }
            System.out.printf("%s ends at order_id %,d, not %,d: generating it again%n", csv, last, rows);
        }
        System.out.printf("generating %s: %,d rows, seed %d ...%n", csv, rows, seed);
        long t0 = System.nanoTime();
        OrdersGenerator.Summary s = new OrdersGenerator(rows, seed, false).writeTo(csv);
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
}
