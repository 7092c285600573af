package io.dsap.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --verbose} switch: errors come with their stack trace. A mixin of every command; like
 * {@link ConnectionOptions} it keeps its value in the top-level command, so it may stand anywhere.
 */
public final class VerboseOption {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  private boolean verbose;

  @Option(names = {"-v", "--verbose"}, description = "On error, print the stack trace as well as the message.")
  void setVerbose(boolean verbose) {
    top().verbose |= verbose;
  }

  /** Returns whether --verbose was given anywhere on the command line. */
  public boolean isVerbose() {
    return top().verbose;
  }

  private VerboseOption top() {
    return mixee != null && mixee.root().userObject() instanceof Main main ? main.verboseOption() : this;
  }
}
