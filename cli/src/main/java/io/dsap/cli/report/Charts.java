package io.dsap.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The column charts, as inline SVG: a histogram of profile's {@code histogram} bins for numbers, a bar chart of
 * its {@code top_values} for everything else. Every bar has a tooltip ({@code <title>}) with its exact count.
 */
final class Charts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LABEL = 22;

  /** A histogram bin: {@code [lo, hi)}, the last one closed. */
  record Bin(double lo, double hi, long count) {
  }

  /** A frequent value with its count. */
  record TopValue(String value, long count) {
  }

  private Charts() {
  }

  static List<Bin> bins(String json) {
    List<Bin> bins = new ArrayList<>();
    for (JsonNode n : parse(json)) {
      bins.add(new Bin(n.path("lo").asDouble(), n.path("hi").asDouble(), n.path("count").asLong()));
    }
    return bins;
  }

  static List<TopValue> topValues(String json) {
    List<TopValue> values = new ArrayList<>();
    for (JsonNode n : parse(json)) {
      values.add(new TopValue(n.path("value").isNull() ? null : n.path("value").asText(), n.path("count").asLong()));
    }
    return values;
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** Vertical bars, one per bin, with the range below and the highest count on the left. */
  static void histogram(Html h, String column, List<Bin> bins) {
    final double width = 360;
    final double height = 190;
    final double left = 44;
    final double right = 350;
    final double top = 16;
    final double bottom = 150;
    long max = bins.stream().mapToLong(Bin::count).max().orElse(0);
    h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart histogram",
        "viewBox", "0 0 " + Numbers.svg(width) + " " + Numbers.svg(height), "role", "img",
        "aria-label", "Histogram of " + column);
    h.el("title", "Histogram of " + column + ": " + bins.size() + " equal-width bins");
    h.empty("line", "class", "axis", "x1", Numbers.svg(left), "y1", Numbers.svg(bottom), "x2", Numbers.svg(right),
        "y2", Numbers.svg(bottom));
    h.el("text", Numbers.count(max), "class", "tick", "x", Numbers.svg(left - 4), "y", Numbers.svg(top + 4),
        "text-anchor", "end");
    h.el("text", "0", "class", "tick", "x", Numbers.svg(left - 4), "y", Numbers.svg(bottom), "text-anchor", "end");
    double slot = bins.isEmpty() ? 0 : (right - left) / bins.size();
    for (int i = 0; i < bins.size(); i++) {
      Bin b = bins.get(i);
      double barHeight = max == 0 ? 0 : (bottom - top) * b.count() / max;
      double x = left + i * slot + 1;
      String range = "[" + Numbers.measure(b.lo()) + ", " + Numbers.measure(b.hi())
          + (i == bins.size() - 1 ? "]" : ")");
      h.tag("g", () -> {
        h.el("title", range + ": " + Numbers.count(b.count()) + (b.count() == 1 ? " value" : " values"));
        h.empty("rect", "class", "bar", "x", Numbers.svg(x), "y", Numbers.svg(bottom - barHeight),
            "width", Numbers.svg(Math.max(1, slot - 2)), "height", Numbers.svg(barHeight),
            "data-count", Long.toString(b.count()));
        if (b.count() > 0) {
          h.el("text", Numbers.count(b.count()), "class", "count", "x", Numbers.svg(x + (slot - 2) / 2),
              "y", Numbers.svg(bottom - barHeight - 3), "text-anchor", "middle");
        }
      }, "class", "bin");
    }
    if (!bins.isEmpty()) {
      h.el("text", Numbers.measure(bins.get(0).lo()), "class", "tick", "x", Numbers.svg(left), "y",
          Numbers.svg(bottom + 16), "text-anchor", "start");
      h.el("text", Numbers.measure(bins.get(bins.size() - 1).hi()), "class", "tick", "x", Numbers.svg(right),
          "y", Numbers.svg(bottom + 16), "text-anchor", "end");
    }
    h.el("text", "value", "class", "axis-label", "x", Numbers.svg((left + right) / 2), "y",
        Numbers.svg(bottom + 32), "text-anchor", "middle");
    h.close();
  }

  /** Horizontal bars, one per value, most frequent first; long values are cut, the tooltip has them whole. */
  static void topValues(Html h, String column, List<TopValue> values) {
    final double rowHeight = 20;
    final double labelRight = 150;
    final double barLeft = 156;
    final double barMax = 150;
    final double width = 360;
    double height = Math.max(1, values.size()) * rowHeight + 12;
    long max = values.stream().mapToLong(TopValue::count).max().orElse(0);
    h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "chart top-values",
        "viewBox", "0 0 " + Numbers.svg(width) + " " + Numbers.svg(height), "role", "img",
        "aria-label", "Most frequent values of " + column);
    h.el("title", "Most frequent values of " + column);
    if (values.isEmpty()) {
      h.el("text", "no values", "class", "tick", "x", Numbers.svg(width / 2), "y", "20", "text-anchor", "middle");
    }
    for (int i = 0; i < values.size(); i++) {
      TopValue v = values.get(i);
      double y = 6 + i * rowHeight;
      double barWidth = max == 0 ? 0 : barMax * v.count() / max;
      String shown = v.value() == null ? "NULL" : v.value().isEmpty() ? "(empty)" : oneLine(v.value());
      h.tag("g", () -> {
        h.el("title", (v.value() == null ? "NULL" : v.value()) + ": " + Numbers.count(v.count()));
        h.el("text", cut(shown), "class", "label", "x", Numbers.svg(labelRight), "y", Numbers.svg(y + 13),
            "text-anchor", "end");
        h.empty("rect", "class", "bar", "x", Numbers.svg(barLeft), "y", Numbers.svg(y + 2),
            "width", Numbers.svg(Math.max(1, barWidth)), "height", Numbers.svg(rowHeight - 6),
            "data-count", Long.toString(v.count()));
        h.el("text", Numbers.count(v.count()), "class", "count", "x", Numbers.svg(barLeft + barWidth + 4),
            "y", Numbers.svg(y + 13));
      }, "class", "value");
    }
    h.close();
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  private static String cut(String s) {
    return s.codePointCount(0, s.length()) <= MAX_LABEL
        ? s : s.substring(0, s.offsetByCodePoints(0, MAX_LABEL - 1)) + "\u2026";
  }
}
