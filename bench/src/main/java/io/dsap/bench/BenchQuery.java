package io.dsap.bench;

import java.util.Objects;

/**
 * One row of the side-by-side table: a name and the SQL each system runs. In the SQL,
 * {@code {orders}} stands for the orders table; each {@link BenchSystem} replaces it with its own
 * reference (dsap: {@code orders}; DuckDB: {@code read_csv('/abs/path/orders.csv')}).
 * A system whose SQL is null has no equivalent (e.g. dsap's {@code validate()}); its cell
 * reads "n/a".
 */
public record BenchQuery(String name, String dsapSql, String duckdbSql) {

    public static final String ORDERS = "{orders}";
    /** The same rows as a Parquet file of several row groups ({@link BenchData#ensureParquet}). */
    public static final String ORDERS_PARQUET = "{orders_parquet}";

    public BenchQuery {
        Objects.requireNonNull(name, "name");
        if (dsapSql == null && duckdbSql == null) {
            throw new IllegalArgumentException("query " + name + " has no SQL for any system");
        }
    }

    /** The same SQL on both systems. */
    public static BenchQuery same(String name, String sql) {
        return new BenchQuery(name, sql, sql);
    }

    /** SQL for {@code system}, or null when it has no equivalent. */
    public String sqlFor(BenchSystem system) {
        return switch (system) {
            case DSAP -> dsapSql;
            case DUCKDB -> duckdbSql;
        };
    }
}
