package io.dsap.engine.format.parquet;

/**
 * Byte arrays reused by the column chunks one scanner reads one after another: per projected
 * column, the chunk as read from the file and its current page decompressed. Owned by one
 * decoder at a time (a parallel scan hands one to each running row group), so row groups after
 * the first allocate nothing.
 */
final class ChunkBuffers {
  private byte[][] chunks = new byte[0][];
  private byte[][] pages = new byte[0][];

  /** Column {@code slot}'s chunk buffer, at least {@code size} bytes. */
  byte[] chunk(int slot, int size) {
    chunks = ensureSlots(chunks, slot);
    return chunks[slot] = atLeast(chunks[slot], size);
  }

  /** Column {@code slot}'s page buffer, at least {@code size} bytes. */
  byte[] page(int slot, int size) {
    pages = ensureSlots(pages, slot);
    return pages[slot] = atLeast(pages[slot], size);
  }

  private static byte[][] ensureSlots(byte[][] a, int slot) {
    return slot < a.length ? a : java.util.Arrays.copyOf(a, slot + 1);
  }

  private static byte[] atLeast(byte[] b, int size) {
    if (b != null && b.length >= size) {
      return b;
    }
    // a little headroom: the next row group's chunk is often a few bytes longer
    return new byte[(int) Math.min(Integer.MAX_VALUE - 8, size + (long) (size >>> 3))];
  }
}
