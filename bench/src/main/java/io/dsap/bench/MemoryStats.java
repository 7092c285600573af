package io.dsap.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of this JVM process: peak and current resident set size from {@code /proc/self/status}
 * (VmHWM, VmRSS; Linux only, -1 elsewhere), which include native memory such as DuckDB's, and the
 * Java heap: used now, and the sum of each heap pool's peak (an upper bound of the true peak,
 * since pools peak at different times).
 */
public record MemoryStats(long peakRssKb, long rssKb, long heapUsedBytes, long heapPeakBytes) {

    public static MemoryStats now() {
        long hwm = -1, rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                } else if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave -1
        }
        long used = 0, peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new MemoryStats(hwm, rss, used, peak);
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    public String describe() {
        return String.format("peak RSS %s, RSS now %s, heap peak %s, heap now %s",
                mb(peakRssKb * 1024), mb(rssKb * 1024), mb(heapPeakBytes), mb(heapUsedBytes));
    }

    static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format("%,d MB", bytes / (1024 * 1024));
    }
}
