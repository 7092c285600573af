package io.dsap.engine.format;

import io.dsap.engine.source.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detected tables by file fingerprint, format, table and options, shared by every connection in
 * the JVM: planning a query on an unchanged file never reads it again.
 */
public final class TableSourceCache {
  private static final int MAX_ENTRIES = 4096;

  private record Entry(Fingerprint fingerprint, TableSource source) {}

  private static final Map<String, Entry> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private TableSourceCache() {}

  /** The table, detected again only if the file changed. */
  public static TableSource get(FormatReader format, Path file, String displayName, String table,
      FormatOptions options) {
    io.dsap.engine.source.ReadLimits.checkSize(file, displayName);
    Fingerprint fp = Fingerprint.of(file);
    String key = format.name() + '\u0000' + file + '\u0000' + table + '\u0000' + displayName + '\u0000'
        + options.cacheKey();
    synchronized (CACHE) {
      Entry e = CACHE.get(key);
      if (e != null && e.fingerprint().equals(fp)) {
        return e.source();
      }
    }
    TableSource source = format.open(file, displayName, table, options);
    synchronized (CACHE) {
      CACHE.put(key, new Entry(fp, source));
    }
    return source;
  }
}
