package io.dsap.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options of every command (inherited by each subcommand, so they may stand before or after its name): the
 * configuration file, logging and progress. They are the command-line layer of {@link io.dsap.engine.config.Settings}.
 */
final class GlobalOptions {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "Read this dsap.yaml after the ones found in ~/.config/dsap, the current directory and the"
          + " data root (see docs/configuration.md).")
  String config;

  @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
      description = "Log level on stderr: error, warn, info, debug, trace, off (setting log.level, default warn).")
  String logLevel;

  @Option(names = "--log-format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
      description = "Log lines as text or json (one JSON object per line with command, file, query id and"
          + " durations; setting log.format).")
  String logFormat;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "No progress bars and no summary lines on stderr; errors are still printed.")
  boolean quiet;
}
