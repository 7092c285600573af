package io.dsap.engine.detect;

import io.dsap.engine.detect.RelationshipDetector.KeyColumn;
import io.dsap.engine.detect.RelationshipDetector.Relationship;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.source.Fingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Detected keys and relationships by file fingerprint (path, size, modification time) and
 * detected columns, so metadata calls (a BI tool asks for the keys of every table, again and
 * again) and repeated {@code detect_relationships} calls read an unchanged file once.
 */
public final class KeyCache {
  private static final int SIZE = 256;
  private static final Map<String, Optional<KeyColumn>> KEYS = lru();
  private static final Map<String, List<Relationship>> RELATIONSHIPS = lru();

  /** A table of a file, for relationship detection. */
  public record FileTableRef(String table, Path file, TableSource source) {
    String key() {
      return Fingerprint.of(file) + "|" + table + "|" + source.columns();
    }
  }

  private KeyCache() {}

  /** {@link RelationshipDetector#primaryKey}, cached. */
  public static Optional<KeyColumn> primaryKey(FileTableRef t) {
    String key = t.key();
    synchronized (KEYS) {
      Optional<KeyColumn> k = KEYS.get(key);
      if (k != null) {
        return k;
      }
    }
    Optional<KeyColumn> k = RelationshipDetector.primaryKey(t.table(), t.source(), RelationshipDetector.DEFAULT_MAX_DISTINCT);
    synchronized (KEYS) {
      KEYS.put(key, k);
    }
    return k;
  }

  /** {@link RelationshipDetector#detect} over {@code tables}, cached while none of the files changes. */
  public static List<Relationship> relationships(List<FileTableRef> tables, double minCoveragePct) {
    StringBuilder key = new StringBuilder().append(minCoveragePct);
    Map<String, TableSource> sources = new LinkedHashMap<>();
    for (FileTableRef t : tables) {
      key.append('\n').append(t.key());
      sources.put(t.table(), t.source());
    }
    synchronized (RELATIONSHIPS) {
      List<Relationship> r = RELATIONSHIPS.get(key.toString());
      if (r != null) {
        return r;
      }
    }
    List<Relationship> r = List.copyOf(RelationshipDetector.detect(sources, minCoveragePct,
        RelationshipDetector.DEFAULT_MAX_DISTINCT));
    synchronized (RELATIONSHIPS) {
      RELATIONSHIPS.put(key.toString(), r);
    }
    return r;
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> e) {
        return size() > SIZE;
      }
    };
  }
}
