package io.dsap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Points dsap's log (SLF4J over Logback) at stderr with the configured level and format: text lines for people, or
 * one JSON object per line (logstash-logback-encoder) carrying the MDC context (command, file, query_id,
 * duration_ms) for log collectors.
 */
final class Logging {
  private static final String APPENDER = "dsap-stderr";

  private Logging() {}

  /** Replaces the root logger's appenders with one on {@code err}; {@code level} and {@code format} come from Settings. */
  static synchronized void configure(String level, String format, OutputStream err) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: leave it alone
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.WARN));

    Encoder<ILoggingEvent> encoder;
    if ("json".equals(format)) {
      LogstashEncoder json = new LogstashEncoder();
      json.setContext(context);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
      text.start();
      encoder = text;
    }
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setName(APPENDER);
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setImmediateFlush(true);
    appender.setOutputStream(new KeepOpen(err));
    appender.start();
    root.addAppender(appender);
  }

  /** Stopping the appender must not close stderr (or a test's stream). */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
