package io.dsap.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The systems compared, how to connect to each and how each refers to the orders table. */
public enum BenchSystem {

    /** dsap's embedded driver on the data folder: {@code jdbc:dsap:<dir>}, table {@code orders}. */
    DSAP("dsap", "io.dsap.jdbc.DsapDriver") {
        @Override
        Connection connect(Path dataDir) throws SQLException {
            return DriverManager.getConnection("jdbc:dsap:" + dataDir.toAbsolutePath());
        }

        @Override
        String tableRef(Path csv) {
            return "orders";
        }
    },

    /** DuckDB in memory, 2 threads, reading the file on every query with {@code read_csv} auto-detection. */
    DUCKDB("duckdb", "org.duckdb.DuckDBDriver") {
        @Override
        Connection connect(Path dataDir) throws SQLException {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = c.createStatement()) {
                s.execute("SET threads TO 2");
            }
            return c;
        }

        @Override
        String tableRef(Path csv) {
            return "read_csv('" + csv.toAbsolutePath().toString().replace("'", "''") + "')";
        }
    };

    private final String label;
    private final String driverClass;

    BenchSystem(String label, String driverClass) {
        this.label = label;
        this.driverClass = driverClass;
    }

    public String label() {
        return label;
    }

    /** Loads the driver class; a clear message when it is not on the class path (yet). */
    Connection open(Path dataDir) throws SQLException {
        try {
            Class.forName(driverClass);
        } catch (ClassNotFoundException e) {
            throw new SQLException(label + " driver " + driverClass + " is not on the class path", e);
        }
        return connect(dataDir);
    }

    abstract Connection connect(Path dataDir) throws SQLException;

    /** How this system names the Parquet copy of {@code csv} (dsap: table {@code "parquet/orders"}). */
    String parquetRef(Path csv) {
        Path p = csv.resolveSibling(BenchData.PARQUET_FILE);
        return this == DSAP ? "\"parquet/orders\""
                : "read_parquet('" + p.toAbsolutePath().toString().replace("'", "''") + "')";
    }

    /** How this system names the orders table whose file is {@code csv}. */
    abstract String tableRef(Path csv);

    /** The SQL this system runs for {@code q}, or null when it has none. */
    String render(BenchQuery q, Path csv) {
        String sql = q.sqlFor(this);
        return sql == null ? null : sql.replace(BenchQuery.ORDERS_PARQUET, parquetRef(csv))
                .replace(BenchQuery.ORDERS, tableRef(csv))
                .replace("{orders_file}", csv.toAbsolutePath().toString().replace("'", "''"))
                .replace("{orders_dirty_file}", csv.resolveSibling(BenchData.DIRTY_FILE_NAME).toAbsolutePath()
                        .toString().replace("'", "''"));
    }

    static BenchSystem parse(String s) {
        for (BenchSystem b : values()) {
            if (b.label.equalsIgnoreCase(s) || b.name().equalsIgnoreCase(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown system '" + s + "' (dsap, duckdb)");
    }
}
