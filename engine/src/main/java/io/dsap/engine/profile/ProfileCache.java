package io.dsap.engine.profile;

import io.dsap.engine.format.TableSource;
import io.dsap.engine.source.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Profiles by file fingerprint (path, size, modification time) and detected columns, so
 * {@code profile}, {@code detect_schema} and {@code quality_report} on an unchanged file read it
 * once. Holds the last {@link #SIZE} profiles (each a few KB per column).
 */
public final class ProfileCache {
  static final int SIZE = 32;
  private static final Map<String, TableProfile> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TableProfile> e) {
      return size() > SIZE;
    }
  };

  private ProfileCache() {}

  /** {@code -Ddsap.profile.cache=off} profiles on every call (benchmarks measure the pass, not the cache). */
  private static final boolean ON = !"off".equalsIgnoreCase(System.getProperty("dsap.profile.cache"));

  public static TableProfile profile(Path file, String displayName, TableSource source) {
    if (!ON) {
      return Profiler.profile(source, displayName);
    }
    String key = Fingerprint.of(file) + "|" + source.columns();
    synchronized (CACHE) {
      TableProfile p = CACHE.get(key);
      if (p != null) {
        return p;
      }
    }
    TableProfile p = Profiler.profile(source, displayName);
    synchronized (CACHE) {
      CACHE.put(key, p);
    }
    return p;
  }
}
