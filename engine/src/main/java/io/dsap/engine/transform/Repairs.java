package io.dsap.engine.transform;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ByteParsers;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Type repair, decided from a sample of the first {@link #SAMPLE_ROWS} rows: which text columns
 * are numbers written for people, which are dates (and in which of the formats detection knows,
 * most common first), and which are categories whose letter case is normalised. The same
 * decisions apply in the stats pass and the apply pass, so statistics describe repaired values.
 */
final class Repairs implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final int SAMPLE_ROWS = 10_000;
  /** Share of a column's non-null sample values that must parse for {@code auto} to convert it. */
  static final double AUTO_SHARE = 0.95;
  /** A category has at most this many distinct values (ignoring case) in the sample. */
  static final int CATEGORY_MAX = 50;
  /** Text that means "no value" in number columns: not counted against converting a column. */
  static final Set<String> MISSING_TOKENS = Set.of("n/a", "na", "null", "none", "nan", "-", "--", "?");
  private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0\\d+");

  private final String text;
  private final ColumnRepair[] columns;

  private Repairs(String text, ColumnRepair[] columns) {
    this.text = text;
    this.columns = columns;
  }

  /** What to repair in each column of {@code in}. */
  record ColumnRepair(ColumnSpec in, ColumnSpec out, List<TemporalFormat> dateFormats, boolean number,
      String letterCase) implements java.io.Serializable {}

  static Repairs decide(TableSource source, TransformSpec spec) {
    try (SourceRows rows = new SourceRows(source, source.columns().size(), RejectSink.DISCARD, SAMPLE_ROWS)) {
      return decide(source.columns(), rows, spec);
    }
  }

  /** Decides from {@code rows}, the first rows of a source with columns {@code in} (at most {@link #SAMPLE_ROWS} are read). */
  static Repairs decide(List<ColumnSpec> in, java.util.Iterator<Object[]> rows, TransformSpec spec) {
    int n = in.size();
    for (String named : spec.numbers().columns()) {
      index(in, named, "numbers");
    }
    for (String named : spec.dates().columns()) {
      index(in, named, "dates");
    }
    for (String named : spec.letterCase().columns().keySet()) {
      index(in, named, "case");
    }
    List<List<String>> samples = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      samples.add(new ArrayList<>());
    }
    for (int read = 0; read < SAMPLE_ROWS && rows.hasNext(); read++) {
      Object[] row = rows.next();
      for (int c = 0; c < n; c++) {
        if (in.get(c).type() == ColumnType.VARCHAR) {
          String v = ValueRepair.text((String) row[c], spec.text());
          if (v != null) {
            samples.get(c).add(v);
          }
        }
      }
    }
    ColumnRepair[] out = new ColumnRepair[n];
    ByteParsers parsers = new ByteParsers();
    for (int c = 0; c < n; c++) {
      ColumnSpec col = in.get(c);
      out[c] = col.type() == ColumnType.VARCHAR ? decide(col, samples.get(c), spec, parsers)
          : new ColumnRepair(col, col, List.of(), false, null);
    }
    return new Repairs(spec.text(), out);
  }

  private static ColumnRepair decide(ColumnSpec col, List<String> values, TransformSpec spec, ByteParsers parsers) {
    String name = col.name();
    boolean wantDates = spec.dates().named(name) || (spec.dates().mode().equals("auto") && !spec.numbers().named(name));
    if (wantDates) {
      List<TemporalFormat> formats = dateFormats(values, parsers);
      long parsed = values.stream().filter(v -> formats.stream()
          .anyMatch(f -> ValueRepair.timestamp(v, f, parsers) != null)).count();
      boolean convert = spec.dates().named(name) || (!values.isEmpty() && parsed >= AUTO_SHARE * values.size());
      if (convert) {
        if (formats.isEmpty()) {
          throw new DsapException(ErrorCode.INVALID_OPTION, "dates: no value of column " + name + " is a date in a"
              + " supported format (" + String.join(", ", TemporalFormat.CANDIDATES.stream()
              .map(TemporalFormat::datePattern).toList()) + "); remove it from 'dates'.");
        }
        boolean dateOnly = values.stream().allMatch(v -> formats.stream()
            .filter(f -> ValueRepair.timestamp(v, f, parsers) != null).findFirst()
            .map(f -> ValueRepair.isDateOnly(v, f, parsers)).orElse(true));
        ColumnType t = dateOnly ? ColumnType.DATE : ColumnType.TIMESTAMP;
        ColumnSpec o = new ColumnSpec(name, t, 0, TemporalFormat.ISO, "clean: " + t + " parsed from text as "
            + String.join(", ", formats.stream().map(TemporalFormat::datePattern).toList()));
        return new ColumnRepair(col, o, formats, false, null);
      }
    }
    boolean wantNumbers = spec.numbers().named(name) || spec.numbers().mode().equals("auto");
    if (wantNumbers) {
      long parsed = values.stream().filter(v -> ValueRepair.number(v) != null).count();
      long tokens = values.stream().filter(v -> MISSING_TOKENS.contains(v.toLowerCase(Locale.ROOT))).count();
      boolean codes = values.stream().anyMatch(v -> LEADING_ZERO.matcher(v).matches());
      boolean convert = spec.numbers().named(name)
          || (parsed > 0 && !codes && parsed >= AUTO_SHARE * (values.size() - tokens));
      if (convert) {
        ColumnSpec o = new ColumnSpec(name, ColumnType.DOUBLE, 0, null, "clean: DOUBLE parsed from text");
        return new ColumnRepair(col, o, List.of(), true, null);
      }
    }
    String letterCase = spec.letterCase().forColumn(name);
    if (letterCase != null && !spec.letterCase().names(name)) {
      Set<String> distinct = new HashSet<>();
      values.forEach(v -> distinct.add(v.toLowerCase(Locale.ROOT)));
      boolean category = !values.isEmpty() && distinct.size() <= CATEGORY_MAX
          && distinct.size() <= Math.max(1, values.size() / 2);
      letterCase = category ? letterCase : null;
    }
    if (letterCase != null && letterCase.equals("none")) {
      letterCase = null;
    }
    if (letterCase != null && !Set.of("lower", "upper", "title").contains(letterCase)) {
      throw SpecText.bad("case", letterCase, "expected lower, upper, title or none");
    }
    return new ColumnRepair(col, col, List.of(), false, letterCase);
  }

  /** Formats that parse at least one value, most values first (ties in detection's order). */
  private static List<TemporalFormat> dateFormats(List<String> values, ByteParsers parsers) {
    List<TemporalFormat> found = new ArrayList<>();
    long[] votes = new long[TemporalFormat.CANDIDATES.size()];
    for (int i = 0; i < votes.length; i++) {
      TemporalFormat f = TemporalFormat.CANDIDATES.get(i);
      for (String v : values) {
        if (ValueRepair.timestamp(v, f, parsers) != null) {
          votes[i]++;
        }
      }
      if (votes[i] > 0) {
        found.add(f);
      }
    }
    found.sort(Comparator.comparingLong(f -> -votes[TemporalFormat.CANDIDATES.indexOf(f)]));
    return found;
  }

  static int index(List<ColumnSpec> columns, String name, String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new DsapException(ErrorCode.INVALID_OPTION, key + ": there is no column '" + name + "'. Columns: "
        + String.join(", ", columns.stream().map(ColumnSpec::name).toList()) + ".");
  }

  /** The columns after repair. */
  List<ColumnSpec> columns() {
    List<ColumnSpec> out = new ArrayList<>();
    for (ColumnRepair r : columns) {
      out.add(r.out());
    }
    return out;
  }

  /** New repair steps (with fresh report stats) in order: text, dates, numbers, case. */
  List<RowStep> steps() {
    List<RowStep> steps = new ArrayList<>();
    for (int c = 0; c < columns.length; c++) {
      ColumnRepair r = columns[c];
      String name = r.in().name();
      if (r.in().type() == ColumnType.VARCHAR && !text.equals("none")) {
        String mode = text;
        steps.add(RowStep.map(new StepStats(name, "text", text.equals("normalize")
            ? "trim, collapse inner whitespace, Unicode NFC; empty text is NULL"
            : "trim, Unicode NFC; empty text is NULL", false, false), c, v -> ValueRepair.text((String) v, mode)));
      }
      if (!r.dateFormats().isEmpty()) {
        List<TemporalFormat> formats = r.dateFormats();
        boolean date = r.out().type() == ColumnType.DATE;
        ByteParsers parsers = new ByteParsers();
        steps.add(RowStep.map(new StepStats(name, "dates", "VARCHAR to " + r.out().type() + ", formats tried in"
            + " order: " + String.join(", ", formats.stream().map(TemporalFormat::datePattern).toList())
            + "; text in none of them is NULL", false, false).sameWhen((a, b) -> date
            && java.time.LocalDate.ofEpochDay((Integer) b).toString().equals(a)), c, v -> {
              if (v == null) {
                return null;
              }
              for (TemporalFormat f : formats) {
                Long ms = ValueRepair.timestamp((String) v, f, parsers);
                if (ms != null) {
                  return date ? (Object) (int) Math.floorDiv(ms, 86_400_000L) : ms;
                }
              }
              return null;
            }));
      }
      if (r.number()) {
        steps.add(RowStep.map(new StepStats(name, "numbers", "VARCHAR to DOUBLE: currency symbols, grouping"
            + " (1,234.50 and 1.234,50), percent (12% = 0.12); text that is no number is NULL", false, true)
            .sameWhen((a, b) -> ValueRepair.isPlainNumber((String) a) && Double.parseDouble(((String) a).trim())
            == (Double) b), c,
            v -> v == null ? null : ValueRepair.number((String) v)));
      }
      if (r.letterCase() != null) {
        String mode = r.letterCase();
        steps.add(RowStep.map(new StepStats(name, "case", mode + " case", false, false), c,
            v -> ValueRepair.letterCase((String) v, mode)));
      }
    }
    return steps;
  }
}
