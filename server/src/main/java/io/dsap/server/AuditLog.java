package io.dsap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per statement: when it started, who ran it from where, the SQL, how long it
 * took, how many rows it returned and how it ended. Appended to the configured file, or logged
 * to the {@code dsap.audit} logger when no file is configured.
 */
final class AuditLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dsap.audit");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished statement. */
  record Entry(Instant time, String user, String address, String root, String sql, long durationMillis, long rows,
      String outcome, String error) {}

  private final BufferedWriter out; // null: the logger

  AuditLog(Path file) {
    try {
      if (file == null) {
        out = null;
      } else {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      }
    } catch (IOException e) {
      throw new ConfigException("cannot open the audit log " + file + " for appending: " + e.getMessage());
    }
  }

  void write(Entry e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", e.time().toString());
    line.put("user", e.user());
    line.put("client", e.address());
    line.put("root", e.root());
    line.put("sql", e.sql());
    line.put("duration_ms", e.durationMillis());
    line.put("rows", e.rows());
    line.put("outcome", e.outcome());
    if (e.error() != null) {
      line.put("error", e.error());
    }
    String text;
    try {
      text = JSON.writeValueAsString(line);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (out == null) {
      LOG.info(text);
      return;
    }
    synchronized (this) {
      try {
        out.write(text);
        out.write('\n');
        out.flush();
      } catch (IOException ex) {
        LOG.error("cannot write the audit log: {}; the entry was {}", ex.getMessage(), text);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("closing the audit log failed: {}", e.getMessage());
      }
    }
  }
}
