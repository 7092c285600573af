package io.dsap.engine.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The unique check's key table answers like a HashMap whatever the keys: dense ids (in order, reversed, with
 * repeats), ids with far outliers first or in between, strided and random keys, keys near the ends of long.
 */
class DenseLineMapTest {
  private static final int N = 400_000;

  @Test
  void ascendingIdsWithRepeats() {
    check(line -> line % 7 == 0 ? line / 2 : line);
  }

  @Test
  void descendingIds() {
    check(line -> 1_000_000 - line);
  }

  @Test
  void idsWithFarOutliersFirstAndInBetween() {
    check(line -> line == 1 ? 9_000_000_000_000L : line % 1000 == 0 ? -line * 1_000_003L : line % 997 == 0 ? 17 : line);
  }

  @Test
  void stridedKeysGoToTheHashMapWithoutLosingAny() {
    check(line -> (line % 5 == 0 ? line / 3 : line) * 1024);
  }

  @Test
  void randomKeysAndTheEndsOfLong() {
    Random random = new Random(11);
    check(line -> switch ((int) (line % 4)) {
      case 0 -> Long.MIN_VALUE + random.nextInt(50);
      case 1 -> Long.MAX_VALUE - random.nextInt(50);
      default -> random.nextLong() % 200_000;
    });
  }

  @Test
  void lateKeysInsideTheWindowFindTheirEarlierHashMapEntries() {
    // the first keys are far apart (hash map); later dense keys grow the window over them
    check(line -> line <= 200 ? line * 40_000 : line <= 100_000 ? line * 80 : (line * 37) % 8_000_000);
  }

  private static void check(LongUnaryOperator keyOfLine) {
    DenseLineMap map = new DenseLineMap();
    Map<Long, Integer> model = new HashMap<>();
    for (int line = 1; line <= N; line++) {
      long key = keyOfLine.applyAsLong(line);
      Integer first = model.putIfAbsent(key, line);
      assertEquals(first == null ? 0 : first, map.putIfAbsent(key, line), "line " + line + ", key " + key);
      assertEquals(model.size(), map.size());
    }
    for (Map.Entry<Long, Integer> e : model.entrySet()) {
      assertEquals(e.getValue(), map.putIfAbsent(e.getKey(), N + 1), "key " + e.getKey());
    }
  }
}
