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
                    "SELECT status, count(*), avg(unit_price), max(quantity) FROM {orders} GROUP BY status"));

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
