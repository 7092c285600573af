package io.dsap.engine.detect;

import io.dsap.engine.format.TableSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Foreign-key candidates between tables: a column whose distinct values are (nearly all) values
 * of another table's single-column key. Exact: every distinct value is kept (integers by value,
 * text by a 64-bit hash), up to {@link #DEFAULT_MAX_DISTINCT} per column; a column with more is
 * not compared and a row says so.
 *
 * <p>Two passes per table: the first finds its keys (a column is dropped at its first NULL or
 * repeat, so memory holds only key columns), the second reads the other key-like columns one
 * table at a time and looks each distinct value up in the keys of the other tables. Memory is
 * the key columns' values plus one table's columns, each at most the cap.
 */
public final class RelationshipDetector {
  /** Distinct values kept per column (about 16 bytes each); past this a column is not compared. */
  public static final int DEFAULT_MAX_DISTINCT = 1_000_000;
  /** Share of a column's distinct values that must be keys of the other table, in percent. */
  public static final double DEFAULT_MIN_COVERAGE = 90.0;
  /** Names too generic to match on their own ({@code orders.id} and {@code customers.id}). */
  private static final Set<String> GENERIC = Set.of("id", "key", "code", "name", "no", "nr", "num", "number");

  /**
   * One candidate, or (with {@code pkTable} null) a column that was not compared and why.
   *
   * @param coveragePct matched / fkDistinct in percent (2 decimals), null for a skipped column
   * @param fkDistinct distinct non-null values of the foreign-key column
   * @param matched how many of them are values of the key
   * @param nameMatch the names say so too ({@code customer_id} and {@code customers.customer_id})
   */
  public record Relationship(String fkTable, String fkColumn, String pkTable, String pkColumn, Double coveragePct,
      long fkDistinct, long matched, Long pkDistinct, boolean nameMatch, String remarks) {}

  /** A table's single-column key: its column, rows, and whether its name says key. */
  public record KeyColumn(String table, String column, long rows, boolean nameLike) {}

  private RelationshipDetector() {}

  /** Candidates between {@code tables} (name to source) with the default coverage and cap. */
  public static List<Relationship> detect(Map<String, TableSource> tables) {
    return detect(tables, DEFAULT_MIN_COVERAGE, DEFAULT_MAX_DISTINCT);
  }

  /**
   * Candidates between {@code tables}: per foreign-key column (in table and column order), the
   * key columns of other tables with the same value family covering at least
   * {@code minCoveragePct} of its distinct values, names matching first, then by coverage.
   */
  public static List<Relationship> detect(Map<String, TableSource> tables, double minCoveragePct, int maxDistinct) {
    if (minCoveragePct < 0 || minCoveragePct > 100) {
      throw io.dsap.engine.error.Errors.invalidOption("min_coverage", Double.toString(minCoveragePct),
          "a percentage between 0 and 100, e.g. 90");
    }
    Map<String, List<ColumnValues>> keysByTable = new LinkedHashMap<>();
    List<Relationship> out = new ArrayList<>();
    Set<String> noted = new HashSet<>();
    for (Map.Entry<String, TableSource> t : tables.entrySet()) {
      List<ColumnValues> cols = ColumnValues.scan(t.getKey(), t.getValue(), maxDistinct, true);
      List<ColumnValues> keys = new ArrayList<>();
      for (ColumnValues c : cols) {
        if (c.isKey()) {
          keys.add(c);
        } else if (c.overflowed) {
          out.add(skipped(c, maxDistinct));
          noted.add(c.table + "\u0000" + c.name);
        }
      }
      keysByTable.put(t.getKey(), keys);
    }
    for (Map.Entry<String, TableSource> t : tables.entrySet()) {
      if (keysByTable.entrySet().stream().noneMatch(e -> !e.getKey().equals(t.getKey()) && !e.getValue().isEmpty())) {
        continue; // no other table has a key: nothing to compare with
      }
      List<ColumnValues> own = keysByTable.get(t.getKey());
      for (ColumnValues fk : ColumnValues.scan(t.getKey(), t.getValue(), maxDistinct, false)) {
        if (fk.overflowed) {
          if (noted.add(fk.table + "\u0000" + fk.name)) {
            out.add(skipped(fk, maxDistinct));
          }
          continue;
        }
        boolean fkUnique = own.stream().anyMatch(k -> k.name.equals(fk.name));
        out.addAll(candidates(fk, fkUnique, keysByTable, minCoveragePct));
      }
    }
    return out;
  }

  private static List<Relationship> candidates(ColumnValues fk, boolean fkUnique,
      Map<String, List<ColumnValues>> keysByTable, double minCoveragePct) {
    List<Relationship> found = new ArrayList<>();
    long distinct = fk.distinct();
    if (distinct < 2) {
      return found; // a constant column is contained in anything
    }
    for (Map.Entry<String, List<ColumnValues>> e : keysByTable.entrySet()) {
      if (e.getKey().equals(fk.table)) {
        continue;
      }
      for (ColumnValues pk : e.getValue()) {
        if (pk.family != fk.family || distinct * minCoveragePct / 100.0 > pk.distinct()) {
          continue;
        }
        long[] matched = {0};
        LongSet keys = pk.values;
        fk.values.forEach(v -> {
          if (keys.contains(v)) {
            matched[0]++;
          }
        });
        double coverage = Math.round(10_000.0 * matched[0] / distinct) / 100.0;
        if (matched[0] == 0 || coverage < minCoveragePct) {
          continue;
        }
        boolean names = namesMatch(fk.name, pk.table, pk.name);
        found.add(new Relationship(fk.table, fk.name, pk.table, pk.name, coverage, distinct, matched[0],
            pk.distinct(), names, remarks(fk, pk, distinct, matched[0], names, fkUnique)));
      }
    }
    found.sort(Comparator.comparing((Relationship r) -> !r.nameMatch())
        .thenComparing(Relationship::coveragePct, Comparator.reverseOrder())
        .thenComparing(Relationship::pkTable).thenComparing(Relationship::pkColumn));
    return found;
  }

  private static String remarks(ColumnValues fk, ColumnValues pk, long distinct, long matched, boolean names,
      boolean fkUnique) {
    StringBuilder s = new StringBuilder();
    String target = pk.table + "." + pk.name;
    if (matched == distinct) {
      s.append("all ").append(distinct).append(" distinct values are keys of ").append(target);
    } else {
      s.append(distinct - matched).append(" of ").append(distinct).append(" distinct values are not keys of ")
          .append(target).append(" (orphans)");
    }
    s.append(names ? "; the names match" : "; the names do not match: the inclusion may be a coincidence");
    if (fkUnique) {
      s.append("; ").append(fk.name).append(" is unique too (one-to-one)");
    }
    if (fk.nulls > 0) {
      s.append("; ").append(fk.nulls).append(" NULLs (no reference)");
    }
    return s.toString();
  }

  private static Relationship skipped(ColumnValues c, int cap) {
    return new Relationship(c.table, c.name, null, null, null, c.values == null ? 0 : cap, 0, null, false,
        "not compared: more than " + cap + " distinct values (the cap of relationship detection)");
  }

  /**
   * The best single-column key of {@code source}: among columns with no NULL and no repeat, one
   * whose name says key ({@code id}, {@code <table>_id}, {@code ..._id}, {@code ..._key},
   * {@code ..._code}) first, then integers before text, then the leftmost.
   */
  public static Optional<KeyColumn> primaryKey(String table, TableSource source, int maxDistinct) {
    List<ColumnValues> keys = ColumnValues.scan(table, source, maxDistinct, true).stream()
        .filter(ColumnValues::isKey).toList();
    return keys.stream()
        .min(Comparator.comparing((ColumnValues c) -> !nameLike(table, c.name))
            .thenComparing(c -> c.family != ColumnValues.Family.INTEGER)
            .thenComparingInt(c -> c.ordinal))
        .map(c -> new KeyColumn(table, c.name, c.rows, nameLike(table, c.name)));
  }

  static boolean nameLike(String table, String column) {
    String c = norm(column);
    String t = singular(norm(base(table)));
    String lower = column.toLowerCase(Locale.ROOT);
    return c.equals("id") || c.equals(t + "id") || c.equals("key") || c.equals("code")
        || lower.matches(".*[_ -](id|key|code)")
        || column.matches(".*[a-z](Id|ID|Key|Code)");
  }

  /**
   * Whether the names say {@code fkColumn} refers to {@code pkTable.pkColumn}: equal names (not
   * a generic one such as {@code id}), the table's name plus the key's ({@code customer_id} to
   * {@code customers.id}), the table's name alone ({@code customer}), or a longer name ending in
   * the key's ({@code billing_customer_id} to {@code customer_id}).
   */
  static boolean namesMatch(String fkColumn, String pkTable, String pkColumn) {
    String fk = norm(fkColumn);
    String pk = norm(pkColumn);
    String t = norm(base(pkTable));
    String one = singular(t);
    if (fk.equals(pk)) {
      return !GENERIC.contains(pk);
    }
    return fk.equals(one + pk) || fk.equals(t + pk) || fk.equals(one) || fk.equals(t)
        || (!GENERIC.contains(pk) && pk.length() >= 4 && fk.endsWith(pk));
  }

  /** The last part of a table name: {@code sales/2024/orders} to orders, {@code book$Customers} to Customers. */
  private static String base(String table) {
    String t = table.substring(table.lastIndexOf('/') + 1);
    return t.substring(t.lastIndexOf('$') + 1);
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String singular(String s) {
    if (s.endsWith("ies") && s.length() > 3) {
      return s.substring(0, s.length() - 3) + "y";
    }
    if (s.endsWith("ses") || s.endsWith("xes")) {
      return s.substring(0, s.length() - 2);
    }
    return s.endsWith("s") && !s.endsWith("ss") ? s.substring(0, s.length() - 1) : s;
  }
}
