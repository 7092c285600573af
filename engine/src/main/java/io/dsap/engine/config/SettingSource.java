package io.dsap.engine.config;

/**
 * Where a setting's value came from, for {@code dsap config show}, {@code dsap.settings} and error messages.
 *
 * @param layer the precedence layer (later layers win)
 * @param where the place in words: {@code /etc/dsap.yaml:4}, {@code DSAP_LOG_LEVEL}, {@code --root}
 */
public record SettingSource(Layer layer, String where) {

  /** The layers in the order they are applied: each overrides the ones before it. */
  public enum Layer {
    DEFAULT("default"),
    FILE("dsap.yaml"),
    DOTENV(".env"),
    ENVIRONMENT("environment"),
    CONNECTION("connection property"),
    CLI("command line"),
    ARGUMENT("function argument");

    private final String label;

    Layer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final SettingSource DEFAULT = new SettingSource(Layer.DEFAULT, "default");

  /** How {@code dsap config show} and {@code dsap.settings} name it: {@code default}, {@code dsap.yaml:4}, ... */
  @Override
  public String toString() {
    return switch (layer) {
      case DEFAULT, FILE, DOTENV -> where;
      case ENVIRONMENT -> "env " + where;
      case CONNECTION -> "connection property " + where;
      case CLI -> "option " + where;
      case ARGUMENT -> "argument " + where;
    };
  }
}
