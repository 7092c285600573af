package io.dsap.server.auth;

import io.dsap.server.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users file: one user a line, {@code name: PBKDF2-SHA512:...[,MD5:...][,role...]}, in the
 * shape of Jetty's realm files ({@code user: credential,role}) with stronger hashes. Lines
 * starting with {@code #} are comments. Written atomically, readable by its owner only.
 */
public final class UsersFile {
  private UsersFile() {}

  /** The users in {@code file}; a malformed line fails with its line number. */
  public static Map<String, UserAccount> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read users file " + file + ": " + e.getMessage());
    }
    Map<String, UserAccount> users = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      UserAccount u = parse(line, file, i + 1);
      users.put(u.name(), u);
    }
    return users;
  }

  private static UserAccount parse(String line, Path file, int lineNo) {
    int colon = line.indexOf(':');
    String[] fields = colon < 0 ? new String[0] : line.substring(colon + 1).split(",");
    if (colon <= 0 || fields.length == 0 || !fields[0].trim().startsWith(PasswordHash.PBKDF2 + ":")) {
      throw new ConfigException("users file " + file + ", line " + lineNo + ": expected 'name: "
          + PasswordHash.PBKDF2 + ":...[,MD5:...][,role...]' as `dsap server add-user` writes it");
    }
    String name = line.substring(0, colon).trim();
    String digest = null;
    List<String> roles = new ArrayList<>();
    for (int i = 1; i < fields.length; i++) {
      String f = fields[i].trim();
      if (f.startsWith("MD5:")) {
        digest = f;
      } else if (!f.isEmpty()) {
        roles.add(f);
      }
    }
    return new UserAccount(name, fields[0].trim(), digest, roles);
  }

  /**
   * Adds {@code user} to {@code file} (created if missing), replacing a user of the same name.
   * Returns whether a user was replaced.
   */
  public static boolean put(Path file, UserAccount user) throws IOException {
    if (!user.name().matches("[A-Za-z0-9_.@-]+")) {
      throw new ConfigException("user name '" + user.name() + "' may only hold letters, digits and _ . @ -");
    }
    for (String r : user.roles()) {
      if (!r.matches("[A-Za-z0-9_.-]+")) {
        throw new ConfigException("role name '" + r + "' may only hold letters, digits and _ . -");
      }
    }
    Map<String, UserAccount> users = Files.exists(file) ? read(file) : new LinkedHashMap<>();
    boolean replaced = users.put(user.name(), user) != null;
    StringBuilder text = new StringBuilder("# dsap users: name: password hash[,digest hash][,role...]\n"
        + "# written by `dsap server add-user`; roles are defined under server.roles\n");
    for (UserAccount u : users.values()) {
      text.append(u.toLine()).append('\n');
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".users", ".tmp");
    try {
      ownerOnly(tmp);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    return replaced;
  }

  private static void ownerOnly(Path p) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's ACL applies
    }
  }
}
