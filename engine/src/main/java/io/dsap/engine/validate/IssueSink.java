package io.dsap.engine.validate;

/** Receives issues as checks find them. */
@FunctionalInterface
public interface IssueSink {
  void accept(Issue issue);
}
