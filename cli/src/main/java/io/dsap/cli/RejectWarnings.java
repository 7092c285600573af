package io.dsap.cli;

import io.dsap.engine.calcite.FilesSchema;
import io.dsap.engine.rejects.ScanJournal;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Prints, on stderr, the files whose scans rejected rows during a statement, so rows left out of
 * a result never go unmentioned. Only embedded dsap connections keep this journal; for others
 * (a remote server, another driver) it prints nothing.
 */
final class RejectWarnings {
  private RejectWarnings() {}

  /** Forgets earlier scans, so the next {@link #print} reports only the coming statement. */
  static void reset(Connection db) {
    FilesSchema files = files(db);
    if (files != null) {
      files.journal().drain();
    }
  }

  static void print(Connection db, PrintStream err) {
    FilesSchema files = files(db);
    if (files == null) {
      return;
    }
    for (ScanJournal.Entry e : files.journal().drain()) {
      err.println("warning: " + e.file() + ": " + e.rowsRejected() + " of " + e.recordsRead() + " rows rejected"
          + (e.firstReject() == null ? "" : " (first: " + e.firstReject().reason() + ")")
          + ". List them with: SELECT * FROM rejects('" + e.file().replace("'", "''") + "')");
    }
  }

  private static FilesSchema files(Connection db) {
    try {
      if (!db.isWrapperFor(CalciteConnection.class)) {
        return null;
      }
      SchemaPlus files = db.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("files");
      return files == null ? null : files.unwrap(FilesSchema.class);
    } catch (SQLException | RuntimeException e) {
      return null; // not an embedded dsap connection
    }
  }
}
