package io.dsap.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Java API on the bundled examples. */
class DataReaderTest {
  private final DataReader reader = DataReader.of(Path.of("../examples"));

  @Test
  void fileInfoReadAndChunkedReadAgree() {
    FileInfo info = reader.getFileInfo("orders.csv", Map.of());
    assertEquals("csv", info.format());
    assertEquals(ColumnType.DATE, info.columns().get(2).type());
    assertEquals(",", info.details().get("delimiter"));

    ReadResult all = reader.read("orders.csv", Map.of(), (b, r, t) -> { });
    assertEquals(237, all.rows().size());
    assertEquals(new ScanStats(240, 237, 3), all.stats());
    assertEquals(List.of(43L, 153L, 235L), all.rejects().stream().map(Reject::line).toList());

    AtomicLong rows = new AtomicLong();
    List<long[]> progress = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ScanStats stats = reader.readChunked("orders.csv", Map.of(), b -> rows.addAndGet(b.rowCount()), rejects::add,
        (bytes, done, total) -> progress.add(new long[] {bytes, done, total}));
    assertEquals(all.stats(), stats);
    assertEquals(237, rows.get());
    assertEquals(3, rejects.size());
    long[] last = progress.get(progress.size() - 1);
    assertEquals(last[2], last[0], "progress ends at the file size");
    assertEquals(240, last[1], "progress counts every record read");
  }

  @Test
  void optionsOverrideDetection() {
    ReadResult text = reader.read("orders.csv", Map.of("types", "order_date:VARCHAR"), (b, r, t) -> { });
    assertEquals(240, text.rows().size());
    assertTrue(text.rejects().isEmpty());
  }
}
