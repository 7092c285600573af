package io.dsap.server.auth;

import java.util.List;

/** One line of the users file: the name, the password hashes and the roles. */
public record UserAccount(String name, String passwordHash, String digestHa1, List<String> roles) {
  public UserAccount {
    roles = List.copyOf(roles);
  }

  /** The line as the users file holds it. */
  String toLine() {
    StringBuilder b = new StringBuilder(name).append(": ").append(passwordHash);
    if (digestHa1 != null) {
      b.append(',').append(digestHa1);
    }
    for (String r : roles) {
      b.append(',').append(r);
    }
    return b.toString();
  }
}
