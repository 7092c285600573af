package io.dsap.engine.format.json;

import io.dsap.engine.error.Errors;
import io.dsap.engine.source.FileSource;
import io.dsap.engine.source.TextLayout;
import io.dsap.engine.source.SampleSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a JSON file's layout and columns from a sample of its records. NDJSON is sampled like
 * CSV: the first records plus lines from chunks spread through the file. Other layouts cannot be
 * entered in the middle safely, so they are sampled by streaming the first {@code sample_size}
 * records (a bounded pass).
 */
final class JsonSchemaDetector {
  static final int HEAD_BYTES = 1 << 20;
  static final int CHUNK_BYTES = 1 << 17;
  static final int CHUNKS = 8;

  private JsonSchemaDetector() {}

  static JsonFileSchema detect(Path file, String displayName, JsonOptions options) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw Errors.io(file, e);
    }
    TextLayout layout = FileSource.textLayout(file, null);
    int bom = layout.bomLength();
    byte[] head = FileSource.readText(file, layout, 0, HEAD_BYTES + 1);
    boolean complete = head.length <= HEAD_BYTES;
    if (!complete) {
      head = java.util.Arrays.copyOf(head, HEAD_BYTES);
    }
    JsonFraming framing = JsonLayoutDetector.detect(file, displayName, head, complete, options);
    JsonSample sample = new JsonSample(options.maxDepth());
    boolean whole;
    try {
      // chunks from the middle need plain UTF-8 on disk; compressed or re-encoded files stream instead
      if (framing.layout() == JsonLayout.NDJSON && (complete || (options.sampleSize() > 0 && layout.seekable()))) {
        whole = sampleLines(file, layout, size - bom, head, complete, sample, options.sampleSize());
      } else {
        whole = sampleStream(file, displayName, framing, sample, options.sampleSize());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sample.toSchema(framing, options.overrides(), bom > 0, whole);
  }

  /** NDJSON: half the budget from the head, the rest from chunks spread through the file. */
  private static boolean sampleLines(Path file, TextLayout layout, long size, byte[] head, boolean complete,
      JsonSample sample, int budget) throws IOException {
    long headBudget = complete ? budget : Math.max(1, budget / 2);
    boolean all = addLines(head, complete, 0, sample, headBudget);
    if (complete) {
      return all;
    }
    long perChunk = Math.max(1, (budget - sample.records()) / CHUNKS);
    long room = size - head.length;
    for (int i = 0; i < CHUNKS && room > 0; i++) {
      long offset = head.length + room * i / CHUNKS;
      byte[] chunk = FileSource.readText(file, layout, offset, CHUNK_BYTES);
      int nl = 0;
      while (nl < chunk.length && chunk[nl] != '\n') {
        nl++; // the chunk starts mid-line: resynchronise at the next line
      }
      if (nl + 1 < chunk.length) {
        byte[] rest = java.util.Arrays.copyOfRange(chunk, nl + 1, chunk.length);
        addLines(rest, offset + chunk.length >= size, offset + nl + 1, sample, perChunk);
      }
    }
    return false;
  }

  /** Adds up to {@code max} whole lines of {@code b}; true if every line was added. */
  private static boolean addLines(byte[] b, boolean complete, long offset, JsonSample sample, long max)
      throws IOException {
    JsonRecordSplitter s = JsonRecordSplitter.ofBytes(b, b.length, JsonFraming.of(JsonLayout.NDJSON), offset, 1);
    long added = 0;
    while (s.next()) {
      if (!complete && !s.terminated()) {
        return false; // the chunk cut this line
      }
      if (max >= 0 && added >= max) {
        return false;
      }
      sample.add(s.buffer(), s.start(), s.end());
      added++;
    }
    return true;
  }

  /** Streams the first {@code budget} records (all for -1); true if that was every record. */
  private static boolean sampleStream(Path file, String displayName, JsonFraming framing, JsonSample sample,
      int budget) throws IOException {
    try (InputStream in = SampleSource.open(file)) {
      long offset = 0;
      if (framing.inArray()) {
        offset = framing.arrayOffset() + 1;
        in.skipNBytes(offset);
      }
      JsonRecordSplitter s = new JsonRecordSplitter(in, framing, offset, framing.arrayLine(), 1 << 16,
          JsonReader.MAX_RECORD_BYTES, displayName);
      long n = 0;
      while (s.next()) {
        if (budget >= 0 && n >= budget) {
          return false;
        }
        sample.add(s.buffer(), s.start(), s.end());
        n++;
      }
      return true;
    }
  }
}
