package io.dsap.engine.quality;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.Fingerprint;
import java.io.IOException;
import java.io.StringWriter;
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
 * The local history of table-level quality scores: {@code quality_history.ndjson} in the registry
 * folder ({@code <root>/.dsap/registry} by default),
 * one JSON object per line and dimension ({@code time, file, size, mtime, dimension, score}).
 * Appends take an exclusive {@link FileLock}, so concurrent writers (threads or processes) never
 * interleave lines; readers skip a line they cannot parse (a torn write after a crash).
 */
public final class QualityHistory {
  public static final String FILE = "quality_history.ndjson";
  /** jackson-core only: the shaded driver does not carry jackson-databind. */
  private static final JsonFactory JSON = new JsonFactory();
  /** FileLock guards against other processes only (a second lock in the same JVM throws): threads queue here. */
  private static final java.util.concurrent.ConcurrentHashMap<Path, Object> JVM_LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** One recorded score. */
  public record Entry(String time, String file, long size, long mtime, String dimension, double score) {}

  private final Path path;

  public QualityHistory(Path path) {
    this.path = path;
  }

  /** The history of the data root {@code root}, in its default registry folder. */
  public static QualityHistory forRoot(Path root) {
    return inRegistry(root.resolve(".dsap").resolve("registry"));
  }

  /** The history kept in the registry folder {@code registryDir}. */
  public static QualityHistory inRegistry(Path registryDir) {
    return new QualityHistory(registryDir.resolve(FILE));
  }

  public Path path() {
    return path;
  }

  /** Appends one line per dimension in {@code scores} (in order) for {@code file}, all with time {@code now}. */
  public void append(Instant now, String file, Fingerprint fp, Map<String, Double> scores) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("time", now.toString());
        g.writeStringField("file", file);
        g.writeNumberField("size", fp.size());
        g.writeNumberField("mtime", fp.modifiedMillis());
        g.writeStringField("dimension", e.getKey());
        g.writeNumberField("score", e.getValue());
        g.writeEndObject();
      } catch (IOException x) {
        throw new java.io.UncheckedIOException(x);
      }
      text.append(w).append('\n');
    }
    synchronized (JVM_LOCKS.computeIfAbsent(path.toAbsolutePath().normalize(), k -> new Object())) {
      write(text.toString());
    }
  }

  private void write(String text) {
    try {
      Files.createDirectories(path.getParent());
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
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
        out.add(parse(line));
      } catch (IOException | RuntimeException e) {
        // a torn or hand-edited line: skip it rather than fail every query on the table
      }
    }
    return out;
  }

  private static Entry parse(String line) throws IOException {
    Map<String, Object> f = new java.util.HashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t.isNumeric()) {
          f.put(name, p.getNumberValue());
        } else if (t == JsonToken.VALUE_STRING) {
          f.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
    if (!(f.get("score") instanceof Number score) || !(f.get("dimension") instanceof String)) {
      throw new IOException("no dimension or score");
    }
    return new Entry((String) f.get("time"), (String) f.get("file"), num(f.get("size")), num(f.get("mtime")),
        (String) f.get("dimension"), score.doubleValue());
  }

  private static long num(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }
}
