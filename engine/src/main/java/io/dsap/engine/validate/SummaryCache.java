package io.dsap.engine.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-check summaries of validations that ran to the end, by what decides them: the file's
 * fingerprint and detection, the schema and the rules ({@link Validator#key}). So
 * {@code validation_summary()} right after {@code validate()} of the same unchanged file (what
 * {@code dsap validate} does) reads the file once, not twice. Only runs whose checks depend on
 * the file alone are kept ({@link Check#dependsOnFileOnly()}); the last {@link #SIZE} are held,
 * shared by every connection (a few hundred bytes per check).
 */
final class SummaryCache {
  static final int SIZE = 16;
  /** {@code -Ddsap.validation.cache=off} validates on every call (benchmarks measure the pass, not the cache). */
  private static final boolean ON = !"off".equalsIgnoreCase(System.getProperty("dsap.validation.cache"));

  private static final Map<String, List<CheckResult>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<CheckResult>> e) {
      return size() > SIZE;
    }
  };

  private SummaryCache() {}

  /** The summary of a finished run with this key, or null. */
  static List<CheckResult> get(String key) {
    if (!ON || key == null) {
      return null;
    }
    synchronized (CACHE) {
      return CACHE.get(key);
    }
  }

  static void put(String key, List<CheckResult> summary) {
    if (!ON || key == null) {
      return;
    }
    synchronized (CACHE) {
      CACHE.put(key, List.copyOf(summary));
    }
  }
}
