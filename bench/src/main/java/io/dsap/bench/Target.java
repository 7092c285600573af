package io.dsap.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upper bound from issue 9's table, written as the issue writes it: {@code <= 1.0x} (a ratio of
 * dsap's median to DuckDB's), {@code <= 20 ms} or {@code <= 1.5 GB} (1 GB = 1024 MB = 2^30 bytes).
 * A measurement is judged as it is printed, rounded to {@link Unit#decimals}, so a reader who
 * compares the printed number with the target reaches the same verdict.
 */
record Target(double limit, Unit unit) {

    enum Unit {
        RATIO("x", 2), MS(" ms", 1), GB(" GB", 2);

        final String suffix;
        final int decimals;

        Unit(String suffix, int decimals) {
            this.suffix = suffix;
            this.decimals = decimals;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("<=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(x|ms|GB)");

    static Target parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("target '" + text + "' is not '<= N' followed by x, ms or GB");
        }
        Unit unit = switch (m.group(2)) {
            case "x" -> Unit.RATIO;
            case "ms" -> Unit.MS;
            default -> Unit.GB;
        };
        return new Target(Double.parseDouble(m.group(1)), unit);
    }

    /** The measurement as printed, e.g. {@code 1.24x}, {@code 12.6 ms}, {@code 1.20 GB}; "-" when NaN. */
    String format(double measured) {
        if (Double.isNaN(measured)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + unit.decimals + "f", measured) + unit.suffix;
    }

    /** Whether {@code measured}, rounded as printed, is within the bound; false for NaN. */
    boolean met(double measured) {
        if (Double.isNaN(measured) || Double.isInfinite(measured)) {
            return false;
        }
        // the printed digits, not Math.round: 1.005 prints as 1.01 but is 1.00499... in binary
        return Double.parseDouble(String.format(Locale.ROOT, "%." + unit.decimals + "f", measured)) <= limit;
    }

    @Override
    public String toString() {
        String n = limit == Math.rint(limit) && unit != Unit.RATIO ? Long.toString((long) limit)
                : Double.toString(limit);
        return "<= " + n + unit.suffix;
    }
}
