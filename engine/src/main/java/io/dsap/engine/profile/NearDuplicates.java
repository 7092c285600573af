package io.dsap.engine.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Category spellings that probably mean the same thing: equal after folding case, spaces and
 * accents ({@code "Paid"}, {@code "paid "}, {@code "Müller"}/{@code "Muller"}), or one edit apart
 * once folded, at least {@link #MIN_EDIT_LENGTH} characters long and free of digits
 * ({@code "shiped"}/{@code "shipped"}).
 * Short codes ({@code US}/{@code UK}) are only compared after folding: one edit is a different code.
 */
public final class NearDuplicates {
  static final int MIN_EDIT_LENGTH = 5;

  private NearDuplicates() {}

  /** Pairs of values from {@code values} that look like one category spelled two ways. */
  public static List<String[]> pairs(List<String> values) {
    List<String> folded = new ArrayList<>(values.size());
    for (String v : values) {
      folded.add(fold(v));
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        String a = folded.get(i);
        String b = folded.get(j);
        boolean same = a.equals(b) || (Math.min(a.length(), b.length()) >= MIN_EDIT_LENGTH && !hasDigit(a)
            && !hasDigit(b) && withinOneEdit(a, b));
        if (same) {
          out.add(new String[] {values.get(i), values.get(j)});
        }
      }
    }
    return out;
  }

  /** Codes and dates ('01067', '2022-05-13') differ by one character and are still different values. */
  private static boolean hasDigit(String s) {
    return s.chars().anyMatch(Character::isDigit);
  }

  /** Lower case, accents removed, runs of spaces, '-' and '_' as one space, trimmed. */
  static String fold(String v) {
    String s = Normalizer.normalize(v, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").trim();
  }

  /** Levenshtein distance at most 1, in linear time. */
  static boolean withinOneEdit(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    if (a.length() > b.length()) {
      String t = a;
      a = b;
      b = t;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length()) {
      return true; // equal, or b has one more character at the end
    }
    return a.length() == b.length()
        ? a.substring(i + 1).equals(b.substring(i + 1)) // one substitution
        : a.substring(i).equals(b.substring(i + 1)); // one insertion into a
  }
}
