package io.dsap.engine.validate.rules;

import io.dsap.engine.schema.SemanticType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Functions rules may call besides standard SQL: {@code is_email(x)}, {@code is_url},
 * {@code is_uuid}, {@code is_phone}, {@code is_ip}, {@code matches(x, regex)}. NULL in, NULL out
 * (so the rule passes, as SQL CHECK constraints do).
 */
public final class RuleFunctions {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private RuleFunctions() {}

  static void register(SchemaPlus schema) {
    for (String[] f : new String[][] {{"is_email", "isEmail"}, {"is_url", "isUrl"}, {"is_uuid", "isUuid"},
        {"is_phone", "isPhone"}, {"is_ip", "isIp"}, {"matches", "matches"}}) {
      schema.add(f[0], ScalarFunctionImpl.create(RuleFunctions.class, f[1]));
    }
  }

  public static Boolean isEmail(String s) {
    return s == null ? null : SemanticType.EMAIL.matches(s);
  }

  public static Boolean isUrl(String s) {
    return s == null ? null : SemanticType.URL.matches(s);
  }

  public static Boolean isUuid(String s) {
    return s == null ? null : SemanticType.UUID.matches(s);
  }

  public static Boolean isPhone(String s) {
    return s == null ? null : SemanticType.PHONE.matches(s);
  }

  public static Boolean isIp(String s) {
    return s == null ? null : SemanticType.IPV4.matches(s) || SemanticType.IPV6.matches(s);
  }

  /** Whether the whole of {@code s} matches the Java regular expression {@code regex}. */
  public static Boolean matches(String s, String regex) {
    if (s == null || regex == null) {
      return null;
    }
    return PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(s).matches();
  }
}
