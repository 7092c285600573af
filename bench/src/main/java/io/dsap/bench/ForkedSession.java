package io.dsap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system running in a child JVM of its own ({@link Worker}), so that its peak RSS and heap are
 * its own. Same java binary and class path as this JVM, plus {@code jvmArgs}. Times are measured
 * inside the child; the pipe is not part of them. Child stderr goes to this process's stderr.
 */
final class ForkedSession implements Session {

    private final BenchSystem system;
    private final Process process;
    private final PrintStream toChild;
    private final BufferedReader fromChild;
    private final double connectMillis;
    private boolean dead;

    ForkedSession(BenchSystem system, Path dataDir, List<String> jvmArgs) throws IOException {
        this.system = system;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Worker.class.getName());
        cmd.add(system.label());
        cmd.add(dataDir.toAbsolutePath().toString());
        this.process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.toChild = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.fromChild = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> hello = next();
        if (hello == null || !hello.get(0).equals("READY")) {
            String why = hello == null ? "child JVM exited" : String.join(" ", hello.subList(1, hello.size()));
            close();
            throw new IOException(system.label() + " worker did not start: " + why);
        }
        this.connectMillis = Long.parseLong(hello.get(1)) / 1e6;
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
        if (dead) {
            return QueryResult.failed(system.label() + " worker is gone");
        }
        toChild.println(Wire.line("RUN", sql));
        try {
            List<String> head = next();
            if (head == null) {
                dead = true;
                return QueryResult.failed(system.label() + " worker died (exit " + exitCode() + ")");
            }
            if (head.get(0).equals("ERROR")) {
                return QueryResult.failed(head.get(1));
            }
            long nanos = Long.parseLong(head.get(1));
            long cpuNanos = Long.parseLong(head.get(2));
            List<String> cols = next();
            List<String> columns = cols.subList(1, cols.size());
            List<List<String>> rows = new ArrayList<>();
            for (List<String> l = next(); l != null && !l.get(0).equals("END"); l = next()) {
                rows.add(List.copyOf(l.subList(1, l.size())));
            }
            return new QueryResult(nanos, cpuNanos, List.copyOf(columns), rows, null);
        } catch (IOException e) {
            dead = true;
            return QueryResult.failed(system.label() + " worker: " + e.getMessage());
        }
    }

    @Override
    public MemoryStats memory() {
        if (dead) {
            return new MemoryStats(-1, -1, -1, -1);
        }
        toChild.println(Wire.line("MEM"));
        try {
            List<String> m = next();
            return new MemoryStats(Long.parseLong(m.get(1)), Long.parseLong(m.get(2)),
                    Long.parseLong(m.get(3)), Long.parseLong(m.get(4)));
        } catch (IOException | RuntimeException e) {
            return new MemoryStats(-1, -1, -1, -1);
        }
    }

    /** The next protocol line; other lines (library noise) are passed to stderr. Null at end. */
    private List<String> next() throws IOException {
        String line;
        while ((line = fromChild.readLine()) != null) {
            List<String> parsed = Wire.parse(line);
            if (parsed != null) {
                return parsed;
            }
            System.err.println("[" + system.label() + "] " + line);
        }
        return null;
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            toChild.println(Wire.line("QUIT"));
            toChild.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
