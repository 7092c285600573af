package io.dsap.engine.detect;

import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.source.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Detected schemas by file fingerprint, options, sample size and weights, so {@code
 * detect_schema} and {@code quality_report} on an unchanged file read it once, and metadata
 * (column remarks) can show what the last full detection found without reading anything.
 */
public final class DetectedSchemas {
  private static final int SIZE = 64;
  private static final Map<String, DataSchema> BY_CALL = lru();
  /** The last full (not sampled) detection of each file, by fingerprint. */
  private static final Map<Fingerprint, DataSchema> LATEST_FULL = lru();

  private DetectedSchemas() {}

  /** {@link SchemaDetector#detectSchema(FormatReader, Path, String, FormatOptions, long, QualityWeights)}, cached. */
  public static DataSchema detect(FormatReader format, Path file, String displayName, FormatOptions options,
      long sampleSize, QualityWeights weights) {
    Fingerprint fp = Fingerprint.of(file);
    String key = fp + "|" + format.name() + "|" + displayName + "|" + options.asMap() + "|" + sampleSize + "|"
        + weights;
    synchronized (BY_CALL) {
      DataSchema s = BY_CALL.get(key);
      if (s != null) {
        return s;
      }
    }
    DataSchema s = SchemaDetector.detectSchema(format, file, displayName, options, sampleSize, weights);
    synchronized (BY_CALL) {
      BY_CALL.put(key, s);
      if (!s.sampled()) {
        LATEST_FULL.put(fp, s);
      }
    }
    return s;
  }

  /** What the last full detection of {@code file} found, if it ran since the file last changed. */
  public static Optional<DataSchema> latestFull(Path file) {
    Fingerprint fp = Fingerprint.of(file);
    synchronized (BY_CALL) {
      return Optional.ofNullable(LATEST_FULL.get(fp));
    }
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> e) {
        return size() > SIZE;
      }
    };
  }
}
