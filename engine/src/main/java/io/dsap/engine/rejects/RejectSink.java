package io.dsap.engine.rejects;

/** Receives rows a reader could not return. Implementations must be thread-safe. */
@FunctionalInterface
public interface RejectSink {
  RejectSink DISCARD = r -> { };

  void accept(Reject reject);
}
