package io.dsap.server.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.util.security.Credential;

/**
 * Jetty's login service over the users file. The file is read again when it changes, so users
 * added with {@code dsap server add-user} can log in without a restart.
 *
 * <p>BASIC sends the password with every HTTP request, and Avatica makes one request per JDBC
 * call; running PBKDF2 each time would cost a core per client. A password verified once is
 * remembered as an HMAC under a key that lives only in this process, so later requests cost one
 * HMAC, and a changed password (or file) is checked in full again.
 */
public final class UsersLoginService extends AbstractLoginService {
  private final Path file;
  private volatile Map<String, UserAccount> users = Map.of();
  private volatile long loadedMtime = Long.MIN_VALUE;
  private final byte[] key = new byte[32];
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

  public UsersLoginService(Path file) {
    this.file = file;
    setName(PasswordHash.DIGEST_REALM);
    new SecureRandom().nextBytes(key);
    reloadIfChanged();
  }

  /** The account of {@code name}, or null. */
  public UserAccount account(String name) {
    reloadIfChanged();
    return users.get(name);
  }

  private void reloadIfChanged() {
    long mtime;
    try {
      mtime = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
    } catch (java.io.IOException e) {
      users = Map.of(); // a removed users file lets nobody in
      verified.clear();
      return;
    }
    if (mtime != loadedMtime) {
      synchronized (this) {
        if (mtime != loadedMtime) {
          users = UsersFile.read(file);
          verified.clear();
          loadedMtime = mtime;
        }
      }
    }
  }

  @Override
  protected String[] loadRoleInfo(UserPrincipal user) {
    UserAccount a = account(user.getName());
    return a == null ? new String[0] : a.roles().toArray(new String[0]);
  }

  @Override
  protected UserPrincipal loadUserInfo(String username) {
    UserAccount a = account(username);
    return a == null ? null : new UserPrincipal(username, new FileCredential(a));
  }

  /** Checks a BASIC password against the PBKDF2 hash, or a DIGEST response against the MD5 entry. */
  private final class FileCredential extends Credential {
    private static final long serialVersionUID = 1L;
    private final transient UserAccount account;

    FileCredential(UserAccount account) {
      this.account = account;
    }

    @Override
    public boolean check(Object credentials) {
      if (credentials instanceof char[] c) {
        return checkPassword(new String(c));
      }
      if (credentials instanceof String s) {
        return checkPassword(s);
      }
      if (credentials instanceof Credential digest && !(credentials instanceof FileCredential)) {
        // Jetty's DIGEST response: it checks itself against the stored MD5(user:realm:password)
        return account.digestHa1() != null && digest.check(Credential.getCredential(account.digestHa1()));
      }
      return false;
    }

    private boolean checkPassword(String password) {
      byte[] mac = mac(account.name() + '\u0000' + password);
      byte[] known = verified.get(account.name());
      if (known != null && MessageDigest.isEqual(known, mac)) {
        return true;
      }
      if (PasswordHash.verify(password.toCharArray(), account.passwordHash())) {
        verified.put(account.name(), mac);
        return true;
      }
      return false;
    }
  }

  private byte[] mac(String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
