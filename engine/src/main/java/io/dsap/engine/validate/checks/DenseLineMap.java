package io.dsap.engine.validate.checks;

/**
 * The line where each 64-bit key was first seen, for the keys of {@code unique}: while the keys
 * are dense (sequential ids, dates: most keys of a range occur) an array indexed by the key, in
 * pages of {@link #PAGE} lines, 4 bytes a key, read and written in order when keys come in
 * order; keys that would make the window too sparse (an odd id far away, random values) go to a
 * {@link LongLineMap}. The window only grows, so a key is always looked up where it was put;
 * a key inside the window that is not in its page may have been put in the hash map before the
 * window reached it, so the hash map (small when keys are dense) is asked too.
 *
 * <p>Lines beyond 2^31 are stored as "unknown" (-1; 0 marks a key not seen), as in LongLineMap.
 */
final class DenseLineMap {
  static final int PAGE_BITS = 14;
  static final int PAGE = 1 << PAGE_BITS;
  private static final long PAGE_BYTES = 4L * PAGE + 16;
  /** A window of up to this many pages is always allowed (1 M keys, 4 MB). */
  static final int FREE_PAGES = 64;
  /** A larger window must hold at least one key per this many slots. */
  static final int SPARSEST = 4;
  /** At most this many pages (2^30 keys, a directory of 0.5 MB). */
  static final long MAX_PAGES = 1 << 16;

  private int[][] pages = new int[0][]; // pages[i] holds the keys from (firstPage + i) * PAGE
  private long firstPage;
  private long lowPage = Long.MAX_VALUE; // the pages holding keys: lowPage..highPage
  private long highPage = Long.MIN_VALUE;
  private int allocated;
  private int denseSize;
  private final LongLineMap sparse = new LongLineMap();

  int size() {
    return denseSize + sparse.size();
  }

  /** Whether adding one more key might make the map take more than {@code budget} bytes. */
  boolean wouldGrowPast(long budget) {
    long dense = allocated * PAGE_BYTES + 8L * pages.length;
    return dense + PAGE_BYTES > budget || sparse.wouldGrowPast(budget - dense);
  }

  /** Adds {@code key} first seen on {@code line}; returns 0 if new, else the line it was first seen on (-1 unknown). */
  int putIfAbsent(long key, long line) {
    long page = key >> PAGE_BITS;
    long i = page - firstPage;
    int[] lines = i >= 0 && i < pages.length ? pages[(int) i] : null;
    if (lines == null) {
      if (!dense(page)) {
        return sparse.putIfAbsent(key, line);
      }
      lines = newPage(page);
    }
    int slot = (int) (key & (PAGE - 1));
    int first = lines[slot];
    if (first != 0) {
      return first;
    }
    if (sparse.size() > 0) { // put there before its page was made?
      first = sparse.get(key);
      if (first != 0) {
        return first;
      }
    }
    lines[slot] = line > Integer.MAX_VALUE || line < 1 ? -1 : (int) line;
    denseSize++;
    return 0;
  }

  /** Whether the pages with keys, and {@code page}, are few or dense enough to hold in arrays. */
  private boolean dense(long page) {
    if (allocated == 0) {
      return true;
    }
    long span = Math.max(highPage, page) - Math.min(lowPage, page) + 1;
    return span > 0 && span <= MAX_PAGES && (span <= FREE_PAGES || span * PAGE <= (long) SPARSEST * (denseSize + 1));
  }

  private int[] newPage(long page) {
    if (pages.length == 0) {
      pages = new int[4][];
      firstPage = page;
    } else if (page < firstPage || page >= firstPage + pages.length) {
      // twice the room needed, on the side it grows: a run of ascending (or descending) keys copies the directory rarely
      long from = Math.min(firstPage, page);
      long span = Math.max(firstPage + pages.length - 1, page) - from + 1;
      int[][] wider = new int[(int) (2 * span)][];
      long newFirst = page < firstPage ? from - span : from;
      System.arraycopy(pages, 0, wider, (int) (firstPage - newFirst), pages.length);
      pages = wider;
      firstPage = newFirst;
    }
    lowPage = Math.min(lowPage, page);
    highPage = Math.max(highPage, page);
    allocated++;
    return pages[(int) (page - firstPage)] = new int[PAGE];
  }

  @Override
  public String toString() {
    return "DenseLineMap[" + denseSize + " keys in " + allocated + " pages, " + sparse.size() + " in the hash map]";
  }
}
