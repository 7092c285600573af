package io.dsap.engine.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.Fingerprint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local history of table-level quality scores: {@code <root>/.dsap/quality_history.ndjson},
 * one JSON object per line and dimension ({@code time, file, size, mtime, dimension, score}).
 * Appends take an exclusive {@link FileLock}, so concurrent writers (threads or processes) never
 * interleave lines; readers skip a line they cannot parse (a torn write after a crash).
 */
public final class QualityHistory {
  public static final String FILE = ".dsap/quality_history.ndjson";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded score. */
  public record Entry(String time, String file, long size, long mtime, String dimension, double score) {}

  private final Path path;

  public QualityHistory(Path path) {
    this.path = path;
  }

  /** The history of the data root {@code root}. */
  public static QualityHistory forRoot(Path root) {
    return new QualityHistory(root.resolve(FILE));
  }

  public Path path() {
    return path;
  }

  /** Appends one line per dimension in {@code scores} (in order) for {@code file}, all with time {@code now}. */
  public void append(Instant now, String file, Fingerprint fp, Map<String, Double> scores) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      ObjectNode o = JSON.createObjectNode();
      o.put("time", now.toString());
      o.put("file", file);
      o.put("size", fp.size());
      o.put("mtime", fp.modifiedMillis());
      o.put("dimension", e.getKey());
      o.put("score", e.getValue());
      text.append(o).append('\n');
    }
    try {
      Files.createDirectories(path.getParent());
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      throw Errors.io(path, e);
    }
  }

  /** Every entry in file order; empty when nothing was recorded yet. */
  public List<Entry> read() {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(path)) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Errors.io(path, e);
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        out.add(new Entry(n.path("time").asText(null), n.path("file").asText(null), n.path("size").asLong(),
            n.path("mtime").asLong(), n.path("dimension").asText(null), n.path("score").asDouble()));
      } catch (IOException | RuntimeException e) {
        // a torn or hand-edited line: skip it rather than fail every query on the table
      }
    }
    return out;
  }
}
