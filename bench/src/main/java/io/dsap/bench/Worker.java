package io.dsap.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * Child-JVM side of {@link ForkedSession}: {@code Worker <system> <dataDir>} opens one connection
 * and answers the commands of {@link Wire} on stdin until QUIT or end of input. Library output
 * written to System.out is sent to stderr so that stdout carries only the protocol.
 */
public final class Worker {

    private Worker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BenchSystem system = BenchSystem.parse(args[0]);
        Path dataDir = Path.of(args[1]);

        Connection conn;
        long t0 = System.nanoTime();
        try {
            conn = system.open(dataDir);
        } catch (Exception e) {
            protocol.println(Wire.line("FAIL", QueryExecutor.oneLine(e)));
            return;
        }
        protocol.println(Wire.line("READY", Long.toString(System.nanoTime() - t0)));

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (conn) {
            String line;
            while ((line = in.readLine()) != null) {
                List<String> cmd = Wire.parse(line);
                if (cmd == null || cmd.get(0).equals("QUIT")) {
                    break;
                }
                switch (cmd.get(0)) {
                    case "RUN" -> reply(protocol, QueryExecutor.run(conn, cmd.get(1)));
                    case "MEM" -> {
                        MemoryStats m = MemoryStats.now();
                        protocol.println(Wire.line("MEM", Long.toString(m.peakRssKb()), Long.toString(m.rssKb()),
                                Long.toString(m.heapUsedBytes()), Long.toString(m.heapPeakBytes())));
                    }
                    default -> protocol.println(Wire.line("ERROR", "unknown command " + cmd.get(0)));
                }
            }
        }
    }

    private static void reply(PrintStream out, QueryResult r) {
        if (!r.ok()) {
            out.println(Wire.line("ERROR", r.error()));
            return;
        }
        out.println(Wire.line("RESULT", Long.toString(r.nanos()), Long.toString(r.cpuNanos())));
        out.println(Wire.line("COLS", r.columns()));
        for (List<String> row : r.rows()) {
            out.println(Wire.line("ROW", row));
        }
        out.println(Wire.line("END"));
    }
}
