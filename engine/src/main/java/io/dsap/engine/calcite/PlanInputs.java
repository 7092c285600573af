package io.dsap.engine.calcite;

import io.dsap.engine.source.Fingerprint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * What a plan was made from, so that a cache can tell whether it still holds: which table each
 * name resolved to (the connection's file listings) and the fingerprint of each file the plan
 * reads. Checking costs one stat per folder of the roots and one per referenced file; nothing is
 * detected again.
 *
 * <p>Only plans whose every input is a file table qualify. A table function ({@code validate},
 * {@code profile}, {@code file_info}, ...) or any other kind of table (the {@code dsap} system tables)
 * makes a plan uncacheable: their row types or results may depend on things no fingerprint covers.
 */
public final class PlanInputs {
  private final Listing listing;
  private final List<Fingerprint> files;

  private PlanInputs(Listing listing, List<Fingerprint> files) {
    this.listing = listing;
    this.files = files;
  }

  /**
   * The inputs of a plan whose relational trees (as converted from SQL, before optimisation) are
   * {@code converted}, planned while the listing was {@code before}; null if the plan may not be
   * reused: it reads something other than file tables, a listing changed while it was planned, or
   * a file changed so that its table's row type is no longer the one planned with.
   */
  public static PlanInputs of(List<RelNode> converted, Listing before, SchemaPlus root) {
    if (converted.isEmpty()) {
      return null;
    }
    Walker walker = new Walker();
    for (RelNode r : converted) {
      walker.walk(r);
      if (!walker.cacheable) {
        return null;
      }
    }
    List<Fingerprint> fingerprints = new ArrayList<>();
    for (Map.Entry<FileTable, RelDataType> e : walker.tables.entrySet()) {
      FileTable t = e.getKey();
      Fingerprint fp;
      RelDataType now;
      try {
        fp = Fingerprint.of(t.file());
        // detected again only if the file changed since it was planned: then the plan is not kept
        now = t.getRowType(walker.typeFactory);
      } catch (RuntimeException x) {
        return null;
      }
      if (!now.equals(e.getValue())) {
        return null;
      }
      fingerprints.add(fp);
    }
    if (!before.equals(Listing.of(root))) {
      return null;
    }
    return new PlanInputs(before, List.copyOf(fingerprints));
  }

  /** Whether every input is as it was when the plan was made. */
  public boolean unchanged(SchemaPlus root) {
    for (Fingerprint f : files) {
      Fingerprint now;
      try {
        now = Fingerprint.of(f.path());
      } catch (RuntimeException e) {
        return false; // gone: planning again gives the normal error
      }
      if (!now.equals(f)) {
        return false;
      }
    }
    return listing.equals(Listing.of(root));
  }

  /**
   * The listing version of each file schema directly under the root ({@code files}, {@code out}),
   * with the names of all of the root's schemas: equal listings resolve every name to the same table.
   */
  public record Listing(List<String> schemas, List<Object> identities, long[] versions) {
    public static Listing of(SchemaPlus root) {
      List<String> names = new ArrayList<>(root.subSchemas().getNames(LikePattern.any()));
      names.sort(null);
      List<Object> ids = new ArrayList<>(names.size());
      long[] versions = new long[names.size()];
      for (int i = 0; i < names.size(); i++) {
        SchemaPlus s = root.subSchemas().get(names.get(i));
        FilesSchema files = as(s, FilesSchema.class);
        OutputSchema out = files != null ? null : as(s, OutputSchema.class);
        ids.add(files != null ? files : out);
        versions[i] = files != null ? files.listingVersion() : out != null ? out.listingVersion() : 0;
      }
      return new Listing(List.copyOf(names), java.util.Collections.unmodifiableList(ids), versions);
    }

    /** The schema under {@code s} if it is a {@code type}, else null (SchemaPlus.unwrap throws instead). */
    private static <T> T as(SchemaPlus s, Class<T> type) {
      if (s == null) {
        return null;
      }
      try {
        return s.unwrap(type);
      } catch (ClassCastException e) {
        return null;
      }
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Listing l) || !schemas.equals(l.schemas) || !java.util.Arrays.equals(versions, l.versions)) {
        return false;
      }
      for (int i = 0; i < identities.size(); i++) {
        if (identities.get(i) != l.identities.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return Objects.hash(schemas, java.util.Arrays.hashCode(versions));
    }
  }

  /** Collects the file tables of a tree, sub-queries included; anything else makes it uncacheable. */
  private static final class Walker extends RexShuttle {
    final Map<FileTable, RelDataType> tables = new IdentityHashMap<>();
    org.apache.calcite.rel.type.RelDataTypeFactory typeFactory;
    boolean cacheable = true;

    void walk(RelNode node) {
      if (!cacheable) {
        return;
      }
      if (typeFactory == null) {
        typeFactory = node.getCluster().getTypeFactory();
      }
      if (node instanceof LogicalFileScan scan) {
        RelDataType planned = scan.getTable().getRowType();
        RelDataType seen = tables.putIfAbsent(scan.fileTable, planned);
        if (seen != null && !seen.equals(planned)) {
          cacheable = false;
        }
      } else if (node instanceof TableScan || node instanceof TableFunctionScan || node instanceof TableModify) {
        cacheable = false;
        return;
      }
      node.accept(this); // visits the node's expressions: sub-queries hold trees of their own
      for (RelNode input : node.getInputs()) {
        walk(input);
      }
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      walk(subQuery.rel);
      return super.visitSubQuery(subQuery);
    }
  }
}
