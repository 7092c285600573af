package org.apache.calcite.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A Calcite result set whose row production fails with {@link SQLException}s. Rows are computed
 * while the cursor moves, so a dsap function's DsapException (or any other runtime
 * failure) surfaces in {@link #next()}; Avatica lets it through unchecked, but JDBC tools
 * (DBeaver, sqlline) only handle SQLException. A plan that computes every row up front (ORDER
 * BY, a blocking aggregate) fails in {@link #execute()} instead, inside {@code executeQuery}:
 * there Avatica would wrap it without an SQLState, so it is converted the same way first.
 */
final class DsapResultSet extends CalciteResultSet {
  DsapResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature<?> signature, ResultSetMetaData metaData,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    super(statement, signature, metaData, timeZone, firstFrame);
  }

  @Override
  protected CalciteResultSet execute() throws SQLException {
    try {
      return super.execute();
    } catch (RuntimeException e) {
      throw SqlErrors.fromRow(e);
    }
  }

  @Override
  public boolean next() throws SQLException {
    try {
      return super.next();
    } catch (RuntimeException e) {
      throw SqlErrors.fromRow(e);
    }
  }
}
