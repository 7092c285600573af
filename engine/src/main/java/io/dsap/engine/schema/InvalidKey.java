package io.dsap.engine.schema;

/** A bad value under a known key; the parser adds the key to the path and points at it. */
final class InvalidKey extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  InvalidKey(String key, String message) {
    super(message);
    this.key = key;
  }

  String key() {
    return key;
  }

  /** Runs a check of one key's value, turning its failure into an InvalidKey for that key. */
  static void check(String key, Runnable check) {
    try {
      check.run();
    } catch (InvalidKey e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidKey(key, e.getMessage());
    }
  }
}
