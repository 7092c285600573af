package io.dsap.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The HTML writer: everything that is not a tag or attribute name is escaped, and names cannot be handlers. */
class HtmlTest {
  @Test
  void textAndAttributesAreEscaped() {
    Html h = new Html();
    h.el("td", "<script>alert('x') & \"y\"</script>", "title", "\"><img src=x onerror=alert(1)>");
    assertEquals("<td title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
        + "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</td>", h.document());
  }

  @Test
  void controlCharactersBecomeReplacementCharacters() {
    assertEquals("a\uFFFDb\tc\nd", Html.escape("a\u0000b\tc\nd"));
  }

  @Test
  void eventHandlerAndOddNamesAreRefused() {
    Html h = new Html();
    assertThrows(IllegalArgumentException.class, () -> h.open("td", "onclick", "x"));
    assertThrows(IllegalArgumentException.class, () -> h.open("td", "a b", "x"));
    assertThrows(IllegalArgumentException.class, () -> h.open("script>", "class", "x"));
    assertThrows(IllegalArgumentException.class, () -> h.trustedStyle("</style><script>"));
  }

  @Test
  void unclosedElementsAreAnError() {
    Html h = new Html();
    h.open("div");
    assertThrows(IllegalStateException.class, h::document);
  }

  @Test
  void nullAttributesAreLeftOut() {
    Html h = new Html();
    h.el("span", null, "class", null, "id", "x");
    assertEquals("<span id=\"x\"></span>", h.document());
  }
}
