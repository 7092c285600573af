package io.dsap.engine.validate.rules;

import io.dsap.engine.schema.TableRule;
import java.util.ArrayList;
import java.util.List;

/** Parses inline rules: SQL conditions separated by semicolons ({@code 'quantity > 0; email IS NOT NULL'}). */
public final class InlineRules {
  private InlineRules() {}

  public static List<TableRule> parse(String text) {
    List<TableRule> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';') {
        add(out, cur);
        continue;
      }
      cur.append(c);
    }
    add(out, cur);
    return out;
  }

  private static void add(List<TableRule> out, StringBuilder cur) {
    String s = cur.toString().trim();
    if (!s.isEmpty()) {
      out.add(TableRule.of(s));
    }
    cur.setLength(0);
  }
}
