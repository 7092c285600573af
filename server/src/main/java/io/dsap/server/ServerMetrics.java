package io.dsap.server;

import io.dsap.engine.source.ReadMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The server's metrics in Prometheus' text format ({@code GET /metrics}): statements by outcome,
 * their durations, rows returned, bytes the engine read, open connections and statements.
 * No label carries a user name or SQL text: those are in the audit log.
 */
final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer durations;
  private final Counter rows;

  ServerMetrics(Supplier<Number> openConnections, Supplier<Number> runningStatements) {
    durations = Timer.builder("dsap.statement.duration").description("Time from execution to the last row")
        .publishPercentileHistogram().register(registry);
    rows = Counter.builder("dsap.rows.returned").description("Rows sent to clients").register(registry);
    Gauge.builder("dsap.connections.open", openConnections).description("Open client connections")
        .register(registry);
    Gauge.builder("dsap.statements.running", runningStatements)
        .description("Statements executed whose results are not finished").register(registry);
    FunctionCounter.builder("dsap.bytes.read", ReadMetrics.class, m -> ReadMetrics.bytesScanned())
        .tag("kind", "scan").description("Bytes the engine read from files").register(registry);
    FunctionCounter.builder("dsap.bytes.read", ReadMetrics.class, m -> ReadMetrics.bytesSampled())
        .tag("kind", "detection").description("Bytes the engine read from files").register(registry);
    FunctionCounter.builder("dsap.scans", ReadMetrics.class, m -> ReadMetrics.scansOpened())
        .description("File scans opened").register(registry);
  }

  /** A statement ended with {@code outcome} (ok, error, timeout, max_rows, ...). */
  void statementEnded(String outcome, Duration took, long rowCount) {
    Counter.builder("dsap.statements").tag("outcome", outcome).description("Statements run, by outcome")
        .register(registry).increment();
    if (!outcome.equals("ok")) {
      Counter.builder("dsap.statement.errors").description("Statements that did not end well").register(registry)
          .increment();
    }
    durations.record(took);
    rows.increment(rowCount);
  }

  /** The metrics in Prometheus' text exposition format. */
  String scrape() {
    return registry.scrape();
  }
}
