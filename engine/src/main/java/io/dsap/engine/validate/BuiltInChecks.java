package io.dsap.engine.validate;

import io.dsap.engine.schema.SemanticType;
import io.dsap.engine.schema.Severity;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.validate.checks.DuplicateRowCheck;
import io.dsap.engine.validate.checks.NotNullCheck;
import io.dsap.engine.validate.checks.PatternCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks run without a schema, chosen from a first pass so they only flag the odd ones out:
 * empty values in a column that is at least {@link #COMPLETE} filled, values that break a
 * semantic type that at least {@link #SEMANTIC} of the column follows, and repeated rows. All
 * are warnings; parse rejects stay errors. Columns with fewer than {@link #MIN_ROWS} values are
 * left alone: too little evidence.
 */
final class BuiltInChecks {
  static final double COMPLETE = 0.99;
  static final double SEMANTIC = 0.90;
  static final long MIN_ROWS = 50;
  static final long MIN_SEMANTIC_VALUES = 10;
  static final List<SemanticType> STRICT_TYPES = List.of(SemanticType.EMAIL, SemanticType.URL,
      SemanticType.UUID, SemanticType.IPV4, SemanticType.IPV6);

  private BuiltInChecks() {}

  static List<Check> from(FileProfile profile) {
    List<Check> out = new ArrayList<>();
    List<ColumnProfile> cols = profile.columns();
    for (int c = 0; c < cols.size(); c++) {
      ColumnProfile p = cols.get(c);
      String name = p.spec().name();
      long rows = p.rows();
      long filled = rows - p.nulls();
      if (rows >= MIN_ROWS && p.nulls() > 0 && filled >= COMPLETE * rows) {
        out.add(new NotNullCheck(name, c, Severity.WARNING, 1.0, name + " is filled in " + filled + " of " + rows
            + " parsed rows (" + FileProfile.pct(filled, rows) + "%), so an empty value stands out"));
      }
      if (p.spec().type() == ColumnType.VARCHAR && p.values() >= MIN_SEMANTIC_VALUES) {
        for (SemanticType t : STRICT_TYPES) {
          long m = p.semanticMatches(t);
          if (m < p.values() && m >= SEMANTIC * p.values()) {
            out.add(PatternCheck.semantic(name, c, t, Severity.WARNING, 1.0, m + " of " + p.values()
                + " values of " + name + " (" + FileProfile.pct(m, p.values()) + "%) are " + t.text() + " addresses"
                    .replace(" addresses", t == SemanticType.EMAIL ? " addresses" : "s")));
            break;
          }
        }
      }
    }
    out.add(new DuplicateRowCheck(Severity.WARNING));
    return out;
  }
}
