package io.dsap.bench;

import java.util.Locale;

/**
 * How long a query is run before it is measured: at least {@code rounds} rounds, and more until
 * every system has spent at least {@code millis} ms in them (at most {@link #MAX_ROUNDS} rounds).
 * A round count alone warms a 10 s CSV profile and a 150 ms Parquet aggregate very differently:
 * one round of the latter leaves the JIT still compiling dsap's decoders when the measured rounds
 * start. Both systems get the same rule.
 */
record Warmup(int rounds, long millis) {

    static final int MAX_ROUNDS = 50;

    Warmup {
        if (rounds < 0 || millis < 0) {
            throw new IllegalArgumentException("need --warmup >= 0 and --warmup-ms >= 0");
        }
    }

    /** Whether to run another warm-up round after {@code done} rounds in which the least-warmed system spent {@code leastMillis}. */
    boolean more(int done, double leastMillis) {
        return done < rounds || (leastMillis < millis && done < MAX_ROUNDS);
    }

    /** E.g. "1 warm-up round, more until each system has run 3 s". */
    String describe() {
        String r = rounds + " warm-up round" + (rounds == 1 ? "" : "s");
        return millis == 0 ? r : String.format(Locale.ROOT, "%s, more until each system has run %s s (at most %d)",
                r, new java.math.BigDecimal(millis).movePointLeft(3).stripTrailingZeros().toPlainString(), MAX_ROUNDS);
    }
}
