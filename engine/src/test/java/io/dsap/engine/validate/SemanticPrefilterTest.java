package io.dsap.engine.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dsap.engine.schema.SemanticType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The first pass skips a semantic type's regex only for values that cannot match it. */
class SemanticPrefilterTest {
  private static void neverSkipsAMatch(String s) {
    for (SemanticType t : SemanticType.values()) {
      if (t.matches(s)) {
        assertTrue(ColumnProfile.mayMatch(t, s), () -> t + " matches '" + s + "' but would be skipped");
      }
    }
  }

  @Test
  void valuesOfEveryTypeAreNeverSkipped() {
    for (String s : List.of("a@b.co", "first.last+x@mail.example.org", "https://example.com/p?q=1", "FTP://a.b",
        "123e4567-e89b-12d3-a456-426614174000", "192.168.0.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::",
        "::1", "FE80::0202:B3FF:FE1E:8329", "+1 555-123-4567", "DE", "EUR", "10115")) {
      neverSkipsAMatch(s);
    }
  }

  @Test
  void randomValuesThatMatchAreNeverSkipped() {
    String alphabet = "a1f9.:/@-EH t";
    Random random = new Random(11);
    for (int n = 0; n < 300_000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      neverSkipsAMatch(s.toString());
    }
  }
}
