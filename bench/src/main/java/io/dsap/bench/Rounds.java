package io.dsap.bench;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How many rounds of a query a phase runs (warm-up or measured): at least {@code min}, and more
 * until every system has spent at least {@code millis} ms in the phase (no more than
 * {@link #MAX_ROUNDS} then). A round count alone treats a 10 s CSV profile and a 2 ms Parquet
 * count alike: one warm-up round leaves the JIT still compiling dsap's decoders for a 150 ms query,
 * and the median of three runs of a 2 ms query is its scheduler's jitter. Both systems get the same
 * rule.
 */
record Rounds(int min, long millis) {

    static final int MAX_ROUNDS = 50;

    Rounds {
        if (min < 0 || millis < 0) {
            throw new IllegalArgumentException("rounds and milliseconds must be >= 0");
        }
    }

    /** Whether to run another round after {@code done} rounds in which the system that spent least spent {@code leastMillis}. */
    boolean more(int done, double leastMillis) {
        return done < min || (leastMillis < millis && done < MAX_ROUNDS);
    }

    /** E.g. "1 warm-up round, more until each system has run 3 s (at most 50)" for {@code what} = "warm-up". */
    String describe(String what) {
        String r = min + " " + what + " round" + (min == 1 ? "" : "s");
        return millis == 0 ? r : String.format(Locale.ROOT, "%s, more until each system has run %s s (at most %d)",
                r, new BigDecimal(millis).movePointLeft(3).stripTrailingZeros().toPlainString(), MAX_ROUNDS);
    }
}
