package io.dsap.engine.format.arrow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.NullableStructWriter;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.Text;

/**
 * Writes the Arrow test files with Arrow's own writers. Writing IPC needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}, so tests run this in a child JVM with the
 * flag ({@link #writeAll(Path)}), while the reader under test runs in the test JVM without it.
 */
public final class ArrowFixtures {
  /** Rows per file: row 0 holds the documented values, row 1 only NULLs, the rest vary with id. */
  public static final int ROWS = 20_000;
  /** Rows of the compressed files. */
  public static final int SMALL_ROWS = 3_000;

  private ArrowFixtures() {}

  /** Writes every fixture into {@code dir} from a child JVM that has the flag. */
  public static void writeAll(Path dir) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), ArrowFixtures.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("writing Arrow fixtures failed:\n" + out);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    write(dir.resolve("types.arrow"), true, CompressionUtil.CodecType.NO_COMPRESSION, ROWS);
    write(dir.resolve("types.arrows"), false, CompressionUtil.CodecType.NO_COMPRESSION, ROWS);
    // commons-compress's LZ4 writer is slow: the compressed fixtures are smaller
    write(dir.resolve("lz4.feather"), true, CompressionUtil.CodecType.LZ4_FRAME, SMALL_ROWS);
    write(dir.resolve("zstd.arrows"), false, CompressionUtil.CodecType.ZSTD, SMALL_ROWS);
  }

  /** Two record batches (2/5 of the rows, then the rest) of every type, dictionary and nested columns. */
  static void write(Path file, boolean fileFormat, CompressionUtil.CodecType codec, int rows) throws IOException {
    try (BufferAllocator a = new RootAllocator();
        VarCharVector colors = new VarCharVector("colors", a)) {
      colors.allocateNew();
      String[] names = {"red", "green", "blue"};
      for (int i = 0; i < names.length; i++) {
        colors.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
      }
      colors.setValueCount(names.length);
      Dictionary dict = new Dictionary(colors, new DictionaryEncoding(7L, false, new ArrowType.Int(16, true)));
      DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dict);
      List<FieldVector> vectors = vectors(a, dict.getEncoding());
      try (VectorSchemaRoot root = new VectorSchemaRoot(vectors);
          FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ArrowWriter w = fileFormat
            ? new ArrowFileWriter(root, provider, ch, null, IpcOption.DEFAULT, ArrowCodecs.FACTORY, codec, Optional.empty())
            : new ArrowStreamWriter(root, provider, ch, IpcOption.DEFAULT, ArrowCodecs.FACTORY, codec, Optional.empty());
        w.start();
        for (int[] range : new int[][] {{0, rows * 2 / 5}, {rows * 2 / 5, rows}}) {
          fill(root, range[0], range[1]);
          w.writeBatch();
        }
        w.end();
        w.close();
      }
    }
  }

  private static List<FieldVector> vectors(BufferAllocator a, DictionaryEncoding enc) {
    List<FieldVector> v = new ArrayList<>();
    v.add(new IntVector("id", a));
    v.add(new TinyIntVector("i8", a));
    v.add(new SmallIntVector("i16", a));
    v.add(new BigIntVector("i64", a));
    v.add(new UInt1Vector("u8", a));
    v.add(new UInt4Vector("u32", a));
    v.add(new UInt8Vector("u64", a));
    v.add(new Float4Vector("f32", a));
    v.add(new Float8Vector("f64", a));
    v.add(new BitVector("b", a));
    v.add(new VarCharVector("s", a));
    v.add(new LargeVarCharVector("ls", a));
    v.add(new VarBinaryVector("bin", a));
    v.add(new FixedSizeBinaryVector("fsb", a, 3));
    v.add(new DecimalVector("dec", a, 9, 2));
    v.add(new DecimalVector("dec38", a, 38, 10));
    v.add(new DateDayVector("d32", a));
    v.add(new DateMilliVector("d64", a));
    v.add(new TimeMilliVector("t_ms", a));
    v.add(new TimeMicroVector("t_us", a));
    v.add(new TimeStampNanoTZVector("ts_ns_utc", a, "UTC"));
    v.add(new TimeStampMilliVector("ts_ms", a));
    v.add(new DurationVector(new Field("dur", FieldType.nullable(new ArrowType.Duration(TimeUnit.SECOND)), null), a));
    v.add(new SmallIntVector(new Field("color", new FieldType(true, new ArrowType.Int(16, true), enc), null), a));
    // nested children declared up front: the root's schema is taken when it is built
    v.add(new Field("lst", FieldType.nullable(ArrowType.List.INSTANCE), List.of(
        new Field("item", FieldType.nullable(new ArrowType.Int(32, true)), null))).createVector(a));
    v.add(new Field("st", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("a", FieldType.nullable(new ArrowType.Int(32, true)), null),
        new Field("b", FieldType.nullable(ArrowType.Utf8.INSTANCE), null))).createVector(a));
    // entries must be a non-nullable struct (MapVector.empty's writer would make it nullable)
    Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
        new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
        new Field("value", FieldType.nullable(new ArrowType.Int(32, true)), null)));
    v.add(new Field("mp", FieldType.nullable(new ArrowType.Map(false)), List.of(entries)).createVector(a));
    return v;
  }

  /** Rows {@code from..to-1} of the file into the root (positions 0..). */
  private static void fill(VectorSchemaRoot root, int from, int to) {
    int n = to - from;
    for (FieldVector v : root.getFieldVectors()) {
      v.reset();
      v.setInitialCapacity(n);
      v.allocateNew();
    }
    UnionListWriter lw = ((ListVector) root.getVector("lst")).getWriter();
    NullableStructWriter sw = ((StructVector) root.getVector("st")).getWriter();
    UnionMapWriter mw = ((MapVector) root.getVector("mp")).getWriter();
    for (int r = 0; r < n; r++) {
      int id = from + r;
      ((IntVector) root.getVector("id")).setSafe(r, id);
      if (id == 1) {
        continue; // every other column NULL
      }
      boolean first = id == 0;
      ((TinyIntVector) root.getVector("i8")).setSafe(r, first ? -128 : id % 100);
      ((SmallIntVector) root.getVector("i16")).setSafe(r, first ? 32767 : id % 1000);
      ((BigIntVector) root.getVector("i64")).setSafe(r, first ? Long.MIN_VALUE : id * 1_000_000_007L);
      ((UInt1Vector) root.getVector("u8")).setSafe(r, first ? 255 : id % 200);
      ((UInt4Vector) root.getVector("u32")).setSafe(r, first ? -1 : id);
      ((UInt8Vector) root.getVector("u64")).setSafe(r, first ? -1L : id);
      ((Float4Vector) root.getVector("f32")).setSafe(r, first ? 0.1f : id / 8f);
      ((Float8Vector) root.getVector("f64")).setSafe(r, first ? -2.5 : id / 4.0);
      ((BitVector) root.getVector("b")).setSafe(r, first || id % 2 == 0 ? 1 : 0);
      ((VarCharVector) root.getVector("s")).setSafe(r, (first ? "h\u00e9llo \u2713" : "row " + id).getBytes(StandardCharsets.UTF_8));
      ((LargeVarCharVector) root.getVector("ls")).setSafe(r, new Text("large " + id));
      ((VarBinaryVector) root.getVector("bin")).setSafe(r, new byte[] {0, 1, (byte) 0xff});
      ((FixedSizeBinaryVector) root.getVector("fsb")).setSafe(r, new byte[] {9, 8, 7});
      ((DecimalVector) root.getVector("dec")).setSafe(r, first ? new BigDecimal("-123.45") : BigDecimal.valueOf(id, 2));
      ((DecimalVector) root.getVector("dec38")).setSafe(r, first ? new BigDecimal("1234567890123456789012345678.0123456789")
          : BigDecimal.valueOf(id).setScale(10));
      ((DateDayVector) root.getVector("d32")).setSafe(r, 19723 + (first ? 0 : id % 1000));
      ((DateMilliVector) root.getVector("d64")).setSafe(r, first ? -1L : 86_400_000L * id); // -1 ms: 1969-12-31
      ((TimeMilliVector) root.getVector("t_ms")).setSafe(r, 3_723_004);
      ((TimeMicroVector) root.getVector("t_us")).setSafe(r, 3_723_004_999L);
      ((TimeStampNanoTZVector) root.getVector("ts_ns_utc")).setSafe(r, first ? -1L : 1_704_067_200_123_456_789L);
      ((TimeStampMilliVector) root.getVector("ts_ms")).setSafe(r, 1_704_067_200_123L + id);
      ((DurationVector) root.getVector("dur")).setSafe(r, first ? 5400 : id);
      ((SmallIntVector) root.getVector("color")).setSafe(r, first ? 2 : id % 3);
      lw.setPosition(r);
      lw.startList();
      lw.integer().writeInt(id);
      lw.integer().writeInt(id + 1);
      lw.endList();
      sw.setPosition(r);
      sw.start();
      sw.integer("a").writeInt(id);
      sw.varChar("b").writeVarChar(new Text("x" + id));
      sw.end();
      mw.setPosition(r);
      mw.startMap();
      mw.startEntry();
      mw.key().varChar().writeVarChar(new Text("k" + id));
      mw.value().integer().writeInt(id);
      mw.endEntry();
      mw.endMap();
    }
    lw.setValueCount(n);
    sw.setValueCount(n);
    mw.setValueCount(n);
    root.setRowCount(n);
  }
}
