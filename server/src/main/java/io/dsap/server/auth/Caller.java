package io.dsap.server.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who sent the current request: the authenticated user (or {@code anonymous} on a server without
 * authentication), the client's address, and what the user's roles allow.
 */
public record Caller(String user, String address, List<String> roles, Set<String> readableRoots, boolean write) {
  public static final String ANONYMOUS = "anonymous";

  /** A caller whose permissions are the union of {@code roleNames}' (unknown names grant nothing). */
  public static Caller of(String user, String address, List<String> roleNames, Map<String, Role> roles,
      Iterable<String> rootNames) {
    Set<String> readable = new LinkedHashSet<>();
    boolean write = false;
    for (String name : roleNames) {
      Role r = roles.get(name);
      if (r == null) {
        continue;
      }
      write |= r.write();
      for (String root : rootNames) {
        if (r.reads(root)) {
          readable.add(root);
        }
      }
    }
    return new Caller(user, address, List.copyOf(roleNames), Set.copyOf(readable), write);
  }

  /** The caller on a server without authentication: every root, writes allowed (as embedded use). */
  public static Caller anonymous(String address, Iterable<String> rootNames) {
    Set<String> all = new LinkedHashSet<>();
    rootNames.forEach(all::add);
    return new Caller(ANONYMOUS, address, List.of(), all, true);
  }
}
