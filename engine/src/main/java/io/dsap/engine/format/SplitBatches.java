package io.dsap.engine.format;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.rejects.Reject;
import java.util.List;

/**
 * A table read as splits parsed in parallel and handed out whole, in file order, so a caller can
 * work on several splits at once on other threads while it keeps the file's order. At most a
 * few splits are read ahead, which bounds memory. Not thread-safe; close it when done.
 */
public interface SplitBatches extends AutoCloseable {
  /** The next split in file order, or null after the last. */
  Split next();

  /** The caller is done with {@code split}'s batches: the source may refill them for a later split. */
  default void release(Split split) {}

  @Override
  void close();

  /**
   * One split's rows and rejects.
   *
   * @param batches the split's batches, each its own object; {@link Batch#line} counts from the
   *     split's first line (add {@code lineDelta} for the file line)
   * @param rejectsBefore for each batch, how many of {@code rejects} were found up to and while
   *     reading it; the rest came after the split's last batch
   * @param rejects the split's rejects in order, already at file lines
   * @param lineDelta what to add to a batch's line to get the file line
   */
  record Split(List<Batch> batches, int[] rejectsBefore, List<Reject> rejects, long lineDelta) {}
}
