package io.dsap.cli.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes HTML (and inline SVG) in which every text and attribute value is escaped: the only way to emit markup is
 * through tag and attribute names, which must be plain identifiers, and {@link #trustedStyle}, which takes a
 * compile-time constant. Data from a file can therefore never become markup.
 *
 * <p>Sections read like templates: {@code h.tag("tr", () -> { h.el("th", "Rows"); h.el("td", rows); });}
 */
final class Html {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*");

  private final StringBuilder out = new StringBuilder(1 << 16);
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens an element; {@code attributes} are name, value pairs, and a pair whose value is null is left out. */
  Html open(String tag, String... attributes) {
    startTag(tag, attributes);
    out.append('>');
    open.push(tag);
    return this;
  }

  /** Closes the innermost open element. */
  Html close() {
    out.append("</").append(open.pop()).append('>');
    return this;
  }

  /** An element around {@code body}. */
  Html tag(String tag, Runnable body, String... attributes) {
    open(tag, attributes);
    body.run();
    return close();
  }

  /** An element holding {@code text} (escaped); null gives an empty element. */
  Html el(String tag, String text, String... attributes) {
    open(tag, attributes);
    text(text);
    return close();
  }

  /** An element without content, such as {@code <meta>} or an SVG {@code <rect/>}. */
  Html empty(String tag, String... attributes) {
    startTag(tag, attributes);
    out.append(tag.equals("meta") || tag.equals("br") ? ">" : "/>");
    return this;
  }

  /** Text, escaped. */
  Html text(String text) {
    if (text != null) {
      out.append(escape(text));
    }
    return this;
  }

  /** A style sheet. Only for constants written in this package, never for data. */
  Html trustedStyle(String css) {
    if (css.contains("</")) {
      throw new IllegalArgumentException("a style sheet must not contain '</'");
    }
    out.append("<style>").append(css).append("</style>");
    return this;
  }

  private void startTag(String tag, String... attributes) {
    requireName(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs: " + String.join(", ", attributes));
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      String value = attributes[i + 1];
      if (value != null) {
        out.append(' ').append(requireName(attributes[i])).append("=\"").append(escape(value)).append('"');
      }
    }
  }

  private static String requireName(String name) {
    if (!NAME.matcher(name).matches() || name.toLowerCase(Locale.ROOT).startsWith("on")) {
      throw new IllegalArgumentException("not an allowed tag or attribute name: " + name);
    }
    return name;
  }

  /** The document written so far; every element must be closed. */
  String document() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return out.toString();
  }

  /**
   * Escapes text for an HTML text node or a quoted attribute value: {@code & < > " '} become entities, and
   * control characters other than tab and line breaks (which HTML cannot hold) become U+FFFD.
   */
  static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ? "\uFFFD" : null;
      };
      if (replacement != null && b == null) {
        b = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (b != null) {
        if (replacement != null) {
          b.append(replacement);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? text : b.toString();
  }
}
