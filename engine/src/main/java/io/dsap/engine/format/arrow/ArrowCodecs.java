package io.dsap.engine.format.arrow;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;

/**
 * Buffer compression of Arrow IPC record batches (LZ4 frame, ZSTD), done on the heap with
 * commons-compress and zstd-jni, which dsap already ships: pyarrow and pandas write LZ4 Feather
 * files by default, and arrow-compression is not on our class path. Heap byte arrays also keep
 * clear of the direct-buffer path that needs JVM flags.
 */
final class ArrowCodecs implements CompressionCodec.Factory {
  static final ArrowCodecs FACTORY = new ArrowCodecs();

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type) {
    switch (type) {
      case NO_COMPRESSION: return NoCompressionCodec.INSTANCE;
      case LZ4_FRAME: return new Lz4();
      case ZSTD: return new ZstdCodec();
      default: throw new UnsupportedOperationException("Arrow buffer compression " + type);
    }
  }

  @Override
  public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
    return createCodec(type);
  }

  /** The compressed bytes after the 8-byte uncompressed-length prefix. */
  private static byte[] payload(ArrowBuf compressed) {
    long n = compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH;
    byte[] in = new byte[Math.toIntExact(n)];
    compressed.getBytes(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, in);
    return in;
  }

  private static byte[] bytes(ArrowBuf b) {
    byte[] out = new byte[Math.toIntExact(b.writerIndex())];
    b.getBytes(0, out);
    return out;
  }

  /** A buffer of {@code data} behind room for the length prefix (written by the caller). */
  private static ArrowBuf prefixed(BufferAllocator allocator, byte[] data) {
    ArrowBuf out = allocator.buffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + data.length);
    out.setBytes(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, data);
    out.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + data.length);
    return out;
  }

  private static ArrowBuf plain(BufferAllocator allocator, byte[] data) {
    ArrowBuf out = allocator.buffer(data.length);
    out.setBytes(0, data);
    out.writerIndex(data.length);
    return out;
  }

  static final class Lz4 extends AbstractCompressionCodec {
    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      FramedLZ4CompressorOutputStream.Parameters small =
          new FramedLZ4CompressorOutputStream.Parameters(FramedLZ4CompressorOutputStream.BlockSize.K64);
      try (OutputStream out = new FramedLZ4CompressorOutputStream(bytes, small)) {
        out.write(bytes(uncompressed));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return prefixed(allocator, bytes.toByteArray());
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
      long length = readUncompressedLength(compressed);
      byte[] out = new byte[Math.toIntExact(length)];
      try (InputStream in = new FramedLZ4CompressorInputStream(new ByteArrayInputStream(payload(compressed)))) {
        int done = in.readNBytes(out, 0, out.length);
        if (done != out.length) {
          throw new IOException("LZ4 buffer holds " + done + " bytes, its header says " + length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return plain(allocator, out);
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
      return CompressionUtil.CodecType.LZ4_FRAME;
    }
  }

  static final class ZstdCodec extends AbstractCompressionCodec {
    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
      return prefixed(allocator, Zstd.compress(bytes(uncompressed)));
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
      long length = readUncompressedLength(compressed);
      return plain(allocator, Zstd.decompress(payload(compressed), Math.toIntExact(length)));
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
      return CompressionUtil.CodecType.ZSTD;
    }
  }
}
