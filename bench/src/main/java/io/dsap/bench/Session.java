package io.dsap.bench;

/**
 * An open connection of one {@link BenchSystem}, either in this JVM ({@link LocalSession}) or in a
 * child JVM of its own ({@link ForkedSession}, which gives each system its own memory numbers).
 */
interface Session extends AutoCloseable {

    BenchSystem system();

    /** Milliseconds it took to open the connection (driver load included). */
    double connectMillis();

    QueryResult run(String sql);

    /** Memory of the process this session runs in. */
    MemoryStats memory();

    @Override
    void close();
}
