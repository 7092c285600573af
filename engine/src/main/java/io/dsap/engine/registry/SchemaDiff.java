package io.dsap.engine.registry;

import io.dsap.engine.schema.ColumnSchema;
import io.dsap.engine.schema.DeclaredType;
import io.dsap.engine.schema.SchemaDocument;
import io.dsap.engine.schema.TableRule;
import io.dsap.engine.types.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one schema to another, and whether it is compatible in each direction.
 * A constraint that gets stricter (a new required column, nullable to not null, a narrower type
 * or range, fewer allowed values, a new rule) breaks BACKWARD compatibility: old data may fail
 * it. One that gets looser breaks FORWARD: new data may fail the old schema. Removing a column
 * the old schema required breaks both, as the issue that defines the registry states ("removing
 * a required one is not backward compatible"): consumers on the new schema lose a column the data
 * contract promised, and new data fails the old schema. Adding a nullable column, or removing an
 * optional one, breaks neither.
 */
public final class SchemaDiff {
  private static final Map<ColumnType, Integer> WIDTH = Map.of(ColumnType.BOOLEAN, 0, ColumnType.INTEGER, 1,
      ColumnType.BIGINT, 2, ColumnType.DECIMAL, 3, ColumnType.DOUBLE, 4);

  private final List<SchemaChange> changes;

  private SchemaDiff(List<SchemaChange> changes) {
    this.changes = List.copyOf(changes);
  }

  public List<SchemaChange> changes() {
    return changes;
  }

  /** The verdict over all changes. */
  public Compatibility compatibility() {
    boolean b = changes.stream().allMatch(SchemaChange::backward);
    boolean f = changes.stream().allMatch(SchemaChange::forward);
    return Compatibility.of(b, f);
  }

  public static SchemaDiff between(SchemaDocument oldDoc, SchemaDocument newDoc) {
    List<SchemaChange> out = new ArrayList<>();
    for (ColumnSchema o : oldDoc.columns()) {
      ColumnSchema n = newDoc.column(o.name()).orElse(null);
      if (n == null) {
        boolean required = Boolean.FALSE.equals(o.nullable());
        out.add(new SchemaChange("removed", o.name(), "column", o.type(), null, !required, !required, "column " + o.name()
            + " was removed" + (required ? "; the old schema requires it, so new data fails it (readers on the old"
                + " schema lose a column they rely on)" : "")));
      } else {
        compareColumn(o, n, out);
      }
    }
    for (ColumnSchema n : newDoc.columns()) {
      if (oldDoc.column(n.name()).isEmpty()) {
        boolean required = Boolean.FALSE.equals(n.nullable());
        out.add(new SchemaChange("added", n.name(), "column", null, n.type(), !required, true, "column " + n.name()
            + " was added" + (required ? " as required (nullable: false); data without it fails the new schema"
                : " (nullable)")));
      }
    }
    compareRules(oldDoc.rules(), newDoc.rules(), out);
    if (!Objects.equals(oldDoc.rowCount(), newDoc.rowCount())) {
      out.add(new SchemaChange("changed", null, "row_count", String.valueOf(oldDoc.rowCount()),
          String.valueOf(newDoc.rowCount()), false, false, "row_count changed"));
    }
    if (!Objects.equals(oldDoc.foreignKeys(), newDoc.foreignKeys())) {
      boolean added = newDoc.foreignKeys().containsAll(oldDoc.foreignKeys());
      boolean removed = oldDoc.foreignKeys().containsAll(newDoc.foreignKeys());
      out.add(new SchemaChange(added ? "tightened" : removed ? "relaxed" : "changed", null, "foreign_keys",
          String.valueOf(oldDoc.foreignKeys().size()), String.valueOf(newDoc.foreignKeys().size()), removed, added,
          "foreign keys changed"));
    }
    return new SchemaDiff(out);
  }

  private static void compareColumn(ColumnSchema o, ColumnSchema n, List<SchemaChange> out) {
    String c = o.name();
    if (!Objects.equals(norm(o.type()), norm(n.type()))) {
      int w = widening(o.type(), n.type());
      out.add(new SchemaChange("retyped", c, "type", o.type(), n.type(), w > 0, w < 0, "column " + c + " changed type"
          + " from " + o.type() + " to " + n.type() + (w > 0 ? " (wider: old values still fit)" : w < 0
              ? " (narrower: old values may not fit)" : " (incompatible types)")));
    }
    boolean oldRequired = Boolean.FALSE.equals(o.nullable());
    boolean newRequired = Boolean.FALSE.equals(n.nullable());
    if (oldRequired != newRequired) {
      constraint(out, c, "nullable", String.valueOf(!oldRequired), String.valueOf(!newRequired), newRequired);
    }
    boolean oldUnique = Boolean.TRUE.equals(o.unique());
    boolean newUnique = Boolean.TRUE.equals(n.unique());
    if (oldUnique != newUnique) {
      constraint(out, c, "unique", String.valueOf(oldUnique), String.valueOf(newUnique), newUnique);
    }
    bound(out, c, "min", o.min(), n.min(), true);
    bound(out, c, "max", o.max(), n.max(), false);
    if (!Objects.equals(o.allowedValues(), n.allowedValues())) {
      Set<String> ov = o.allowedValues() == null ? null : new HashSet<>(o.allowedValues());
      Set<String> nv = n.allowedValues() == null ? null : new HashSet<>(n.allowedValues());
      Boolean tighter = nv == null ? Boolean.FALSE : ov == null ? Boolean.TRUE : ov.containsAll(nv) ? Boolean.TRUE
          : nv.containsAll(ov) ? Boolean.FALSE : null;
      change(out, c, "allowed_values", String.valueOf(o.allowedValues()), String.valueOf(n.allowedValues()), tighter);
    }
    presence(out, c, "semantic", o.semantic(), n.semantic());
    presence(out, c, "pattern", o.pattern(), n.pattern());
    presence(out, c, "format", o.format(), n.format());
    bound(out, c, "min_length", str(o.minLength()), str(n.minLength()), true);
    bound(out, c, "max_length", str(o.maxLength()), str(n.maxLength()), false);
  }

  private static String str(Integer i) {
    return i == null ? null : i.toString();
  }

  private static String norm(String type) {
    return type == null ? null : DeclaredType.parse(type).text();
  }

  /** 1 if {@code to} holds every value of {@code from}, -1 if the reverse, 0 if neither. */
  private static int widening(String from, String to) {
    if (from == null) {
      return -1; // detection-typed to declared: may reject values
    }
    if (to == null) {
      return 1;
    }
    ColumnType a = DeclaredType.parse(from).type();
    ColumnType b = DeclaredType.parse(to).type();
    if (b == ColumnType.VARCHAR) {
      return 1;
    }
    if (a == ColumnType.VARCHAR) {
      return -1;
    }
    if (WIDTH.containsKey(a) && WIDTH.containsKey(b)) {
      return Integer.compare(WIDTH.get(b), WIDTH.get(a));
    }
    if (a == ColumnType.DATE && b == ColumnType.TIMESTAMP) {
      return 1;
    }
    if (a == ColumnType.TIMESTAMP && b == ColumnType.DATE) {
      return -1;
    }
    return 0;
  }

  private static void bound(List<SchemaChange> out, String c, String key, String o, String n, boolean lower) {
    if (Objects.equals(o, n)) {
      return;
    }
    Boolean tighter;
    if (o == null || n == null) {
      tighter = o == null; // a new bound tightens, a dropped one relaxes
    } else {
      int cmp;
      try {
        cmp = new BigDecimal(n).compareTo(new BigDecimal(o));
      } catch (NumberFormatException e) {
        cmp = n.compareTo(o);
      }
      tighter = lower ? cmp > 0 : cmp < 0;
    }
    change(out, c, key, o, n, tighter);
  }

  private static void presence(List<SchemaChange> out, String c, String key, String o, String n) {
    if (!Objects.equals(o, n)) {
      change(out, c, key, o, n, o == null ? Boolean.TRUE : n == null ? Boolean.FALSE : null);
    }
  }

  private static void constraint(List<SchemaChange> out, String c, String key, String o, String n, boolean tighter) {
    change(out, c, key, o, n, tighter);
  }

  /** {@code tighter}: true stricter, false looser, null neither (a different constraint). */
  private static void change(List<SchemaChange> out, String c, String key, String o, String n, Boolean tighter) {
    String kind = tighter == null ? "changed" : tighter ? "tightened" : "relaxed";
    String what = (c == null ? "" : "column " + c + ": ") + key + " " + o + " -> " + n;
    String effect = tighter == null ? "; data valid under either may fail the other"
        : tighter ? "; old data may fail the new schema" : "; new data may fail the old schema";
    out.add(new SchemaChange(kind, c, key, o, n, Boolean.FALSE.equals(tighter), Boolean.TRUE.equals(tighter),
        what + effect));
  }

  private static void compareRules(List<TableRule> o, List<TableRule> n, List<SchemaChange> out) {
    for (TableRule r : o) {
      TableRule m = n.stream().filter(x -> x.displayName().equals(r.displayName())).findFirst().orElse(null);
      if (m == null) {
        change(out, null, "rule:" + r.displayName(), r.check(), null, Boolean.FALSE);
      } else if (!m.check().equals(r.check())) {
        change(out, null, "rule:" + r.displayName(), r.check(), m.check(), null);
      }
    }
    for (TableRule r : n) {
      if (o.stream().noneMatch(x -> x.displayName().equals(r.displayName()))) {
        change(out, null, "rule:" + r.displayName(), null, r.check(), Boolean.TRUE);
      }
    }
  }
}
