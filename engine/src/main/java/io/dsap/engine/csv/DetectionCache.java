package io.dsap.engine.csv;

import io.dsap.engine.source.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detected CSV schemas by file fingerprint and options, shared by every connection in the JVM:
 * planning a query on a known, unchanged file never reads it again.
 */
public final class DetectionCache {
  private static final int MAX_ENTRIES = 4096;

  private record Entry(Fingerprint fingerprint, CsvFileSchema schema) {}

  private static final Map<String, Entry> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private DetectionCache() {}

  /** The schema of {@code file} under {@code options}, detected again only if the file changed. */
  public static CsvFileSchema get(Path file, CsvOptions options) {
    Fingerprint fp = Fingerprint.of(file);
    String key = file + "\u0000" + options.cacheKey();
    synchronized (CACHE) {
      Entry e = CACHE.get(key);
      if (e != null && e.fingerprint().equals(fp)) {
        return e.schema();
      }
    }
    CsvFileSchema schema = CsvSchemaDetector.detect(file, options);
    synchronized (CACHE) {
      CACHE.put(key, new Entry(fp, schema));
    }
    return schema;
  }
}
