package io.dsap.engine.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.types.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A StringVector pointing into a dictionary reads like one holding copies, for every accessor. */
class StringVectorDictionaryTest {
  private static StringDictionary dictionary(String... values) {
    StringDictionary d = new StringDictionary();
    for (String v : values) {
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      d.add(b, 0, b.length);
    }
    return d;
  }

  private static String bytes(StringVector v, int row) {
    return new String(Arrays.copyOfRange(v.data(), v.start(row), v.end(row)), StandardCharsets.UTF_8);
  }

  @Test
  void rowsPointIntoTheDictionaryAndAreCopiedWhenACopiedValueFollows() {
    StringVector v = (StringVector) ColumnVector.of(ColumnSpec.varchar("s", "test"), 8);
    StringDictionary d = dictionary("paid", "zürich ✓", "");
    v.useDictionary(d);
    v.setId(0, 1);
    v.setNull(1);
    v.setId(2, 2);
    v.setId(3, 0);
    assertSame(d, v.dictionary());
    assertSame(d.data(), v.data(), "no copy while in dictionary mode");
    assertArrayEquals(new int[] {1, 2, 0}, new int[] {v.ids()[0], v.ids()[2], v.ids()[3]});
    assertEquals("zürich ✓", v.get(0));
    assertNull(v.get(1));
    assertEquals("", v.get(2));
    assertEquals("paid", bytes(v, 3));
    assertTrue(v.mayHaveNulls(), "a null was set");

    v.set(4, "plain ✓"); // a PLAIN page after a dictionary page in the same batch
    assertNull(v.dictionary());
    assertEquals(Arrays.asList("zürich ✓", null, "", "paid", "plain ✓"),
        Arrays.asList(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)));
    assertEquals("zürich ✓", bytes(v, 0));
    assertEquals("plain ✓", bytes(v, 4));

    v.reset(5);
    assertNull(v.dictionary());
    assertFalse(v.mayHaveNulls());
    v.set(0, "again");
    assertEquals("again", bytes(v, 0));
    assertEquals(0, v.start(0), "the arena starts over after a reset");
  }
}
