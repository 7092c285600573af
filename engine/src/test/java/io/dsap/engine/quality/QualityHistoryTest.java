package io.dsap.engine.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.engine.source.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityHistoryTest {
  @Test
  void concurrentAppendsNeverInterleaveAndTornLinesAreSkipped(@TempDir Path dir) throws Exception {
    Path data = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
    QualityHistory h = QualityHistory.forRoot(dir);
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put("completeness", 0.5);
    scores.put("overall", 0.75);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 50; i++) {
          h.append(Instant.parse("2026-01-01T00:00:00Z"), "a.csv", Fingerprint.of(data), scores);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    Files.writeString(h.path(), "{\"time\":\"2026-01-0", java.nio.file.StandardOpenOption.APPEND);
    List<QualityHistory.Entry> entries = h.read();
    assertEquals(800, entries.size());
    assertEquals(new QualityHistory.Entry("2026-01-01T00:00:00Z", "a.csv", 4, Files.getLastModifiedTime(data).toMillis(),
        "completeness", 0.5), entries.get(0));
    assertEquals(400, entries.stream().filter(e -> e.dimension().equals("overall") && e.score() == 0.75).count());
  }

  @Test
  void weightsParseWithColonOrEquals() {
    assertEquals(new QualityWeights(0.4, 0.3, 1, 0.1), QualityWeights.parse("completeness:0.4,validity:0.3,uniqueness:0.1"));
    assertEquals(new QualityWeights(2, 1, 1, 1), QualityWeights.parse("completeness=2"));
  }
}
