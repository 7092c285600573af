package io.dsap.engine.format;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read splits of files in parallel, shared by every scan of the JVM. As many as
 * there are cores unless the system property {@code dsap.threads} or {@link #setThreads} says
 * otherwise; 1 reads every file sequentially. Daemon threads, so an embedded driver never keeps
 * its host process alive.
 */
public final class ScanThreads {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static volatile int threads = initial();
  private static volatile ThreadPoolExecutor pool;

  private ScanThreads() {}

  private static int initial() {
    String p = System.getProperty("dsap.threads");
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      return p == null ? cores : Math.max(1, Integer.parseInt(p.trim()));
    } catch (NumberFormatException e) {
      return cores;
    }
  }

  /** How many splits of one file are read at the same time. */
  public static int threads() {
    return threads;
  }

  /** Changes the number of scan threads (at least 1) for scans that start from now on. */
  public static synchronized void setThreads(int n) {
    threads = Math.max(1, n);
    if (pool != null) {
      if (threads > pool.getMaximumPoolSize()) {
        pool.setMaximumPoolSize(threads);
        pool.setCorePoolSize(threads);
      } else {
        pool.setCorePoolSize(threads);
        pool.setMaximumPoolSize(threads);
      }
    }
  }

  /** Runs {@code task} on a scan thread. */
  public static <T> Future<T> submit(Callable<T> task) {
    return pool().submit(task);
  }

  private static ThreadPoolExecutor pool() {
    ThreadPoolExecutor p = pool;
    if (p == null) {
      synchronized (ScanThreads.class) {
        if (pool == null) {
          pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dsap-scan-" + NAMES.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
          pool.allowCoreThreadTimeOut(true);
        }
        p = pool;
      }
    }
    return p;
  }
}
