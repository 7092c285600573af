package io.dsap.engine.format.json;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.format.BatchReader;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.ProgressListener;
import io.dsap.engine.format.TableSource;
import io.dsap.engine.rejects.RejectLog;
import io.dsap.engine.types.ColumnSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: writes JSON files and reads them back through the format, as SQL would. */
final class JsonFiles {
  private JsonFiles() {}

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableSource open(Path file, Map<String, ?> options) {
    return new JsonFormat().open(file, file.getFileName().toString(), "", FormatOptions.of(options));
  }

  static TableSource open(Path file) {
    return open(file, Map.of());
  }

  /** Column name to "TYPE" for a quick look at detection. */
  static Map<String, String> types(TableSource t) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ColumnSpec c : t.columns()) {
      m.put(c.name(), c.typeText());
    }
    return m;
  }

  static ColumnSpec column(TableSource t, String name) {
    return t.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no column " + name + " in " + types(t)));
  }

  /** Every row with every column, by name; rejects go to {@code rejects}. */
  static Result read(TableSource t, RejectLog rejects) {
    int n = t.columns().size();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (BatchReader r = t.open(all, rejects, ProgressListener.NONE)) {
      Batch b;
      while ((b = r.next()) != null) {
        for (int row = 0; row < b.rowCount(); row++) {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int c = 0; c < n; c++) {
            m.put(t.columns().get(c).name(), b.column(c).get(row));
          }
          rows.add(m);
          lines.add(b.line(row));
        }
      }
      return new Result(rows, lines, r.stats());
    }
  }

  static Result read(TableSource t) {
    return read(t, new RejectLog(100));
  }

  record Result(List<Map<String, Object>> rows, List<Long> lines, ScanStats stats) {}
}
