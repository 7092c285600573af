package io.dsap.engine.validate;

import io.dsap.engine.schema.SemanticType;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Proposes schema rules from a file's statistics, like Deequ's constraint suggestions but as
 * schema YAML: one condition, one outcome per rule. Each says why and how much of today's data
 * it covers, so a rule at 99.6% points at the rows to look at.
 */
public final class RuleSuggester {
  /** Columns with at most this many distinct values get {@code allowed_values}. */
  static final int MAX_CATEGORIES = 20;

  private RuleSuggester() {}

  public static List<SuggestedRule> suggest(FileProfile profile) {
    List<SuggestedRule> out = new ArrayList<>();
    for (ColumnProfile p : profile.columns()) {
      ColumnSpec s = p.spec();
      String name = s.name();
      long rows = p.rows();
      if (rows == 0) {
        continue;
      }
      long good = p.values() + p.nulls();
      if (s.type() != ColumnType.VARCHAR) {
        String type = s.type().isTemporal() && s.format() != null ? "type: " + s.type() + ", format: "
            + (s.type() == ColumnType.DATE ? s.format().datePattern() : s.format().timestampPattern())
            : "type: " + s.typeText();
        out.add(new SuggestedRule(name, type, p.rejected() == 0 ? "every value reads as " + s.typeText()
            : p.rejected() + " of " + rows + " values do not read as " + s.typeText() + " (they are the parse"
                + " issues of validate())", pct(good, rows)));
      }
      if (p.nulls() == 0) {
        out.add(new SuggestedRule(name, "nullable: false", "no empty value in " + rows + " rows", pct(rows, rows)));
      } else if (p.nulls() <= 0.1 * rows) {
        BigDecimal m = BigDecimal.valueOf((rows - p.nulls()) / (double) rows).setScale(2, RoundingMode.FLOOR);
        out.add(new SuggestedRule(name, "nullable: false, mostly: " + m.toPlainString(), p.nulls() + " of " + rows
            + " rows are empty; require a value but tolerate the current share", pct(rows - p.nulls(), rows)));
      }
      if (Boolean.TRUE.equals(p.unique()) && p.nulls() == 0 && p.values() > 1 && keyLike(s)) {
        out.add(new SuggestedRule(name, "unique: true", "all " + p.values() + " values are distinct",
            pct(p.values(), p.values())));
      }
      if (s.type().isNumeric() && p.values() > 0 && p.negatives() <= 0.01 * p.values()) {
        out.add(new SuggestedRule(name, "min: 0", p.negatives() == 0 ? "no negative value (smallest "
            + p.minText() + ")" : p.negatives() + " of " + p.values() + " values are negative; the rest are >= 0",
            pct(p.values() - p.negatives(), p.values())));
      }
      Map<String, Long> counts = p.valueCounts();
      if (s.type() == ColumnType.VARCHAR && counts != null && counts.size() <= MAX_CATEGORIES
          && p.values() >= 10L * counts.size()) {
        String values = counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey).collect(Collectors.joining(", "));
        out.add(new SuggestedRule(name, "allowed_values: [" + values + "]", counts.size() + " distinct values in "
            + p.values() + " rows", pct(p.values(), p.values())));
      }
      if (s.type() == ColumnType.VARCHAR && p.values() >= 10) {
        SemanticType best = null;
        long bestCount = 0;
        for (SemanticType t : List.of(SemanticType.EMAIL, SemanticType.URL, SemanticType.UUID, SemanticType.IPV4,
            SemanticType.IPV6, SemanticType.PHONE)) {
          if (p.semanticMatches(t) > bestCount) {
            best = t;
            bestCount = p.semanticMatches(t);
          }
        }
        if (best != null && bestCount >= 0.9 * p.values()) {
          out.add(new SuggestedRule(name, "semantic: " + best.text(), bestCount + " of " + p.values() + " values are "
              + best.description().replaceFirst(" like .*", ""), pct(bestCount, p.values())));
        }
        if (p.minLength() == p.maxLength() && counts == null || p.minLength() == p.maxLength() && p.minLength() > 1
            && counts != null && counts.size() > MAX_CATEGORIES) {
          out.add(new SuggestedRule(name, "min_length: " + p.minLength() + ", max_length: " + p.maxLength(),
              "every value has " + p.minLength() + " characters", pct(p.values(), p.values())));
        }
      }
    }
    out.sort(Comparator.comparingInt(r -> order(profile, r.column())));
    return out;
  }

  private static int order(FileProfile p, String column) {
    for (int i = 0; i < p.columns().size(); i++) {
      if (p.columns().get(i).spec().name().equals(column)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Identifier-like: whole numbers, or text named like a key (…id, …key, …code, email, uuid). */
  private static boolean keyLike(ColumnSpec s) {
    if (s.type() == ColumnType.INTEGER || s.type() == ColumnType.BIGINT) {
      return true;
    }
    String n = s.name().toLowerCase(Locale.ROOT);
    return s.type() == ColumnType.VARCHAR && (n.endsWith("id") || n.endsWith("key") || n.endsWith("code")
        || n.contains("email") || n.contains("uuid"));
  }

  private static BigDecimal pct(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP);
  }
}
