package io.dsap.server;

import io.dsap.jdbc.DsapDriver;
import io.dsap.server.auth.Caller;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementAccess;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Meta: Avatica's {@link JdbcMeta} over the embedded engine (one engine, so detected
 * schemas are cached once for every connection), plus what a shared server needs: connection
 * properties set from the configuration and the caller's roles, a connection usable only by the
 * user who opened it, limits (time, rows, statements per user), the audit log and metrics.
 *
 * <p>A statement counts as running from its execution until its last row is fetched, it is
 * closed, or it fails; that is the span the time limit, the per-user limit and the audit cover.
 */
final class ServerMeta extends JdbcMeta {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMeta.class);

  /** The server's view of one client connection. */
  private record Session(String user, String address, String root, Duration queryTimeout) {}

  /** One execution of a statement, from execute to its last row. */
  private final class Running {
    final int statementId;
    final String connectionId;
    final Session session;
    final String sql;
    final Instant started = Instant.now();
    final long startNanos = System.nanoTime();
    volatile long rows;
    volatile boolean timedOut;
    volatile boolean cancelled; // by its client, through POST /cancel
    volatile boolean finished;
    volatile boolean serving; // an execute or fetch of it is being served
    ScheduledFuture<?> timer;

    Running(int statementId, String connectionId, Session session, String sql) {
      this.statementId = statementId;
      this.connectionId = connectionId;
      this.session = session;
      this.sql = sql;
    }
  }

  private final ServerConfig config;
  private final ConnectionPolicy policy;
  private final ClientErrors errors;
  private final AuditLog audit;
  private final ServerMetrics metrics;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();
  private final Map<Integer, String> preparedSql = new ConcurrentHashMap<>();
  /**
   * Statements stopped between two fetches (time limit, client cancel), with the message their
   * next fetch gets: the engine statement is closed by then, and "no such statement" says nothing.
   * Kept until the client closes the statement or its connection ends.
   */
  private final Map<Integer, Stop> stopped = new ConcurrentHashMap<>();

  /** Why a statement of {@code connectionId} was stopped, as its client will be told. */
  private record Stop(String connectionId, String message, boolean byClient) {
    RuntimeException error() {
      // SQLSTATE HY008: operation cancelled
      return byClient ? ClientErrors.error(message, 0, "HY008") : ClientErrors.limit(message);
    }
  }
  /**
   * The connection of each statement. JdbcMeta numbers statements from one counter and finds them
   * by number alone; without this map a client could name another connection's statement.
   */
  private final Map<Integer, String> statementConnections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dsap-server-timers");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean shuttingDown;
  /** Execute and fetch calls being served right now (what a graceful shutdown waits for). */
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

  ServerMeta(ServerConfig config, ClientErrors errors, AuditLog audit) throws SQLException {
    super(DsapDriver.PREFIX, cacheSettings(config));
    this.config = config;
    this.policy = new ConnectionPolicy(config);
    this.errors = errors;
    this.audit = audit;
    this.metrics = new ServerMetrics(sessions::size, () -> running.size());
    long sweep = Math.max(100, Math.min(5_000, config.limits().idleTimeout().toMillis() / 4));
    timers.scheduleWithFixedDelay(this::sweepIdle, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /** Idle connections and statements expire after server.limits.idle_timeout (Avatica's caches). */
  private static Properties cacheSettings(ServerConfig config) {
    Properties p = new Properties();
    String idle = Long.toString(config.limits().idleTimeout().toMillis());
    p.setProperty("avatica.connectioncache.expiryduration", idle);
    p.setProperty("avatica.connectioncache.expiryunit", TimeUnit.MILLISECONDS.name());
    p.setProperty("avatica.statementcache.expiryduration", idle);
    p.setProperty("avatica.statementcache.expiryunit", TimeUnit.MILLISECONDS.name());
    return p;
  }

  ServerMetrics metrics() {
    return metrics;
  }

  int openConnections() {
    return sessions.size();
  }

  int runningStatements() {
    return running.size();
  }

  // ---- connections

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    if (shuttingDown) {
      throw ClientErrors.limit("the server is shutting down; connect again when it is back");
    }
    Caller caller = RequestContext.caller();
    ConnectionPolicy.Opened opened = policy.open(caller, info == null ? Map.of() : info);
    Map<String, String> props = new java.util.HashMap<>();
    opened.properties().forEach((k, v) -> props.put((String) k, (String) v));
    try {
      super.openConnection(ch, props);
    } catch (RuntimeException e) {
      throw errors.toClient(e);
    }
    sessions.put(ch.id, new Session(caller.user(), caller.address(), opened.rootName(), opened.queryTimeout()));
    LOG.info("connection {} opened by {} from {} on root {}", ch.id, caller.user(), caller.address(),
        opened.rootName());
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    Connection c = new DsapDriver().connect(url, info, config.settings());
    KeyFunctions.register(c); // keys have no Avatica request: remote clients ask with SQL
    return c;
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    Session s = owned(ch.id);
    for (Running r : List.copyOf(running.values())) {
      if (r.connectionId.equals(ch.id)) {
        finish(r, "closed", null);
      }
    }
    super.closeConnection(ch);
    if (s != null) {
      sessions.remove(ch.id);
      stopped.values().removeIf(stop -> stop.connectionId().equals(ch.id));
    }
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
    owned(ch.id);
    return super.connectionSync(ch, connProps);
  }

  /**
   * The session of connection {@code id}, checking that the caller opened it; null if the server
   * does not know the connection (Avatica then answers "no such connection").
   */
  private Session owned(String connectionId) {
    Session s = sessions.get(connectionId);
    if (s != null && !s.user().equals(RequestContext.caller().user())) {
      throw ClientErrors.permission("this connection belongs to another user");
    }
    return s;
  }

  private Session session(String connectionId) {
    Session s = owned(connectionId);
    if (s == null) {
      // Avatica's "missing connection" code: clients with transparent_reconnection open a new one
      throw ClientErrors.error("connection " + connectionId + " is not open on this server (closed, or idle"
          + " longer than server.limits.idle_timeout); open a new connection",
          org.apache.calcite.avatica.remote.Service.ErrorResponse.MISSING_CONNECTION_ERROR_CODE, "08003");
    }
    return s;
  }

  // ---- statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    session(ch.id);
    StatementHandle h = super.createStatement(ch);
    statementConnections.put(h.id, ch.id);
    return h;
  }

  /** Checks that the caller owns the connection of {@code h} and that the statement is that connection's. */
  private Session statement(StatementHandle h) {
    Session s = session(h.connectionId);
    if (!h.connectionId.equals(statementConnections.get(h.id))) {
      throw ClientErrors.error("statement " + h.id + " is not open on this connection (closed, or idle longer"
          + " than server.limits.idle_timeout); create a new statement", 0, "HY010");
    }
    return s;
  }

  /** A metadata result: its statement belongs to {@code ch}. */
  private MetaResultSet metadata(ConnectionHandle ch, java.util.function.Supplier<MetaResultSet> call) {
    session(ch.id);
    MetaResultSet rs;
    try {
      rs = call.get();
    } catch (RuntimeException e) {
      throw errors.toClient(e);
    }
    statementConnections.put(rs.statementId, ch.id);
    return rs;
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    session(ch.id);
    return super.getDatabaseProperties(ch);
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return metadata(ch, () -> super.getCatalogs(ch));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return metadata(ch, () -> super.getSchemas(ch, catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    return metadata(ch, () -> super.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return metadata(ch, () -> super.getTableTypes(ch));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    return metadata(ch, () -> super.getColumns(ch, catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return metadata(ch, () -> super.getTypeInfo(ch));
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    session(ch.id);
    try {
      StatementHandle h = super.prepare(ch, sql, capRows(maxRowCount));
      statementConnections.put(h.id, ch.id);
      preparedSql.put(h.id, sql);
      return h;
    } catch (RuntimeException e) {
      throw errors.toClient(e);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    Running r = start(h, sql);
    try {
      return executed(r, super.prepareAndExecute(h, sql, capRows(maxRowCount), maxRowsInFirstFrame, callback));
    } catch (RuntimeException e) {
      throw failed(r, e);
    } finally {
      leave(r);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    Running r = start(h, preparedSql.getOrDefault(h.id, "(prepared statement)"));
    try {
      return executed(r, super.execute(h, parameterValues, maxRowsInFirstFrame));
    } catch (RuntimeException e) {
      throw failed(r, e);
    } finally {
      leave(r);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    Stop stop = stopped.get(h.id);
    if (stop != null && stop.connectionId().equals(h.connectionId)) {
      session(h.connectionId);
      throw stop.error();
    }
    statement(h);
    Running r = running.get(h.id);
    Frame f;
    enter(r);
    try {
      f = super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      if (r == null) {
        throw errors.toClient(e);
      }
      throw failed(r, e);
    } finally {
      leave(r);
    }
    if (r != null) {
      if (r.timedOut) {
        throw timeoutError(r);
      }
      if (r.cancelled) {
        throw cancelledError(r);
      }
      counted(r, f);
    }
    return f;
  }

  @Override
  public void closeStatement(StatementHandle h) {
    owned(h.connectionId);
    Stop stop = stopped.get(h.id);
    if (stop != null && stop.connectionId().equals(h.connectionId)) {
      stopped.remove(h.id);
    }
    if (!h.connectionId.equals(statementConnections.get(h.id))) {
      return; // not this connection's statement (or already closed): nothing to close
    }
    statementConnections.remove(h.id);
    Running r = running.get(h.id);
    if (r != null) {
      finish(r, "closed", null);
    }
    preparedSql.remove(h.id);
    super.closeStatement(h);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    throw ClientErrors.error("dsap's tables are files: batches of updates are not supported", 0, "0A000");
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    throw ClientErrors.error("dsap's tables are files: batches of updates are not supported", 0, "0A000");
  }

  /** A new execution of statement {@code h}, after the checks a new execution must pass. */
  private Running start(StatementHandle h, String sql) {
    Session s = statement(h);
    if (shuttingDown) {
      throw ClientErrors.limit("the server is shutting down and takes no new statements");
    }
    Running previous = running.get(h.id);
    if (previous != null) {
      finish(previous, "closed", null); // the statement is run again: its last result is gone
    }
    Running r = new Running(h.id, h.connectionId, s, sql);
    synchronized (running) {
      long mine = running.values().stream().filter(x -> x.session.user().equals(s.user())).count();
      int max = config.limits().maxConcurrentStatements();
      if (mine >= max) {
        throw ClientErrors.limit("user '" + s.user() + "' already has " + mine + " statements running, the"
            + " server's limit (server.limits.max_statements_per_user = " + max + "). Read their results to the"
            + " end or close them, then run this one again.");
      }
      running.put(h.id, r);
    }
    enter(r); // the caller leaves when the execution returns
    if (!s.queryTimeout().isZero()) {
      r.timer = timers.schedule(() -> timeOut(r), s.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    return r;
  }

  private ExecuteResult executed(Running r, ExecuteResult result) {
    if (r.timedOut) { // the engine may finish before it notices the cancel; the limit holds anyway
      throw timeoutError(r);
    }
    if (r.cancelled) {
      throw cancelledError(r);
    }
    boolean done = true;
    for (MetaResultSet rs : result.resultSets) {
      if (rs.firstFrame != null) {
        counted(r, rs.firstFrame);
        done &= rs.firstFrame.done;
      } else if (rs.updateCount >= 0) {
        r.rows += rs.updateCount;
      }
    }
    if (done && !r.finished) {
      finish(r, "ok", null);
    }
    return result;
  }

  /** Adds a frame's rows; ends the statement when the result is complete or too long. */
  private void counted(Running r, Frame f) {
    long n = 0;
    if (f.rows instanceof Collection<?> c) {
      n = c.size();
    } else if (f.rows != null) {
      for (Object ignored : f.rows) {
        n++;
      }
    }
    r.rows += n;
    long max = config.limits().maxResultRows();
    if (max > 0 && r.rows > max) {
      String message = "the result has more than " + max + " rows, the server's limit"
          + " (server.limits.max_rows); add a LIMIT, filter or aggregate, or export it with"
          + " CREATE TABLE out.\"file.parquet\" AS SELECT ...";
      finish(r, "max_rows", message);
      closeQuietly(r);
      throw ClientErrors.limit(message);
    }
    if (f.done) {
      finish(r, "ok", null);
    }
  }

  /** The error a client gets for a failed execution, and the statement's end. */
  private RuntimeException failed(Running r, RuntimeException e) {
    if (r.timedOut) {
      return timeoutError(r);
    }
    if (r.cancelled) {
      return cancelledError(r);
    }
    RuntimeException client = errors.toClient(e);
    String message = client instanceof org.apache.calcite.avatica.remote.AvaticaRuntimeException a
        ? a.getErrorMessage() : client.getMessage();
    finish(r, "error", message);
    return client;
  }

  private RuntimeException timeoutError(Running r) {
    String message = "the statement ran longer than its time limit of " + Durations.format(r.session.queryTimeout())
        + " (server.limits.query_timeout) and was cancelled. Narrow the query (filters, LIMIT), or ask the"
        + " administrator for a longer limit.";
    finish(r, "timeout", message);
    closeQuietly(r);
    return ClientErrors.limit(message);
  }

  private static final String CANCELLED_MESSAGE = "the statement was cancelled by its client (Statement.cancel());"
      + " the server stopped it and freed what it held. Run it again on a new statement.";

  private RuntimeException cancelledError(Running r) {
    finish(r, "cancelled", CANCELLED_MESSAGE);
    closeQuietly(r);
    return new Stop(r.connectionId, CANCELLED_MESSAGE, true).error();
  }

  /** What {@link #cancel} did. */
  enum CancelOutcome {
    /** The statement was running (executing, or between fetches) and is stopped. */
    CANCELLED,
    /** The statement is this caller's but runs nothing now: nothing to do. */
    NOT_RUNNING,
    /** No such connection or statement on this server. */
    UNKNOWN,
    /** The connection is another user's. */
    FORBIDDEN
  }

  /**
   * Cancels statement {@code statementId} of connection {@code connectionId} for its client
   * ({@code POST /cancel}: Avatica 1.27's protocol has no cancel request). Only the user who
   * opened the connection may cancel its statements.
   */
  CancelOutcome cancel(String connectionId, int statementId) {
    Session s = sessions.get(connectionId);
    if (s == null || !connectionId.equals(statementConnections.get(statementId))) {
      return CancelOutcome.UNKNOWN;
    }
    if (!s.user().equals(RequestContext.caller().user())) {
      return CancelOutcome.FORBIDDEN;
    }
    Running r = running.get(statementId);
    if (r == null || r.finished) {
      return CancelOutcome.NOT_RUNNING;
    }
    r.cancelled = true;
    stop(r, "cancelled", new Stop(connectionId, CANCELLED_MESSAGE, true));
    LOG.info("statement {} of connection {} cancelled by {}", statementId, connectionId, s.user());
    return CancelOutcome.CANCELLED;
  }

  private void timeOut(Running r) {
    if (r.finished) {
      return;
    }
    r.timedOut = true;
    stop(r, "timeout", new Stop(r.connectionId, "the statement ran longer than its time limit of "
        + Durations.format(r.session.queryTimeout()) + " (server.limits.query_timeout) and was cancelled between two"
        + " fetches. Narrow the query (filters, LIMIT), or read its rows faster.", false));
  }

  /**
   * Raises the engine statement's cancel flag (Calcite's scans and dsap's readers check it
   * between batches). Between fetches nothing runs to notice the flag: the statement ends now,
   * and its next fetch gets {@code why}'s error.
   */
  private void stop(Running r, String outcome, Stop why) {
    StatementInfo info = getStatementCache().getIfPresent(r.statementId);
    if (info != null) {
      try {
        StatementAccess.statement(info).cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.warn("cancelling statement {} ({}) failed: {}", r.statementId, outcome, e.getMessage());
      }
    }
    if (!r.serving) {
      stopped.put(r.statementId, why);
      finish(r, outcome, why.message());
      closeQuietly(r);
    }
  }

  private void enter(Running r) {
    inFlight.incrementAndGet();
    if (r != null) {
      r.serving = true;
    }
  }

  private void leave(Running r) {
    if (r != null) {
      r.serving = false;
    }
    inFlight.decrementAndGet();
  }

  private void closeQuietly(Running r) {
    try {
      super.closeStatement(new StatementHandle(r.connectionId, r.statementId, null));
    } catch (RuntimeException e) {
      LOG.debug("closing statement {} failed: {}", r.statementId, e.getMessage());
    }
  }

  /** Ends {@code r} once: audit line, metrics, timer cancelled. */
  private void finish(Running r, String outcome, String error) {
    synchronized (r) {
      if (r.finished) {
        return;
      }
      r.finished = true;
    }
    running.remove(r.statementId, r);
    if (r.timer != null) {
      r.timer.cancel(false);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - r.startNanos);
    metrics.statementEnded(outcome, took, r.rows);
    audit.write(new AuditLog.Entry(r.started, r.session.user(), r.session.address(), r.session.root(), r.sql,
        took.toMillis(), r.rows, outcome, error));
  }

  private long capRows(long clientMax) {
    if (config.limits().maxResultRows() == 0) {
      return clientMax;
    }
    long limit = config.limits().maxResultRows() + 1; // one more, to tell "too many" from "exactly the limit"
    return clientMax > 0 && clientMax < limit ? clientMax : limit;
  }

  /** Frees what idle clients left behind: expired statements and connections, their sessions. */
  private void sweepIdle() {
    try {
      for (Running r : List.copyOf(running.values())) {
        if (r.serving) { // working on a request is not idle: keep it and its connection from expiring
          getStatementCache().getIfPresent(r.statementId);
          getConnectionCache().getIfPresent(r.connectionId);
        }
      }
      getStatementCache().cleanUp();
      getConnectionCache().cleanUp();
      // asMap().containsKey, unlike getIfPresent, does not count as an access that keeps an entry alive
      for (Running r : List.copyOf(running.values())) {
        if (!getStatementCache().asMap().containsKey(r.statementId)) {
          finish(r, "abandoned", "the client stopped fetching for longer than server.limits.idle_timeout");
        }
      }
      sessions.keySet().removeIf(id -> !getConnectionCache().asMap().containsKey(id));
      stopped.values().removeIf(stop -> !sessions.containsKey(stop.connectionId()));
      preparedSql.keySet().removeIf(id -> !getStatementCache().asMap().containsKey(id));
      statementConnections.keySet().removeIf(id -> !getStatementCache().asMap().containsKey(id));
    } catch (RuntimeException | Error e) { // thrown out of a periodic task, it would stop the sweeps
      LOG.warn("cleaning up idle statements failed", e);
    }
  }

  /**
   * Stops taking statements; waits up to {@code grace} for executions and fetches being served,
   * then cancels what still runs and closes every connection.
   */
  void shutdown(Duration grace) {
    shuttingDown = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Running r : List.copyOf(running.values())) {
      StatementInfo info = getStatementCache().getIfPresent(r.statementId);
      if (info != null) {
        try {
          StatementAccess.statement(info).cancel();
        } catch (SQLException | RuntimeException e) {
          LOG.debug("cancel at shutdown failed: {}", e.getMessage());
        }
      }
      finish(r, "cancelled", "the server shut down");
    }
    List<String> ids = new ArrayList<>(getConnectionCache().asMap().keySet());
    for (String id : ids) {
      Connection c = getConnectionCache().getIfPresent(id);
      getConnectionCache().invalidate(id);
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.debug("closing connection {} failed: {}", id, e.getMessage());
        }
      }
    }
    sessions.clear();
    timers.shutdownNow();
  }
}
