package io.dsap.jdbc;

import io.dsap.engine.calcite.PlanInputs;
import io.dsap.engine.error.Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.schema.SchemaPlus;

/**
 * One connection's prepared plans by SQL text, so a query sent again skips parsing, validation,
 * optimisation and code generation (most of a small query's time). A plan is reused only while
 * its {@link PlanInputs} are unchanged; least recently used plans go first. Plans hold no state
 * of an execution (parameters, cancel flag, current time and the stashed scan specs reach the
 * generated code through each execution's DataContext), so one plan serves any number of
 * executions, also at the same time.
 *
 * <p>Per connection, because a plan refers to the connection's tables and schema, and because its
 * properties (lex, case, type system, detection options) are fixed when it opens: the key then
 * only needs what can change on an open connection. Tests read {@link #hits()}; {@code
 * connection.unwrap(PlanCache.class)} returns it (null-free: a disabled cache counts nothing).
 */
public final class PlanCache {
  /** System property: {@code off} turns the cache off in this JVM (the connection property wins). */
  public static final String SYSTEM_PROPERTY = "dsap.plan.cache";
  /** System property: how many plans each connection keeps. */
  public static final String SIZE_PROPERTY = "dsap.plan.cache.size";
  public static final int DEFAULT_SIZE = 32;

  /**
   * What a plan depends on besides the connection: the SQL text, the default schema (a
   * connection's {@code setSchema}) and the row limit, which Calcite builds into the plan.
   */
  public record Key(String sql, List<String> schemaPath, long maxRowCount) {}

  private record Entry(Object plan, PlanInputs inputs) {}

  private final boolean enabled;
  private final Map<Key, Entry> plans;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private PlanCache(boolean enabled, int size) {
    this.enabled = enabled && size > 0;
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > size;
      }
    };
  }

  /** The cache a connection with {@code props} gets: on unless {@code plan_cache} or the system property says off. */
  public static PlanCache forConnection(Properties props) {
    String v = DsapProperty.PLAN_CACHE.get(props);
    boolean on = v != null && !v.isBlank() ? parse(DsapProperty.PLAN_CACHE.key(), v)
        : parse(SYSTEM_PROPERTY, System.getProperty(SYSTEM_PROPERTY, "on"));
    return new PlanCache(on, configuredSize());
  }

  private static boolean parse(String name, String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "on", "true":
        return true;
      case "off", "false":
        return false;
      default:
        throw Errors.invalidOption(name, value, "on or off, e.g. " + name + "=off to plan every query anew");
    }
  }

  private static int configuredSize() {
    String v = System.getProperty(SIZE_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_SIZE;
    }
    try {
      return Math.max(0, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw Errors.invalidOption(SIZE_PROPERTY, v, "a number of plans, 0 or more, e.g. -D" + SIZE_PROPERTY + "=64");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether a statement's plan may be kept at all: only queries (SELECT, WITH, VALUES, also in
   * parentheses) qualify. DDL, DML, EXPLAIN and SET run or answer while they are prepared.
   */
  public boolean accepts(String sql) {
    return enabled && sql != null && isQuery(sql);
  }

  static boolean isQuery(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int j = i;
    while (j < n && Character.isLetter(sql.charAt(j))) {
      j++;
    }
    String word = sql.substring(i, j).toUpperCase(Locale.ROOT);
    return word.equals("SELECT") || word.equals("WITH") || word.equals("VALUES");
  }

  /** The plan kept for {@code key} if its inputs are unchanged, else null (and a stale one is dropped). */
  public Object get(Key key, SchemaPlus root) {
    Entry e;
    synchronized (plans) {
      e = plans.get(key);
    }
    if (e != null && e.inputs().unchanged(root)) {
      hits.incrementAndGet();
      return e.plan();
    }
    if (e != null) {
      synchronized (plans) {
        plans.remove(key, e);
      }
    }
    misses.incrementAndGet();
    return null;
  }

  public void put(Key key, Object plan, PlanInputs inputs) {
    synchronized (plans) {
      plans.put(key, new Entry(plan, inputs));
    }
  }

  /** Executions that reused a kept plan. */
  public long hits() {
    return hits.get();
  }

  /** Lookups of a query that found no valid plan (so it was planned). */
  public long misses() {
    return misses.get();
  }

  /** Plans kept now. */
  public int size() {
    synchronized (plans) {
      return plans.size();
    }
  }
}
