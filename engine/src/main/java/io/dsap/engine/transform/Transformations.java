package io.dsap.engine.transform;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link Transformation} plugins on a class path, by name. */
public final class Transformations {
  private final Map<String, Transformation> byName;

  private Transformations(Map<String, Transformation> byName) {
    this.byName = byName;
  }

  /** The plugins visible to dsap's own class loader (the usual case: jars on the class path). */
  public static Transformations installed() {
    return load(Transformations.class.getClassLoader());
  }

  /** The plugins visible to {@code loader}. */
  public static Transformations load(ClassLoader loader) {
    Map<String, Transformation> m = new TreeMap<>();
    for (Transformation t : ServiceLoader.load(Transformation.class, loader)) {
      m.putIfAbsent(t.name(), t);
    }
    return new Transformations(m);
  }

  public Map<String, Transformation> all() {
    return java.util.Collections.unmodifiableMap(byName);
  }

  /** The plugin called {@code name}, or an error that lists the installed ones and says how to add one. */
  public Transformation get(String name) {
    Transformation t = byName.get(name);
    if (t == null) {
      throw new DsapException(ErrorCode.INVALID_OPTION, "custom transformation '" + name + "' is not installed ("
          + (byName.isEmpty() ? "none installed" : "installed: " + String.join(", ", byName.keySet())) + ")."
          + " Put the plugin's jar on the class path next to dsap; docs/cleaning.md shows how to write one.");
    }
    return t;
  }
}
