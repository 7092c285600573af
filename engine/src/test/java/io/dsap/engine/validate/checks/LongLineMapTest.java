package io.dsap.engine.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unique check's table answers like a HashMap for sequential, strided and random keys. */
class LongLineMapTest {
  @Test
  void answersLikeAHashMap() {
    Random random = new Random(5);
    for (long stride : new long[] {1, 8, 64, 1024, 0}) {
      LongLineMap map = new LongLineMap();
      Map<Long, Integer> model = new HashMap<>();
      for (int line = 1; line <= 300_000; line++) {
        long key = stride == 0 ? random.nextLong() % 100_000 : (line % 7 == 0 ? line / 2 : line) * stride - 5_000;
        Integer first = model.putIfAbsent(key, line);
        assertEquals(first == null ? 0 : first, map.putIfAbsent(key, line), "stride " + stride + ", key " + key);
        assertEquals(model.size(), map.size());
      }
      for (long k = -6_000; k < 6_000; k++) {
        assertEquals(model.containsKey(k * Math.max(1, stride)), map.contains(k * Math.max(1, stride)));
      }
    }
  }
}
