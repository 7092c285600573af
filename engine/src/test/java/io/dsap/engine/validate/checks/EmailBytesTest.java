package io.dsap.engine.validate.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dsap.engine.schema.SemanticType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte loop must give the email regular expression's verdict on every input. */
class EmailBytesTest {
  private static void same(String s) {
    byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
    boolean regex = SemanticType.EMAIL.pattern().matcher(s).matches();
    int len = s.getBytes(StandardCharsets.UTF_8).length;
    assertEquals(regex, EmailBytes.matches(b, 2, 2 + len), () -> "'" + s + "'");
  }

  @Test
  void agreesWithTheRegexOnHandPickedValues() {
    for (String s : List.of("a@b.co", "first.last@example.com", "a.b.c@d-e.f.gh", "a@b.c", "a@b.c1", "a@b", "@b.co",
        "a@.co", "a@b..co", "a..b@c.de", ".a@b.co", "a.@b.co", "a@-b.co", "a@b-.co", "a@b.co.", "a@@b.co", "a b@c.de",
        "a@b.c-o", "a@b.co-", "a@1.co", "a@b.12", "o'neil+tag@mail.example.org", "é@b.co", "a@bé.co", "", "a", "@",
        "a@", "a@b.", "{}|~@x-1.y2.zz", "a@b-c-d.ef", "a@b--c.de", "Ab.C@D.EF", "a@b.c.de", "a@b_c.de", "a@b.cé")) {
      same(s);
    }
  }

  @Test
  void agreesWithTheRegexOnRandomValues() {
    String alphabet = "ab.@-1_ Z+é";
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      same(s.toString());
    }
  }
}
