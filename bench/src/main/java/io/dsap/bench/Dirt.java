package io.dsap.bench;

/**
 * Kinds of deliberate errors {@link OrdersGenerator} can put into a file, each with the
 * probability that a row gets it. Kinds are drawn independently per row, so a row can carry
 * several; a kind whose target field is already empty (missing) is not applied to that row.
 * The generator counts what it actually wrote per kind ({@link OrdersGenerator.Summary}), so a
 * validator's findings can be checked against exact numbers.
 */
public enum Dirt {
    /** customer_email without '@', with '@@', with a space, without a domain, or "n/a". */
    INVALID_EMAIL(0.010),
    /** order_date or ship_date not a real ISO date: 2024-13-45, 31/12/2024, 2024-02-30, ... */
    BAD_DATE(0.005),
    /** quantity below zero (-1 .. -10). */
    NEGATIVE_QUANTITY(0.005),
    /** unit_price outside [0.50, 5000.00]: negative, or 10000.00 and above. */
    PRICE_OUT_OF_RANGE(0.005),
    /** status not one of the six known values (wrong case, "unknown", "in_transit", ...). */
    UNKNOWN_STATUS(0.005),
    /** order_id repeats an earlier row's id. */
    DUPLICATE_ID(0.005),
    /** ship_date is 1..30 days before order_date (only rows that have a ship date). */
    SHIP_BEFORE_ORDER(0.005),
    /** one required field left empty: customer_email, order_date, status, quantity, unit_price or country. */
    MISSING_VALUE(0.020);

    private final double rate;

    Dirt(double rate) {
        this.rate = rate;
    }

    /** Probability that a row is chosen for this kind. */
    public double rate() {
        return rate;
    }
}
