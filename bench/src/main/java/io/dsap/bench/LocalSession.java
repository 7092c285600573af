package io.dsap.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A system connected inside this JVM. Memory numbers are the whole JVM's, shared by both systems. */
final class LocalSession implements Session {

    private final BenchSystem system;
    private final Connection conn;
    private final double connectMillis;

    LocalSession(BenchSystem system, Path dataDir) throws SQLException {
        this.system = system;
        long t0 = System.nanoTime();
        this.conn = system.open(dataDir);
        this.connectMillis = (System.nanoTime() - t0) / 1e6;
    }

    @Override
    public BenchSystem system() {
        return system;
    }

    @Override
    public double connectMillis() {
        return connectMillis;
    }

    @Override
    public QueryResult run(String sql) {
        return QueryExecutor.run(conn, sql);
    }

    @Override
    public MemoryStats memory() {
        return MemoryStats.now();
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            System.err.println("closing " + system.label() + ": " + e.getMessage());
        }
    }
}
