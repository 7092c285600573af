package io.dsap.engine.validate.checks;

import io.dsap.engine.batch.ColumnVector;
import io.dsap.engine.schema.ForeignKey;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.validate.AbstractCheck;
import io.dsap.engine.validate.IssueSink;
import io.dsap.engine.validate.Rows;
import java.util.function.Supplier;

/**
 * {@code foreign_key}: every non-null value exists in the referenced column. The referenced
 * values are read once, before the first row; if they cannot be read the check reports that
 * once and checks nothing.
 */
public final class ForeignKeyCheck extends AbstractCheck {
  private final int c;
  private final ForeignKey fk;
  private final Supplier<ReferenceValues> loader;
  private ReferenceValues values;
  private String target;

  public ForeignKeyCheck(ColumnSpec spec, int c, ForeignKey fk, Supplier<ReferenceValues> loader) {
    super("foreign_key", spec.name(), fk.severityOrDefault(), fk.mostlyOrDefault());
    this.c = c;
    this.fk = fk;
    this.loader = loader;
    this.target = fk.references() + "." + fk.refColumnOrDefault();
  }

  @Override
  public void begin(IssueSink out) {
    try {
      values = loader.get();
    } catch (RuntimeException e) {
      fail(null, null, null, "a readable reference " + target, "the foreign key " + column + " -> " + target
          + " cannot be checked: " + e.getMessage(), "Fix references: / ref_column: in the schema.", out);
    }
  }

  @Override
  public boolean dependsOnFileOnly() {
    return false; // the referenced file may change on its own
  }

  @Override
  public void check(Rows rows, IssueSink out) {
    if (values == null) {
      return;
    }
    ColumnVector v = rows.column(c);
    for (int r = 0; r < rows.size(); r++) {
      if (v.isNull(r)) {
        continue;
      }
      checked++;
      boolean found = values.longKeys() ? values.contains(ValueKeys.key(v, r)) : values.contains(rows.text(r, c));
      if (!found) {
        String text = rows.text(r, c);
        fail(rows, r, text, "a value of " + target, column + " " + text + " has no match in " + target,
            "Add " + text + " to " + fk.references() + ", or correct the value on line " + rows.line(r) + ".", out);
      }
    }
  }

  @Override
  public int[] columnsRead() {
    return new int[] {c};
  }
}
