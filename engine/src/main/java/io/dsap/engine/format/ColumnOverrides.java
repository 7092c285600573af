package io.dsap.engine.format;

import io.dsap.engine.csv.CsvOptions;
import io.dsap.engine.error.Errors;
import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.types.ColumnType;
import io.dsap.engine.types.TemporalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code types} and {@code all_varchar} options of a text format applied to detected
 * columns: what the user said wins, and the column's explanation says so.
 */
public final class ColumnOverrides {
  private final Map<String, CsvOptions.TypeOverride> types;
  private final boolean allVarchar;

  /** Parses {@code types} ({@code 'col:TYPE,...'}); null options mean none. */
  public ColumnOverrides(String types, Boolean allVarchar) {
    this.types = new LinkedHashMap<>(CsvOptions.parseTypes(types));
    this.allVarchar = Boolean.TRUE.equals(allVarchar);
  }

  public boolean allVarchar() {
    return allVarchar;
  }

  /** The columns with the user's types applied; a type for a column that does not exist fails. */
  public List<ColumnSpec> apply(List<ColumnSpec> detected) {
    Map<String, CsvOptions.TypeOverride> unused = new LinkedHashMap<>(types);
    List<ColumnSpec> out = detected.stream().map(c -> {
      unused.remove(c.name().toLowerCase(Locale.ROOT));
      return apply(c);
    }).toList();
    if (!unused.isEmpty()) {
      throw Errors.invalidOption("types", String.join(",", unused.keySet()), "names of detected columns ("
          + String.join(", ", detected.stream().map(ColumnSpec::name).toList()) + "); a field that only appears"
          + " after the sampled records becomes a column with sample_size => -1");
    }
    return out;
  }

  private ColumnSpec apply(ColumnSpec spec) {
    if (allVarchar) {
      return ColumnSpec.varchar(spec.name(), "VARCHAR: set by all_varchar => true");
    }
    CsvOptions.TypeOverride o = types.get(spec.name().toLowerCase(Locale.ROOT));
    if (o == null) {
      return spec;
    }
    if (o.type() == ColumnType.TIME || o.type() == ColumnType.VARBINARY) {
      throw Errors.invalidOption("types", spec.name() + ":" + o.type(),
          "a type text can hold: BOOLEAN, INTEGER, BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP or VARCHAR");
    }
    int scale = 0;
    if (o.type() == ColumnType.DECIMAL) {
      scale = o.scale() >= 0 ? o.scale() : spec.type() == ColumnType.DECIMAL ? spec.scale() : 2;
    }
    TemporalFormat f = o.format() != null ? o.format() : spec.format();
    return new ColumnSpec(spec.name(), o.type(), scale, o.type().isTemporal() ? f : null,
        o.type() + ": set by types => '" + spec.name() + ":" + o.type() + "' (detection said " + spec.typeText()
            + ")");
  }
}
