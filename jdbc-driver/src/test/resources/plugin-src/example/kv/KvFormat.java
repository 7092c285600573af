package example.kv;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.RowAppender;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FileProbe;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.FormatReader;
import io.dsap.engine.format.Match;
import io.dsap.engine.format.OptionSpec;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.rejects.RejectSink;
import io.dsap.engine.types.ColumnSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An example format from outside dsap: "key=value" lines. A line without '=' is rejected. */
public final class KvFormat implements FormatReader {
  @Override
  public String name() {
    return "kv";
  }

  @Override
  public List<String> extensions() {
    return List.of("kv");
  }

  @Override
  public Match probe(FileProbe probe) {
    return probe.extension().equals("kv") ? Match.EXTENSION : Match.NONE;
  }

  @Override
  public List<OptionSpec> options() {
    return List.of();
  }

  @Override
  public TableSource open(Path file, String displayName, String table, FormatOptions options) {
    List<ColumnSpec> columns = List.of(ColumnSpec.varchar("key", "kv format"), ColumnSpec.varchar("value", "kv format"));
    return new TableSource() {
      @Override
      public List<ColumnSpec> columns() {
        return columns;
      }

      @Override
      public String format() {
        return "kv";
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of("separator", "=");
      }

      @Override
      public String readStatement(String path) {
        return "SELECT * FROM read_kv('" + path + "')";
      }

      @Override
      public BatchReader open(int[] projection, RejectSink rejects, ProgressListener progress) {
        BufferedReader in;
        try {
          in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        RowAppender rows = new RowAppender(columns, projection, 1024);
        return new BatchReader() {
          long read;
          long rejected;
          long line;
          boolean done;

          @Override
          public Batch next() {
            if (done) {
              return null;
            }
            rows.reset();
            try {
              String l;
              while (!rows.full() && (l = in.readLine()) != null) {
                line++;
                read++;
                int eq = l.indexOf('=');
                if (eq < 0) {
                  rejected++;
                  rejects.accept(new Reject(displayName, line, -1, null, null, l,
                      displayName + ":" + line + ": expected key=value"));
                  continue;
                }
                rows.text(0, l.substring(0, eq));
                rows.text(1, l.substring(eq + 1));
                rows.commit(line, -1);
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (!rows.full()) {
              done = true;
            }
            Batch b = rows.finish();
            return b.rowCount() == 0 && done ? null : b;
          }

          @Override
          public ScanStats stats() {
            return new ScanStats(read, read - rejected, rejected);
          }

          @Override
          public void close() {
            try {
              in.close();
            } catch (IOException ignored) {
              // read-only
            }
          }
        };
      }
    };
  }
}
