package io.dsap.engine.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a text value means beyond its SQL type, each with a check for one value. Detection counts
 * the matches per column; the share of matching values is the type's match rate.
 */
public enum SemanticType {
  EMAIL("email", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
  URL("url", Pattern.compile("(?i)(https?|ftp)://[^\\s/?#]+\\.[^\\s/?#]+[^\\s]*")),
  UUID("uuid", Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")),
  IPV4("ipv4", Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")),
  IPV6("ipv6", null),
  PHONE("phone", Pattern.compile("\\+?[0-9(][0-9 ().-]{5,18}[0-9]")),
  POSTAL_CODE("postal_code", Pattern.compile("\\d{5}(-\\d{4})?|\\d{4}|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"
      + "|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|\\d{4} ?[A-Z]{2}")),
  CURRENCY("currency", Pattern.compile("[-+]?([$€£¥]|USD|EUR|GBP|CHF) ?\\d{1,3}([,.' ]?\\d{3})*([.,]\\d{1,2})?"
      + "|[-+]?\\d{1,3}([,.' ]?\\d{3})*([.,]\\d{1,2})? ?([$€£¥]|USD|EUR|GBP|CHF)")),
  PERCENTAGE("percentage", Pattern.compile("[-+]?\\d+([.,]\\d+)? ?%")),
  BOOLEAN_LIKE("boolean_like", Pattern.compile("(?i)yes|no|y|n|true|false|t|f|on|off|0|1")),
  COUNTRY_CODE("country_code", null),
  JSON("json", null),
  DATE_TEXT("date_text", null);

  /** A semantic type is reported when at least this share of the column's values match it. */
  public static final double MIN_MATCH_RATE = 0.8;
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}.*");
  private static final Pattern POSTAL_NAME = Pattern.compile("(?i).*(zip|postal|post_?code|postcode|plz|cap).*");
  private static final Set<String> COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
  private static final Set<String> COUNTRIES3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);
  private static final JsonFactory JSON_FACTORY = new JsonFactory(); // jackson-core only: the driver jar has no databind
  /** Dates written with month names ({@code Jan 1 2000}, {@code 1 January 2000}, {@code Jan 1, 2000}). */
  public static final List<String> DATE_TEXT_PATTERNS = List.of("MMM d yyyy", "MMM d, yyyy", "d MMM yyyy",
      "MMMM d yyyy", "MMMM d, yyyy", "d MMMM yyyy");
  private static final List<DateTimeFormatter> DATE_TEXT_FORMATS = DATE_TEXT_PATTERNS.stream()
      .map(p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toList();

  private final String label;
  private final Pattern pattern;

  SemanticType(String label, Pattern pattern) {
    this.label = label;
    this.pattern = pattern;
  }

  /** The name shown in {@code detect_schema}: {@code email}, {@code postal_code}. */
  public String label() {
    return label;
  }

  /** Whether one non-empty, trimmed value is of this type. */
  public boolean matches(String v) {
    switch (this) {
      case IPV6: return isIpv6(v);
      case COUNTRY_CODE: return v.length() == 2 ? COUNTRIES.contains(v) : v.length() == 3 && COUNTRIES3.contains(v);
      case JSON: return isJson(v);
      case DATE_TEXT: return dateTextPattern(v) != null;
      case PHONE:
        return pattern.matcher(v).matches() && digits(v) >= 7 && !DATE_LIKE.matcher(v).matches()
            && (v.startsWith("+") || v.chars().anyMatch(c -> c == ' ' || c == '-' || c == '(' || c == '.'));
      default: return pattern.matcher(v).matches();
    }
  }

  /**
   * Whether this type may be reported for a column: postal codes look like plain numbers, so they
   * need a text column (leading zeros kept) or a name that says so.
   */
  public boolean eligible(String columnName, boolean textColumn) {
    return this != POSTAL_CODE || textColumn || POSTAL_NAME.matcher(columnName).matches();
  }

  /** The month-name pattern a value is written in, or null. */
  public static String dateTextPattern(String v) {
    if (v.isEmpty() || !Character.isLetterOrDigit(v.charAt(0)) || v.chars().noneMatch(Character::isLetter)) {
      return null;
    }
    for (int i = 0; i < DATE_TEXT_FORMATS.size(); i++) {
      try {
        DATE_TEXT_FORMATS.get(i).parse(v);
        return DATE_TEXT_PATTERNS.get(i);
      } catch (DateTimeParseException e) {
        // try the next layout
      }
    }
    return null;
  }

  private static int digits(String v) {
    return (int) v.chars().filter(Character::isDigit).count();
  }

  private static boolean isJson(String v) {
    char c = v.charAt(0);
    if (c != '{' && c != '[') {
      return false;
    }
    try (JsonParser p = JSON_FACTORY.createParser(v)) {
      while (p.nextToken() != null) {
        // reading to the end validates the whole text
      }
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Eight groups of 1-4 hex digits, or fewer with one {@code ::}. */
  static boolean isIpv6(String v) {
    if (v.indexOf(':') < 0 || !v.matches("[0-9A-Fa-f:]+")) {
      return false;
    }
    int dbl = v.indexOf("::");
    if (dbl >= 0 && v.indexOf("::", dbl + 1) >= 0) {
      return false;
    }
    String[] parts = v.split(":", -1);
    int groups = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) {
        boolean partOfDouble = dbl >= 0;
        if (!partOfDouble) {
          return false;
        }
        continue;
      }
      if (p.length() > 4) {
        return false;
      }
      groups++;
    }
    return dbl >= 0 ? groups < 8 : groups == 8;
  }
}
