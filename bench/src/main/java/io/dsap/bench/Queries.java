package io.dsap.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The queries of the side-by-side benchmark. To add a row, add a line to {@link #ALL}: use
 * {@link BenchQuery#same} when both systems take the same SQL, or {@code new BenchQuery(name,
 * dsapSql, duckdbSql)} when they differ (null where a system has no equivalent, e.g.
 * {@code new BenchQuery("validate", "SELECT count(*) FROM validate('orders.csv')", null)}).
 * Keep each SQL on one line; {@code {orders}} is the orders table.
 */
public final class Queries {

    private Queries() {
    }

    public static final List<BenchQuery> ALL = List.of(
            BenchQuery.same("count", "SELECT count(*) FROM {orders}"),
            BenchQuery.same("group_by_status",
                    "SELECT status, count(*), avg(unit_price), max(quantity) FROM {orders} GROUP BY status"),
            // a scan that returns 1% of the rows through JDBC (dsap's default conformance has no % operator)
            new BenchQuery("filter_1pct", "SELECT * FROM {orders} WHERE MOD(order_id, 100) = 0",
                    "SELECT * FROM {orders} WHERE order_id % 100 = 0"),
            // the same rows as Parquet (written by DuckDB, row groups of 250,000 rows), read by both systems
            BenchQuery.same("parquet_count", "SELECT count(*) FROM {orders_parquet}"),
            BenchQuery.same("parquet_group_by",
                    "SELECT status, count(*), avg(unit_price), max(quantity) FROM {orders_parquet} GROUP BY status"),
            // every statistic of every column; DuckDB's nearest is SUMMARIZE (fewer statistics)
            new BenchQuery("profile", "SELECT * FROM profile('orders.csv')", "SUMMARIZE SELECT * FROM {orders}"),
            // the 8 bench checks; dsap returns every failing row, DuckDB only counts them
            new BenchQuery("validate_8_checks",
                    "SELECT * FROM validate('orders.csv', '{\"columns\": [{\"name\": \"order_id\", \"unique\": true}, {\"name\": \"customer_email\", \"nullable\": false, \"semantic\": \"email\"}, {\"name\": \"order_date\", \"type\": \"DATE\", \"format\": \"yyyy-MM-dd\"}, {\"name\": \"status\", \"allowed_values\": [\"pending\", \"paid\", \"shipped\", \"delivered\", \"cancelled\", \"returned\"]}, {\"name\": \"unit_price\", \"min\": 0, \"max\": 10000}], \"unexpected_columns\": \"ignore\", \"column_order\": \"ignore\", \"duplicate_rows\": \"ignore\"}', 'quantity > 0; ship_date >= order_date')",
                    "SELECT count(*) FILTER (WHERE customer_email IS NULL), count(*) FILTER (WHERE NOT regexp_full_match(customer_email, '^[^@ ]+@[^@ ]+[.][^@ ]+$')), count(*) FILTER (WHERE try_strptime(order_date, '%Y-%m-%d') IS NULL AND order_date IS NOT NULL), count(*) FILTER (WHERE quantity <= 0), count(*) FILTER (WHERE status NOT IN ('pending','paid','shipped','delivered','cancelled','returned')), count(order_id) - count(DISTINCT order_id), count(*) FILTER (WHERE unit_price < 0 OR unit_price > 10000), count(*) FILTER (WHERE try_cast(ship_date AS DATE) < try_cast(order_date AS DATE)) FROM read_csv('{orders_file}', types={'order_date':'VARCHAR','ship_date':'VARCHAR'})"),
            // the same profile against one DuckDB aggregate query of the common statistics of every column
            new BenchQuery("profile_vs_query", "SELECT * FROM profile('orders.csv')",
                    "SELECT count(*), count(order_id), min(order_id), max(order_id), count(DISTINCT order_id), count(customer_email), count(DISTINCT customer_email), min(customer_email), max(customer_email), count(order_date), min(order_date), max(order_date), count(DISTINCT order_date), count(ship_date), min(ship_date), max(ship_date), count(status), count(DISTINCT status), count(quantity), min(quantity), max(quantity), avg(quantity), stddev(quantity), count(DISTINCT quantity), count(unit_price), min(unit_price), max(unit_price), avg(unit_price), stddev(unit_price), approx_quantile(unit_price, [0.05, 0.25, 0.5, 0.75, 0.95]), count(discount), min(discount), max(discount), avg(discount), stddev(discount), count(country), count(DISTINCT country), count(notes), count(DISTINCT notes), avg(length(notes)) FROM {orders}"),
            // the 8 checks on the dirty file (Dirt: errors in about 6% of rows); dsap returns every failing row
            new BenchQuery("validate_dirty",
                    "SELECT * FROM validate('orders_dirty.csv', '{\"columns\": [{\"name\": \"order_id\", \"unique\": true}, {\"name\": \"customer_email\", \"nullable\": false, \"semantic\": \"email\"}, {\"name\": \"order_date\", \"type\": \"DATE\", \"format\": \"yyyy-MM-dd\"}, {\"name\": \"status\", \"allowed_values\": [\"pending\", \"paid\", \"shipped\", \"delivered\", \"cancelled\", \"returned\"]}, {\"name\": \"unit_price\", \"min\": 0, \"max\": 10000}], \"unexpected_columns\": \"ignore\", \"column_order\": \"ignore\", \"duplicate_rows\": \"ignore\"}', 'quantity > 0; ship_date >= order_date')",
                    "SELECT count(*) FILTER (WHERE customer_email IS NULL), count(*) FILTER (WHERE NOT regexp_full_match(customer_email, '^[^@ ]+@[^@ ]+[.][^@ ]+$')), count(*) FILTER (WHERE try_strptime(order_date, '%Y-%m-%d') IS NULL AND order_date IS NOT NULL), count(*) FILTER (WHERE quantity <= 0), count(*) FILTER (WHERE status NOT IN ('pending','paid','shipped','delivered','cancelled','returned')), count(order_id) - count(DISTINCT order_id), count(*) FILTER (WHERE unit_price < 0 OR unit_price > 10000), count(*) FILTER (WHERE try_cast(ship_date AS DATE) < try_cast(order_date AS DATE)) FROM read_csv('{orders_dirty_file}', types={'order_date':'VARCHAR','ship_date':'VARCHAR'})"));

    /** The queries named in a comma-separated list, in the list's order; all when {@code names} is null. */
    public static List<BenchQuery> select(String names) {
        if (names == null || names.isBlank()) {
            return ALL;
        }
        Set<String> known = ALL.stream().map(BenchQuery::name).collect(Collectors.toSet());
        List<BenchQuery> out = new ArrayList<>();
        for (String n : Arrays.stream(names.split(",")).map(String::trim).toList()) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown query '" + n + "'; known: " + known);
            }
            ALL.stream().filter(q -> q.name().equals(n)).forEach(out::add);
        }
        return out;
    }
}
