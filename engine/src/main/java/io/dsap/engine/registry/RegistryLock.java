package io.dsap.engine.registry;

import io.dsap.engine.error.Errors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for registry writers: a JVM-wide lock per registry folder (threads, server
 * connections) and an OS file lock on {@code .lock} (other processes). The file lock alone
 * would not do: within one JVM a second lock attempt throws instead of waiting.
 */
final class RegistryLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private RegistryLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  static RegistryLock acquire(Path dir) {
    ReentrantLock local = LOCAL.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new ReentrantLock());
    local.lock();
    Path file = dir.resolve(".lock");
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new RegistryLock(local, ch, ch.lock());
    } catch (IOException | RuntimeException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // already failing
      }
      local.unlock();
      throw e instanceof RuntimeException r ? r : Errors.io(file, (IOException) e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    } finally {
      local.unlock();
    }
  }
}
