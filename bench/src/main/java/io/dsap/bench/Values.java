package io.dsap.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Turns JDBC values into comparable display strings, and compares two results. */
final class Values {

    static final String NULL = "NULL";
    private static final double REL_TOLERANCE = 1e-9;

    private Values() {
    }

    /** Integers as they are, floating point and decimals to 12 significant digits, null as NULL. */
    static String display(Object v) {
        if (v == null) {
            return NULL;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return new BigDecimal(d).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.round(new MathContext(12)).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /**
     * Null when {@code a} and {@code b} agree (same row count, same sorted rows, numbers equal within
     * a relative 1e-9), otherwise what differs.
     */
    static String difference(QueryResult a, QueryResult b) {
        if (a.rows().size() != b.rows().size()) {
            return "row counts differ: " + a.rows().size() + " vs " + b.rows().size();
        }
        List<List<String>> x = a.sortedRows(), y = b.sortedRows();
        for (int r = 0; r < x.size(); r++) {
            List<String> rx = x.get(r), ry = y.get(r);
            if (rx.size() != ry.size()) {
                return "row " + r + " has " + rx.size() + " vs " + ry.size() + " columns";
            }
            for (int c = 0; c < rx.size(); c++) {
                if (!same(rx.get(c), ry.get(c))) {
                    return "row " + r + " column " + (c + 1) + ": " + rx.get(c) + " vs " + ry.get(c);
                }
            }
        }
        return null;
    }

    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            double da = Double.parseDouble(a), db = Double.parseDouble(b);
            return Math.abs(da - db) <= REL_TOLERANCE * Math.max(1.0, Math.max(Math.abs(da), Math.abs(db)));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
