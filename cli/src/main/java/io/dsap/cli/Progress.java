package io.dsap.cli;

import io.dsap.engine.format.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long work, with rows per second and the time left. Shown only when the setting
 * {@code progress} allows it: {@code auto} (the default) on a terminal only, never when stderr is a pipe or a
 * file, and never with {@code --quiet}. A hidden bar costs nothing.
 */
final class Progress implements ProgressListener, AutoCloseable {
  /** System property the launcher sets from {@code [ -t 2 ]}: whether stderr is a terminal. */
  static final String STDERR_TTY_PROPERTY = "dsap.stderr.tty";

  private static final int WIDTH = 100;

  private final ProgressBar bar;
  private final Instant start = Instant.now();
  private long rows;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Whether bars are shown for a {@code progress} setting of auto, always or never. */
  static boolean enabled(String setting, boolean quiet) {
    if (quiet || "never".equals(setting)) {
      return false;
    }
    return "always".equals(setting) || stderrIsTerminal();
  }

  static boolean stderrIsTerminal() {
    String fromLauncher = System.getProperty(STDERR_TTY_PROPERTY);
    return fromLauncher != null ? Boolean.parseBoolean(fromLauncher) : System.console() != null;
  }

  /**
   * A bar for {@code total} units (bytes of a file, or files of a glob), or -1 when the total is unknown; a no-op
   * when {@code show} is false.
   */
  static Progress start(boolean show, String task, long total, String unit, long unitSize, PrintStream err) {
    if (!show) {
      return new Progress(null);
    }
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
        .setUpdateIntervalMillis(200)
        .clearDisplayOnFinish();
    if (unit != null) {
      b.setUnit(unit, unitSize);
    }
    return new Progress(b.build());
  }

  /** Engine scans report bytes read and rows so far. */
  @Override
  public void progress(long bytesDone, long rowsDone, long bytesTotal) {
    if (bar == null) {
      return;
    }
    if (bytesTotal > 0 && bar.getMax() != bytesTotal) {
      bar.maxHint(bytesTotal);
    }
    bar.stepTo(bytesDone);
    rows(rowsDone);
  }

  /** One more unit done (a file of a glob). */
  void step() {
    if (bar != null) {
      bar.step();
    }
  }

  /** Rows so far: shown as a count and a rate. */
  void rows(long rowsDone) {
    rows = rowsDone;
    if (bar != null) {
      bar.setExtraMessage(rowsMessage(rowsDone, Duration.between(start, Instant.now())));
    }
  }

  static String rowsMessage(long rows, Duration elapsed) {
    long ms = Math.max(1, elapsed.toMillis());
    return String.format(java.util.Locale.ROOT, "%,d rows, %,d rows/s", rows, rows * 1000 / ms);
  }

  long rowsSoFar() {
    return rows;
  }

  Optional<ProgressBar> bar() {
    return Optional.ofNullable(bar);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
