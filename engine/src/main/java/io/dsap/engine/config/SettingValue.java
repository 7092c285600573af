package io.dsap.engine.config;

/**
 * A key's effective value: its text, the parsed Java value (null when not set) and where it came from.
 */
public record SettingValue(SettingKey key, String text, Object value, SettingSource source) {
  static final String MASK = "****";

  /** The text to show people: secrets are masked ({@code ****}) when set. */
  public String display() {
    return key.secret() && !text.isEmpty() ? MASK : text;
  }

  public boolean isSet() {
    return value != null;
  }
}
