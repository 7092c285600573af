package io.dsap.engine.registry;

import java.util.Locale;

/**
 * Compatibility of a new schema version with the old one, as schema registries define it
 * (Confluent's terms): BACKWARD: the new schema accepts data written for the old one;
 * FORWARD: the old schema accepts data written for the new one; FULL: both; NONE: neither.
 */
public enum Compatibility {
  FULL,
  BACKWARD,
  FORWARD,
  NONE;

  static Compatibility of(boolean backward, boolean forward) {
    return backward && forward ? FULL : backward ? BACKWARD : forward ? FORWARD : NONE;
  }

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
