package io.dsap.engine.validate;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The result of validating a file: its issues as a stream (read lazily, file order, nothing
 * held) and, once they are read, the per-check summary. Close it when done (the stream's close
 * does that too).
 */
public final class ValidationResult implements AutoCloseable {
  private final ValidationRun run;

  ValidationResult(ValidationRun run) {
    this.run = run;
  }

  /** The issues; can be consumed once. */
  public Stream<Issue> issues() {
    Iterator<Issue> it = run;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  /** Per-check results; reads whatever issues were not consumed yet. */
  public List<CheckResult> summary() {
    return run.summary();
  }

  /** Whether no check failed (warnings allowed). */
  public boolean passed() {
    return summary().stream().noneMatch(r -> r.status() == Status.FAIL);
  }

  @Override
  public void close() {
    run.close();
  }
}
