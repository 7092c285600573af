package io.dsap.engine.format.parquet;

import io.dsap.engine.source.ReadMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file for parquet-java that counts the bytes read from disk: the process-wide
 * {@link ReadMetrics} and the scan's own counter, which shows that projection reads only the
 * column chunks a query needs.
 */
final class CountingInputFile implements InputFile {
  private final Path path;
  private final LocalInputFile file;
  private final LongAdder bytes;
  private final boolean sample;

  /** @param sample whether reads are detection (the footer) rather than a scan */
  CountingInputFile(Path path, LongAdder bytes, boolean sample) {
    this.path = path;
    this.file = new LocalInputFile(path);
    this.bytes = bytes;
    this.sample = sample;
  }

  @Override
  public String toString() {
    return path.toString(); // parquet-java names the file in its messages with this
  }

  @Override
  public long getLength() throws IOException {
    return file.getLength();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Counting(file.newStream());
  }

  private final class Counting extends SeekableInputStream {
    private final SeekableInputStream in;

    Counting(SeekableInputStream in) {
      this.in = in;
    }

    private void count(long n) {
      if (n > 0) {
        bytes.add(n);
        if (sample) {
          ReadMetrics.sampled(n);
        } else {
          ReadMetrics.scanned(n);
        }
      }
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public void seek(long pos) throws IOException {
      in.seek(pos);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
      in.readFully(b);
      count(b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
      in.readFully(b, off, len);
      count(len);
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      int n = in.read(buf);
      count(n);
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      int n = buf.remaining();
      in.readFully(buf);
      count(n);
    }

    @Override
    public long skip(long n) throws IOException {
      return in.skip(n);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
