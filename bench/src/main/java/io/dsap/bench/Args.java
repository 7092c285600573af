package io.dsap.bench;

/** Small helpers for the benchmark command lines. */
final class Args {

    private Args() {
    }

    /**
     * Parses a count written as {@code 10000000}, {@code 10_000_000}, {@code 10,000,000},
     * {@code 10M}, {@code 500k} or {@code 1G}.
     */
    static long parseCount(String s) {
        String t = s.trim().replace("_", "").replace(",", "");
        long mult = 1;
        char last = Character.toUpperCase(t.charAt(t.length() - 1));
        switch (last) {
            case 'K' -> mult = 1_000L;
            case 'M' -> mult = 1_000_000L;
            case 'G' -> mult = 1_000_000_000L;
            default -> { }
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        long v = Long.parseLong(t) * mult;
        if (v < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + s);
        }
        return v;
    }
}
