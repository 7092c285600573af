package io.dsap.engine.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kinds of text a column can be declared to hold ({@code semantic: email}), each a strict
 * pattern. The patterns aim at catching typing mistakes, not at full RFC parsing.
 */
public enum SemanticType {
  EMAIL("an email address like name@example.com",
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}"),
  URL("a URL like https://example.com/path", "(?i)(https?|ftp)://[^\\s/?#]+\\.[^\\s/?#]+([/?#][^\\s]*)?"),
  UUID("a UUID like 123e4567-e89b-12d3-a456-426614174000",
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
  PHONE("a phone number like +1 555-123-4567 (7 to 15 digits, optional +, spaces, dashes, dots, parentheses)",
      "\\+?(?=(?:[^0-9]*[0-9]){7,15}[^0-9]*$)[0-9 ().-]+"),
  IPV4("an IPv4 address like 192.168.0.1",
      "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"),
  IPV6("an IPv6 address like 2001:db8::1",
      "(?i)(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(([0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::(([0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?)"),
  COUNTRY_CODE("a 2-letter upper-case country code like DE", "[A-Z]{2}"),
  CURRENCY_CODE("a 3-letter upper-case currency code like EUR", "[A-Z]{3}"),
  POSTAL_CODE("a postal code of letters, digits, spaces or dashes, 3 to 10 characters", "[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]");

  private final String description;
  private final Pattern pattern;

  SemanticType(String description, String regex) {
    this.description = description;
    this.pattern = Pattern.compile(regex);
  }

  public String description() {
    return description;
  }

  public Pattern pattern() {
    return pattern;
  }

  public boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }

  /** The name as schemas write it: {@code email}, {@code country_code}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SemanticType parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (t.equals("IP")) {
      return IPV4;
    }
    for (SemanticType s : values()) {
      if (s.name().equals(t)) {
        return s;
      }
    }
    StringBuilder known = new StringBuilder();
    for (SemanticType s : values()) {
      known.append(known.length() > 0 ? ", " : "").append(s.text());
    }
    throw new IllegalArgumentException("semantic type '" + text + "' is not one of: " + known
        + " (write a regular expression under pattern: for anything else)");
  }
}
