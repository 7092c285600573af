package io.dsap.engine.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.types.ColumnSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A StringVector lent a reader's buffer points into it, reads like one holding copies, and copies
 * its rows into its own arena the first time a value comes from elsewhere: after that the buffer
 * may change without changing the vector.
 */
class StringVectorLentTest {
  private static String bytes(StringVector v, int row) {
    return new String(Arrays.copyOfRange(v.data(), v.start(row), v.end(row)), StandardCharsets.UTF_8);
  }

  @Test
  void rowsPointIntoTheLentArrayUntilAValueComesFromElsewhere() {
    StringVector v = (StringVector) ColumnVector.of(ColumnSpec.varchar("s", "test"), 8);
    byte[] buffer = "paid,zürich ✓,,x".getBytes(StandardCharsets.UTF_8);
    v.lend(buffer);
    v.set(0, buffer, 0, 4);
    v.setNull(1);
    v.set(2, buffer, 5, 16); // zürich ✓: 11 bytes
    v.set(3, buffer, 17, 17); // an empty string
    assertTrue(v.lent());
    assertSame(buffer, v.data(), "no copy");
    assertEquals(5, v.start(2));
    assertEquals(Arrays.asList("paid", null, "zürich ✓", ""), Arrays.asList(v.get(0), v.get(1), v.get(2), v.get(3)));

    v.moveRow(2, 1); // a reader dropping a rejected row
    assertEquals("zürich ✓", bytes(v, 1));

    byte[] unescaped = "say \"hi\"".getBytes(StandardCharsets.UTF_8);
    v.set(2, unescaped, 0, unescaped.length); // not in the buffer: every row is copied first
    assertFalse(v.lent());
    assertNotSame(buffer, v.data());
    Arrays.fill(buffer, (byte) '?'); // the reader moves on
    assertEquals(Arrays.asList("paid", "zürich ✓", "say \"hi\"", ""),
        Arrays.asList(v.get(0), v.get(1), v.get(2), v.get(3)));
    assertEquals("paid", bytes(v, 0));
    v.set(3, buffer, 0, 2); // later values from the buffer are copied too
    assertEquals("??", v.get(3));
    assertNotSame(buffer, v.data());

    v.reset(4);
    assertFalse(v.lent(), "a reset ends lent mode");
    v.set(0, "again");
    assertEquals("again", bytes(v, 0));
    v.reset(1);
    v.lend(buffer);
    v.setNull(0);
    assertNull(v.get(0));
  }
}
