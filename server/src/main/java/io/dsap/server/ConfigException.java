package io.dsap.server;

/** A server configuration that cannot work; the message names the setting and the fix. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
