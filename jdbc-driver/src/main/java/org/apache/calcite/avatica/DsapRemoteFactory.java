package org.apache.calcite.avatica;

import io.dsap.jdbc.remote.RemoteCancel;
import java.io.InputStream;
import java.io.Reader;
import java.sql.NClob;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.TimeZone;

/**
 * Avatica's JDBC 4.1 objects for {@code jdbc:dsap:remote:} connections, with two changes: a
 * statement's {@code cancel()} also stops it on the dsap server ({@link RemoteCancel}), where
 * Avatica alone only raises a flag on the client that nothing on the server sees; and a result
 * set's failed fetch is a {@link SQLException}. It lives in
 * Avatica's package because {@code AvaticaJdbc41Factory} is package-private.
 */
public final class DsapRemoteFactory extends AvaticaJdbc41Factory {
  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    return new RemoteStatement(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return new RemotePreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return new RemoteResultSet(statement, state, signature, newResultSetMetaData(statement, signature), timeZone,
        firstFrame);
  }

  /**
   * A result set whose {@code next()} reports a failed fetch (the server's time or row limit, a
   * cancel) as the {@link SQLException} JDBC promises; Avatica's client lets the unchecked
   * exception of its RPC layer through, which tools show as an internal error.
   */
  static final class RemoteResultSet extends AvaticaResultSet {
    RemoteResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
        ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
      super(statement, state, signature, metaData, timeZone, firstFrame);
    }

    @Override
    public boolean next() throws SQLException {
      try {
        return super.next();
      } catch (AvaticaClientRuntimeException e) {
        throw new SQLException(e.getMessage(), e.getSqlState(), e.getErrorCode(), e);
      }
    }
  }

  /**
   * The server is asked first: Avatica's {@code cancel()} waits for the statement's lock, which
   * an execution holds until the server answers, so the local flag comes second.
   */
  static void cancel(AvaticaStatement s) throws SQLException {
    if (s.isClosed()) {
      return;
    }
    RemoteCancel.cancel(s.connection, s.handle);
  }

  /** A remote {@link java.sql.Statement} whose cancel reaches the server. */
  static final class RemoteStatement extends AvaticaStatement {
    RemoteStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
        int resultSetConcurrency, int resultSetHoldability) {
      super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public void cancel() throws SQLException {
      DsapRemoteFactory.cancel(this);
      super.cancel();
    }
  }

  /** A remote {@link java.sql.PreparedStatement} whose cancel reaches the server. */
  static final class RemotePreparedStatement extends AvaticaPreparedStatement {
    RemotePreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
        int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
      super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public void cancel() throws SQLException {
      DsapRemoteFactory.cancel(this);
      super.cancel();
    }

    // JDBC 4.0 setters AvaticaPreparedStatement leaves to the JDBC-version factory: the parameter's site
    @Override
    public void setRowId(int i, RowId x) throws SQLException {
      getSite(i).setRowId(x);
    }

    @Override
    public void setNString(int i, String value) throws SQLException {
      getSite(i).setNString(value);
    }

    @Override
    public void setNCharacterStream(int i, Reader value, long length) throws SQLException {
      getSite(i).setNCharacterStream(value, length);
    }

    @Override
    public void setNClob(int i, NClob value) throws SQLException {
      getSite(i).setNClob(value);
    }

    @Override
    public void setClob(int i, Reader reader, long length) throws SQLException {
      getSite(i).setClob(reader, length);
    }

    @Override
    public void setBlob(int i, InputStream inputStream, long length) throws SQLException {
      getSite(i).setBlob(inputStream, length);
    }

    @Override
    public void setNClob(int i, Reader reader, long length) throws SQLException {
      getSite(i).setNClob(reader, length);
    }

    @Override
    public void setSQLXML(int i, SQLXML xmlObject) throws SQLException {
      getSite(i).setSQLXML(xmlObject);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
      getSite(i).setAsciiStream(x, length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
      getSite(i).setBinaryStream(x, length);
    }

    @Override
    public void setCharacterStream(int i, Reader reader, long length) throws SQLException {
      getSite(i).setCharacterStream(reader, length);
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
      getSite(i).setAsciiStream(x);
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
      getSite(i).setBinaryStream(x);
    }

    @Override
    public void setCharacterStream(int i, Reader reader) throws SQLException {
      getSite(i).setCharacterStream(reader);
    }

    @Override
    public void setNCharacterStream(int i, Reader value) throws SQLException {
      getSite(i).setNCharacterStream(value);
    }

    @Override
    public void setClob(int i, Reader reader) throws SQLException {
      getSite(i).setClob(reader);
    }

    @Override
    public void setBlob(int i, InputStream inputStream) throws SQLException {
      getSite(i).setBlob(inputStream);
    }

    @Override
    public void setNClob(int i, Reader reader) throws SQLException {
      getSite(i).setNClob(reader);
    }
  }
}
