package io.dsap.udfs.functions;

import io.dsap.engine.detect.SemanticType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code is_email}, {@code is_url}, {@code is_uuid}, {@code is_phone}, {@code is_ip} and
 * {@code matches_format}: the checks {@code detect_schema} uses for semantic types, one value at a
 * time, so a column detected as {@code email} is one where {@code is_email} is mostly true.
 * Values are trimmed first (as detection does); NULL gives NULL, empty text false.
 */
public final class PatternChecks {
  /** Format names accepted by {@code matches_format}, in the order the error message lists them. */
  static final Map<String, SemanticType[]> FORMATS = formats();

  private PatternChecks() {}

  private static Map<String, SemanticType[]> formats() {
    Map<String, SemanticType[]> m = new LinkedHashMap<>();
    m.put("ip", new SemanticType[] {SemanticType.IPV4, SemanticType.IPV6});
    for (SemanticType t : SemanticType.values()) {
      m.put(t.label(), new SemanticType[] {t});
    }
    return m;
  }

  public static Boolean isEmail(String s) {
    return check(s, SemanticType.EMAIL);
  }

  public static Boolean isUrl(String s) {
    return check(s, SemanticType.URL);
  }

  public static Boolean isUuid(String s) {
    return check(s, SemanticType.UUID);
  }

  public static Boolean isPhone(String s) {
    return check(s, SemanticType.PHONE);
  }

  public static Boolean isIp(String s) {
    return check(s, SemanticType.IPV4, SemanticType.IPV6);
  }

  /** {@code matches_format(s, format)}: the check named by {@code format} ({@code 'email'}, {@code 'ipv4'} ...). */
  public static Boolean matchesFormat(String s, String format) {
    if (format == null) {
      return null;
    }
    SemanticType[] types = FORMATS.get(format.trim().toLowerCase(Locale.ROOT));
    if (types == null) {
      throw ArgumentErrors.bad("matches_format(s, format)", "format", format,
          "expected one of " + String.join(", ", FORMATS.keySet()));
    }
    return check(s, types);
  }

  private static Boolean check(String s, SemanticType... types) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (v.isEmpty()) {
      return false;
    }
    for (SemanticType t : types) {
      if (t.matches(v)) {
        return true;
      }
    }
    return false;
  }
}
