package org.apache.calcite.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * Calcite's JDBC 4.1 objects, except that result sets are {@link DsapResultSet}s, which turn
 * failures while rows are produced into SQLExceptions. Named by
 * {@code io.dsap.jdbc.DsapDriver#getFactoryClassName}; in Calcite's package because
 * {@link CalciteResultSet}'s constructor is package-private.
 */
public class DsapJdbcFactory extends CalciteJdbc41Factory {
  public DsapJdbcFactory() {
    super();
  }

  @Override
  public CalciteResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    ResultSetMetaData metaData = newResultSetMetaData(statement, signature);
    return new DsapResultSet(statement, (CalcitePrepare.CalciteSignature<?>) signature, metaData, timeZone, firstFrame);
  }
}
