package io.dsap.server.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a role allows: the data roots its users may read ({@code *} for all) and whether they may
 * write (export with {@code CREATE TABLE out."..." AS}, {@code register_schema}).
 */
public record Role(String name, List<String> roots, boolean write) {
  public static final String ALL_ROOTS = "*";

  /** Roles every server knows; a configured role of the same name replaces one. */
  public static final Map<String, Role> BUILT_IN = Map.of(
      "reader", new Role("reader", List.of(ALL_ROOTS), false),
      "writer", new Role("writer", List.of(ALL_ROOTS), true));

  public Role {
    Objects.requireNonNull(name, "name is null");
    roots = List.copyOf(roots);
  }

  /** Whether this role lets its users read root {@code rootName}. */
  public boolean reads(String rootName) {
    return roots.contains(ALL_ROOTS) || roots.contains(rootName);
  }
}
