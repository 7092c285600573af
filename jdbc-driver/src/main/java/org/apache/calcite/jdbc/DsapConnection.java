package org.apache.calcite.jdbc;

import io.dsap.engine.calcite.PlanInputs;
import io.dsap.jdbc.PlanCache;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;

/**
 * A Calcite connection that reuses prepared plans ({@link PlanCache}). Every way a statement is
 * prepared passes through {@link #parseQuery}: {@code Statement.execute*} (Meta's
 * prepareAndExecute), {@code prepareStatement} and Meta's prepare, which the Avatica server calls
 * through these same methods. In Calcite's package because that method is package-private.
 */
final class DsapConnection extends CalciteConnectionImpl {
  private final PlanCache plans;

  DsapConnection(Driver driver, AvaticaFactory factory, String url, Properties info, CalciteSchema rootSchema,
      JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
    this.plans = PlanCache.forConnection(info);
  }

  @Override
  <T> CalcitePrepare.CalciteSignature<T> parseQuery(CalcitePrepare.Query<T> query, CalcitePrepare.Context context,
      long maxRowCount) {
    if (!plans.accepts(query.sql)) {
      return super.parseQuery(query, context, maxRowCount);
    }
    SchemaPlus root = getRootSchema();
    PlanCache.Key key = new PlanCache.Key(query.sql, List.copyOf(context.getDefaultSchemaPath()), maxRowCount);
    @SuppressWarnings("unchecked")
    CalcitePrepare.CalciteSignature<T> kept = (CalcitePrepare.CalciteSignature<T>) plans.get(key, root);
    if (kept != null) {
      return kept;
    }
    PlanInputs.Listing before = PlanInputs.Listing.of(root);
    List<RelNode> converted = new ArrayList<>();
    CalcitePrepare.CalciteSignature<T> signature;
    try (Hook.Closeable ignored = Hook.CONVERTED.addThread((Object rel) -> {
      if (rel instanceof RelNode r) {
        converted.add(r);
      }
    })) {
      signature = super.parseQuery(query, context, maxRowCount);
    }
    if (signature.statementType == Meta.StatementType.SELECT) {
      PlanInputs inputs = PlanInputs.of(converted, before, root);
      if (inputs != null) {
        plans.put(key, signature, inputs);
      }
    }
    return signature;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface == PlanCache.class) {
      return iface.cast(plans);
    }
    return super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface == PlanCache.class || super.isWrapperFor(iface);
  }
}
