package io.dsap.udfs.functions;

import io.dsap.engine.detect.SemanticType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code mask}, {@code mask_email} and {@code sha256}: hiding or pseudonymising values. NULL in, NULL out. */
public final class Masking {
  /** Values with at least this many letters and digits keep their last {@link #KEPT}; shorter ones keep none. */
  static final int MIN_TO_KEEP = 8;
  static final int KEPT = 4;

  private Masking() {}

  /**
   * Every letter and digit becomes {@code *} except the last four of a value with eight or more
   * (a card or account number stays recognisable); punctuation and spaces stay, so the shape does.
   */
  public static String mask(String s) {
    if (s == null) {
      return null;
    }
    int alnum = (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    return mask(s, alnum >= MIN_TO_KEEP ? KEPT : 0);
  }

  private static String mask(String s, int keep) {
    int alnum = (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    StringBuilder out = new StringBuilder(s.length());
    int seen = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        seen++;
        if (seen > alnum - keep) {
          out.appendCodePoint(cp);
        } else {
          out.append('*');
        }
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * The first character of the local part, {@code ***}, and the domain:
   * {@code jane.doe@example.com} is {@code j***@example.com} (the length is not revealed). A value
   * that is not an email address ({@code is_email} false) has every letter and digit masked.
   */
  public static String maskEmail(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim();
    if (!SemanticType.EMAIL.matches(v)) {
      return mask(s, 0);
    }
    int at = v.lastIndexOf('@');
    return v.substring(0, v.offsetByCodePoints(0, 1)) + "***" + v.substring(at);
  }

  /** The SHA-256 digest of the text's UTF-8 bytes as 64 lower-case hex digits. */
  public static String sha256(String s) {
    if (s == null) {
      return null;
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
