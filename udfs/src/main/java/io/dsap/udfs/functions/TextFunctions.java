package io.dsap.udfs.functions;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** {@code clean_text}, {@code normalize_category} and {@code levenshtein}. NULL in, NULL out. */
public final class TextFunctions {
  // zero-width characters and the byte-order mark carry nothing a reader can see
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern CATEGORY_SEPARATORS = Pattern.compile("[\\s_-]+");

  private TextFunctions() {}

  /**
   * Unicode NFKC (full-width letters, ligatures, no-break spaces become their plain forms),
   * invisible characters removed, every run of spaces, tabs, line breaks and control characters
   * made one space, and the ends trimmed.
   */
  public static String cleanText(String s) {
    if (s == null) {
      return null;
    }
    String t = Normalizer.normalize(s, Normalizer.Form.NFKC);
    t = INVISIBLE.matcher(t).replaceAll("");
    return CONTROL_OR_SPACE.matcher(t).replaceAll(" ").strip();
  }

  /**
   * A category label in one canonical spelling: {@link #cleanText}, accents removed, lower case,
   * and runs of spaces, {@code _} and {@code -} made one space, so {@code ' In_Progress'},
   * {@code 'in-progress'} and {@code 'IN PROGRESS'} are all {@code 'in progress'}.
   */
  public static String normalizeCategory(String s) {
    if (s == null) {
      return null;
    }
    String t = Normalizer.normalize(cleanText(s), Normalizer.Form.NFD);
    t = MARKS.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
    return CATEGORY_SEPARATORS.matcher(t).replaceAll(" ").strip();
  }

  /** Edits (insert, delete, replace one character) that turn {@code a} into {@code b}. */
  public static Integer levenshtein(String a, String b) {
    if (a == null || b == null) {
      return null;
    }
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
