package io.dsap.engine.format;

/** Hears how far a scan has come; called from the reading thread, about once per batch. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (bytesDone, rowsDone, bytesTotal) -> { };

  /**
   * @param bytesDone bytes of the file read so far
   * @param rowsDone records read so far
   * @param bytesTotal the file size, or -1 when unknown (a compressed stream)
   */
  void progress(long bytesDone, long rowsDone, long bytesTotal);
}
