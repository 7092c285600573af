package example.masking;

import io.dsap.engine.transform.Transformation;
import io.dsap.engine.types.ColumnType;
import java.util.Map;

/** Replaces every digit but the last {@code keep} (default 4) with '#': {@code +33 6 12 34 56 78} -> {@code +## # ## ## 56 78}. */
public final class MaskDigits implements Transformation {
  @Override
  public String name() {
    return "mask_digits";
  }

  @Override
  public String description() {
    return "masks all digits but the last few";
  }

  @Override
  public ValueFunction bind(String column, ColumnType type, Map<String, Object> options) {
    if (type != ColumnType.VARCHAR) {
      throw new IllegalArgumentException("mask_digits needs a text column, " + column + " is " + type);
    }
    int keep = Integer.parseInt(String.valueOf(options.getOrDefault("keep", 4)));
    return value -> {
      if (value == null) {
        return null;
      }
      String s = (String) value;
      long digits = s.chars().filter(Character::isDigit).count();
      StringBuilder out = new StringBuilder(s.length());
      long seen = 0;
      for (char c : s.toCharArray()) {
        if (Character.isDigit(c)) {
          seen++;
          out.append(seen <= digits - keep ? '#' : c);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    };
  }
}
