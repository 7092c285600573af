package io.dsap.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes of the users file. BASIC logins are checked against a salted PBKDF2 hash
 * ({@code PBKDF2-SHA512:iterations:salt:hash}); DIGEST needs what the protocol needs, the MD5 of
 * {@code user:realm:password} ({@code MD5:hex}), which is only written for users added with
 * {@code --digest}.
 */
public final class PasswordHash {
  public static final String PBKDF2 = "PBKDF2-SHA512";
  public static final String DIGEST_REALM = "dsap";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new salted PBKDF2 hash of {@code password}. */
  public static String pbkdf2(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PBKDF2 + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
        + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} matches {@code hash} (a PBKDF2 entry of the users file). */
  public static boolean verify(char[] password, String hash) {
    String[] parts = hash.split(":");
    if (parts.length != 4 || !parts[0].equals(PBKDF2)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The DIGEST credential: {@code MD5:} and the hex MD5 of {@code user:dsap:password}. */
  public static String digestHa1(String user, char[] password) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update((user + ":" + DIGEST_REALM + ":").getBytes(StandardCharsets.ISO_8859_1));
      md.update(new String(password).getBytes(StandardCharsets.ISO_8859_1));
      return "MD5:" + HexFormat.of().formatHex(md.digest());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
    }
  }
}
