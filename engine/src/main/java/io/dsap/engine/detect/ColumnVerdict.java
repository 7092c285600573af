package io.dsap.engine.detect;

import io.dsap.engine.profile.NearDuplicates;
import io.dsap.engine.profile.ValueCountsState.ValueCount;
import io.dsap.engine.quality.QualityScore;
import io.dsap.engine.quality.QualityWeights;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides a column's type, meaning, flags and quality from the full pass's {@link ColumnEvidence}. */
final class ColumnVerdict {
  /** Text columns whose values are at least this share numbers get {@code numeric_stored_as_text}. */
  static final double STORED_AS_TEXT = 0.9;
  /** Columns with at most this many distinct values (exact) are checked for variant spellings. */
  static final int CATEGORICAL_MAX = 50;

  private ColumnVerdict() {}

  static ColumnSchema decide(ColumnEvidence ev, int ordinal, boolean complete, boolean sampled, QualityWeights w) {
    ColumnSpec spec = ev.stats.resolve(ev.name, complete);
    long values = ev.values();
    Set<String> flags = new LinkedHashSet<>();
    boolean text = spec.type() == ColumnType.VARCHAR;
    SemanticType semantic = ev.semantic.best(ev.name, text);
    long fitting = ev.types.fitting(spec);
    if (fitting < 0) {
      fitting = values; // a date layout other than the sample's: ValueTypeStats vouched within tolerance
    }
    long valid = semantic == null ? fitting : Math.min(fitting, ev.semantic.matches(semantic));

    List<Counterexample> counter = new ArrayList<>(ev.types.misfits(spec));
    if (text) {
      // what ruled out the best typed candidate (a date column with a few non-dates)
      ev.types.candidates().stream().filter(c -> !c.type().equals("VARCHAR") && c.share() >= 0.3 && c.share() < 1)
          .findFirst().ifPresent(c -> counter.addAll(ev.types.misfits(typed(c.type(), ev))));
    }
    if (semantic != null) {
      counter.addAll(ev.semantic.misfits(semantic));
    }

    if (ev.stats.leadingZeros() && text) {
      flags.add("leading_zeros");
    }
    if (ev.stats.ambiguousDate(spec)) {
      flags.add("ambiguous_date");
    }
    if (headerLike(ev, spec)) {
      flags.add("header_like_first_row");
    }
    long dateValues = 0;
    long bestFormat = 0;
    int formatsUsed = 0;
    for (long n : ev.dateFormats) {
      dateValues += n;
      bestFormat = Math.max(bestFormat, n);
      formatsUsed += n > 0 ? 1 : 0;
    }
    if (formatsUsed > 1) {
      flags.add("mixed_formats");
    }
    if (ev.padded > 0) {
      flags.add("trailing_spaces");
    }
    if (text && values > 0 && ev.numeric >= STORED_AS_TEXT * values && ev.leadingZeros == 0) {
      flags.add("numeric_stored_as_text");
    }
    String detection = spec.detection();
    if (!spec.typeText().equals(ev.proposed.typeText())) {
      flags.add("type_changed_by_full_pass");
      detection = "the sample proposed " + ev.proposed.typeText() + "; the full pass over " + values
          + " values says " + detection;
    }
    if (sampled) {
      flags.add("sampled");
    }
    if (!ev.distinct.exact()) {
      flags.add("approximate_distinct");
    }

    long offFormat = 2 * dateValues >= values ? dateValues - bestFormat : 0;
    long minority = text ? minoritySpellings(ev) : 0;
    long consistent = Math.max(0, values - ev.padded - offFormat - minority);
    double completeness = ev.rows == 0 ? 1 : (double) values / ev.rows;
    double validity = values == 0 ? 1 : (double) valid / values;
    double consistency = values == 0 ? 1 : (double) consistent / values;
    QualityScore q = QualityScore.of(completeness, validity, consistency, null, w);

    long distinct = ev.distinct.distinct();
    // exact or unknown: past the exact limit an HLL estimate cannot prove a key
    Boolean unique = ev.distinct.exact() ? (Boolean) (distinct == values && values > 0) : null;
    String[] range = range(ev, spec);
    List<Candidate> candidates = new ArrayList<>(ev.types.candidates());
    candidates.addAll(ev.semantic.candidates());
    String format = spec.format() != null ? (spec.type() == ColumnType.DATE ? spec.format().datePattern()
        : spec.format().timestampPattern()) : null;
    return new ColumnSchema(ordinal, ev.name, spec.typeText(), ev.nulls > 0, semantic == null ? null : semantic.label(),
        semantic == null ? null : ev.semantic.rate(semantic), format, ev.rows, ev.nulls, distinct, ev.distinct.exact(),
        unique, range[0], range[1], candidates, counter.subList(0, Math.min(counter.size(), 6)),
        List.copyOf(flags), valid, consistent, detection, q);
  }

  private static ColumnSpec typed(String typeText, ColumnEvidence ev) {
    for (ColumnType t : ColumnType.values()) {
      if (typeText.startsWith(t.name())) {
        return new ColumnSpec("x", t, 0, ev.proposed.format(), "x");
      }
    }
    return ColumnSpec.varchar("x", "x");
  }

  /**
   * The first value does not fit a typed column but looks like a name (a second header line, a
   * units row), or equals the column's name in a text column (a repeated header).
   */
  private static boolean headerLike(ColumnEvidence ev, ColumnSpec spec) {
    String first = ev.firstValue == null ? "" : ev.firstValue.trim();
    if (first.isEmpty()) {
      return false;
    }
    if (spec.type() == ColumnType.VARCHAR) {
      return first.equalsIgnoreCase(ev.name) && ev.values() > 1;
    }
    return first.matches("[A-Za-z_][A-Za-z0-9_ ()%/.-]*") && ev.types.misfits(spec).stream()
        .anyMatch(c -> c.line() == ev.firstLine);
  }

  /** Values spelled like another, more common value of a categorical column ('Paid' next to 'paid'). */
  private static long minoritySpellings(ColumnEvidence ev) {
    if (!ev.distinct.exact() || ev.distinct.distinct() > CATEGORICAL_MAX || ev.distinct.distinct() * 2 > ev.values()) {
      return 0;
    }
    List<ValueCount> all = ev.distinct.top(CATEGORICAL_MAX, null);
    Map<String, Long> counts = new HashMap<>();
    all.forEach(v -> counts.put(v.value(), v.count()));
    Map<String, String> group = new HashMap<>(); // value -> most common spelling of its group
    for (String[] pair : NearDuplicates.pairs(all.stream().map(ValueCount::value).toList())) {
      String a = group.getOrDefault(pair[0], pair[0]); // top() is most frequent first
      group.putIfAbsent(pair[0], a);
      group.put(pair[1], a);
    }
    long minority = 0;
    for (Map.Entry<String, String> e : group.entrySet()) {
      if (!e.getKey().equals(e.getValue())) {
        minority += counts.get(e.getKey());
      }
    }
    return minority;
  }

  private static String[] range(ColumnEvidence ev, ColumnSpec spec) {
    if (ev.values() == 0) {
      return new String[2];
    }
    return switch (spec.type()) {
      case INTEGER, BIGINT, DECIMAL, DOUBLE -> new String[] {ev.numbers.minText, ev.numbers.maxText};
      case DATE, TIMESTAMP -> spec.format().equals(ev.trackedFormat())
          ? new String[] {ev.temporal.minText, ev.temporal.maxText} : new String[2];
      default -> new String[] {ColumnEvidence.text(ev.textMin), ColumnEvidence.text(ev.textMax)};
    };
  }
}
