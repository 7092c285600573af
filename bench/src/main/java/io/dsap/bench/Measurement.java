package io.dsap.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one system did for one query: the first (cold) run, the measured run times, the last result. */
final class Measurement {

    private QueryResult first;
    private QueryResult last;
    private final List<Long> measuredNanos = new ArrayList<>();
    private final List<Long> measuredCpuNanos = new ArrayList<>();
    private String error;

    /** Records a run; {@code measured} false for warm-up runs. */
    void add(QueryResult r, boolean measured) {
        if (first == null) {
            first = r;
        }
        if (!r.ok()) {
            if (error == null) {
                error = r.error();
            }
            return;
        }
        last = r;
        if (measured) {
            measuredNanos.add(r.nanos());
            if (r.cpuNanos() >= 0) {
                measuredCpuNanos.add(r.cpuNanos());
            }
        }
    }

    boolean ok() {
        return error == null && last != null;
    }

    String error() {
        return error;
    }

    QueryResult result() {
        return last;
    }

    double firstMillis() {
        return first == null || !first.ok() ? Double.NaN : first.millis();
    }

    int runs() {
        return measuredNanos.size();
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double minMillis() {
        return measuredNanos.isEmpty() ? Double.NaN : Collections.min(measuredNanos) / 1e6;
    }

    double maxMillis() {
        return measuredNanos.isEmpty() ? Double.NaN : Collections.max(measuredNanos) / 1e6;
    }

    /** Median CPU time of the measured runs (process, all threads), NaN when unknown. */
    double medianCpuMillis() {
        return percentile(measuredCpuNanos, 50);
    }

    /** Median for p=50 (mean of the two middle values for an even count). */
    double percentileMillis(double p) {
        return percentile(measuredNanos, p);
    }

    private static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(values);
        Collections.sort(s);
        double pos = p / 100.0 * (s.size() - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return (s.get(lo) + (s.get(hi) - s.get(lo)) * (pos - lo)) / 1e6;
    }
}
