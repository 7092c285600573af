package io.dsap.engine.validate;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The {@link ValidationRule} plugins on the class path, found once with {@link ServiceLoader}. */
public final class ValidationRules {
  private static volatile List<ValidationRule> loaded;

  private ValidationRules() {}

  public static List<ValidationRule> all() {
    List<ValidationRule> l = loaded;
    if (l == null) {
      List<ValidationRule> found = new ArrayList<>();
      // dsap's own loader: inside DBeaver the context loader is not the driver's
      ServiceLoader.load(ValidationRule.class, ValidationRule.class.getClassLoader()).forEach(found::add);
      l = List.copyOf(found);
      loaded = l;
    }
    return l;
  }

  /** The rule called {@code name}, or an error listing the installed ones. */
  public static ValidationRule byName(String name) {
    for (ValidationRule r : all()) {
      if (r.name().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    String known = all().stream().map(ValidationRule::name).collect(Collectors.joining(", "));
    throw new DsapException(ErrorCode.INVALID_SCHEMA, "check 'use: " + name + "' names no installed rule plugin ("
        + (known.isEmpty() ? "none installed" : "installed: " + known) + "). Put the plugin's jar on the class path"
        + " next to dsap (docs/schemas.md, custom checks).");
  }
}
