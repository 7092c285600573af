package io.dsap.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dsap.cli.report.ReportData.Check;
import io.dsap.cli.report.ReportData.ColumnData;
import io.dsap.cli.report.ReportData.Score;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as one self-contained HTML page: inline CSS and SVG, no script, no network (a
 * Content-Security-Policy forbids both), readable on screen and in print. Sections: overview, validation (quality
 * report), one per column, and the run footer.
 */
public final class HtmlReport {
  /** No script, no fetch of any kind: only the inline style sheet. Injected markup could not run anything. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
      + " form-action 'none'";
  private static final String CSS = resource("report.css");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  /** The statistics a column section lists, in order: profile column and label. */
  private static final String[][] STATS = {
      {"row_count", "Rows"}, {"null_count", "Missing (NULL)"}, {"invalid_count", "Invalid (rows rejected)"},
      {"distinct_count", "Distinct"}, {"min_value", "Minimum"}, {"max_value", "Maximum"}, {"mean", "Mean"},
      {"stddev", "Standard deviation"}, {"skewness", "Skewness"}, {"kurtosis", "Kurtosis (excess)"},
      {"q05", "5th percentile"}, {"q25", "25th percentile"}, {"q50", "Median"}, {"q75", "75th percentile"},
      {"q95", "95th percentile"}, {"iqr", "Interquartile range"}, {"zeros", "Zeros"}, {"negatives", "Negatives"},
      {"outliers", "Outliers (IQR rule)"}, {"min_length", "Shortest (characters)"},
      {"avg_length", "Average length"}, {"max_length", "Longest (characters)"}};

  private final ReportData data;
  private final Html h = new Html();

  private HtmlReport(ReportData data) {
    this.data = data;
  }

  /** The page for {@code data}. */
  public static String render(ReportData data) {
    return new HtmlReport(data).page();
  }

  private String page() {
    h.tag("html", () -> {
      h.tag("head", () -> {
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.empty("meta", "name", "generator", "content", "dsap " + data.run().version());
        h.el("title", "dsap " + data.run().title().toLowerCase(Locale.ROOT) + ": " + data.file().path());
        h.trustedStyle(CSS);
      });
      h.tag("body", () -> {
        header();
        toc();
        overview();
        if (data.validation() != null) {
          validation();
        }
        columns();
        footer();
      });
    }, "lang", "en");
    return "<!DOCTYPE html>\n" + h.document() + "\n";
  }

  // ---- header and navigation

  private void header() {
    h.tag("header", () -> {
      h.el("p", "dsap \u00b7 " + data.run().title(), "class", "kind");
      h.el("h1", data.file().path());
      SqlRow info = data.file().info();
      h.el("p", info.text("format") + " \u00b7 " + Numbers.count(info.count("size_bytes")) + " bytes \u00b7 "
          + "generated " + WHEN.format(data.run().generatedAt()), "class", "meta");
    });
  }

  private void toc() {
    h.tag("nav", () -> {
      link("#overview", "Overview");
      if (data.validation() != null) {
        link("#validation", "Validation");
      }
      link("#columns", "Columns:");
      for (ColumnData c : data.columns()) {
        link("#col-" + c.index(), c.name());
      }
      link("#run", "Run");
    }, "class", "toc", "aria-label", "Contents");
  }

  private void link(String href, String text) {
    h.el("a", text, "href", href);
  }

  // ---- overview

  private void overview() {
    h.tag("section", () -> {
      h.el("h2", "Overview");
      for (String note : data.notes()) {
        h.el("p", note, "class", "note");
      }
      h.tag("div", () -> {
        card("Rows", Numbers.count(data.rowCount()), "row_count");
        card("Rejected rows", Numbers.count(data.file().info().count("rejected_rows")), "rejected_rows");
        card("Columns", Numbers.count((long) data.columns().size()), "column_count");
        card("Duplicate rows", Numbers.count(data.duplicateRows()), "duplicate_rows");
        Score overall = data.overall();
        if (overall != null) {
          card("Overall quality", Numbers.percent(overall.score()), "overall");
        }
      }, "class", "cards");
      if (!data.quality().isEmpty()) {
        h.el("h3", "Quality by dimension");
        scoreTable(data.quality(), "table-scores");
      }
      h.el("h3", "Alerts");
      alertTable();
      h.el("h3", "Columns at a glance");
      columnSummary();
    }, "id", "overview");
  }

  private void card(String label, String value, String stat) {
    h.tag("div", () -> {
      h.el("span", label, "class", "label");
      h.el("span", value, "class", "v");
    }, "class", "card", "data-stat", stat);
  }

  private void scoreTable(List<Score> scores, String cssClass) {
    h.tag("table", () -> {
      h.tag("thead", () -> h.tag("tr", () -> {
        h.el("th", "Dimension");
        h.el("th", "Score", "class", "num");
        h.el("th", "");
        h.el("th", "Based on");
      }));
      h.tag("tbody", () -> {
        for (Score s : scores) {
          h.tag("tr", () -> {
            h.el("th", s.dimension(), "scope", "row");
            h.el("td", Numbers.percent(s.score()), "class", "num " + scoreClass(s.score()), "data-dimension",
                s.dimension(), "title", Double.toString(s.score()));
            h.tag("td", () -> meter(s.score()));
            h.el("td", s.detail());
          });
        }
      });
    }, "class", "scores " + cssClass);
  }

  private void meter(double share) {
    h.tag("span", () -> h.el("span", "", "style", "width:" + Numbers.svg(Math.max(0, Math.min(1, share)) * 100)
        + "%"), "class", "meter", "aria-hidden", "true");
  }

  private static String scoreClass(double score) {
    return score >= 0.98 ? "score-good" : score >= 0.9 ? "score-fair" : "score-poor";
  }

  private void alertTable() {
    List<String[]> alerts = new ArrayList<>();
    for (ColumnData c : data.columns()) {
      for (String[] a : alerts(c)) {
        if (!"duplicates".equals(a[0])) { // table level: shown once below
          alerts.add(new String[] {c.name(), a[0], a[1], Long.toString(c.index())});
        }
      }
    }
    if (data.duplicateRows() > 0) {
      alerts.add(new String[] {null, "duplicates", Numbers.count(data.duplicateRows())
          + " rows are equal in every column to an earlier row", null});
    }
    if (alerts.isEmpty()) {
      h.el("p", "No alerts.", "class", "empty");
      return;
    }
    h.tag("table", () -> {
      h.tag("thead", () -> h.tag("tr", () -> {
        h.el("th", "Column");
        h.el("th", "Alert");
        h.el("th", "Detail");
      }));
      h.tag("tbody", () -> {
        for (String[] a : alerts) {
          h.tag("tr", () -> {
            h.tag("td", () -> {
              if (a[3] == null) {
                h.el("span", "(table)", "class", "empty");
              } else {
                link("#col-" + a[3], a[0]);
              }
            });
            h.tag("td", () -> h.el("span", a[1], "class", "badge alert"));
            h.el("td", a[2]);
          });
        }
      });
    }, "class", "alerts-table");
  }

  private void columnSummary() {
    h.tag("table", () -> {
      h.tag("thead", () -> h.tag("tr", () -> {
        h.el("th", "#", "class", "num");
        h.el("th", "Column");
        h.el("th", "Type");
        h.el("th", "Semantic type");
        h.el("th", "Missing", "class", "num");
        h.el("th", "Distinct", "class", "num");
        h.el("th", "Quality", "class", "num");
        h.el("th", "Alerts");
      }));
      h.tag("tbody", () -> {
        for (ColumnData c : data.columns()) {
          SqlRow p = c.profile();
          h.tag("tr", () -> {
            h.el("td", Long.toString(c.index()), "class", "num");
            h.tag("td", () -> link("#col-" + c.index(), c.name()));
            h.el("td", p.text("column_type"), "class", "mono");
            h.el("td", c.schema() == null ? "" : c.schema().text("semantic_type"));
            h.el("td", Numbers.count(p.count("null_count")), "class", "num");
            h.el("td", (Boolean.FALSE.equals(p.bool("distinct_exact")) ? "\u2248" : "")
                + Numbers.count(p.count("distinct_count")), "class", "num");
            Double q = columnQuality(c);
            h.el("td", q == null ? "" : Numbers.percent(q), "class", "num" + (q == null ? "" : " " + scoreClass(q)));
            h.el("td", p.text("alerts"));
          });
        }
      });
    }, "class", "column-summary");
  }

  /** The column's overall score: quality_report's when there is one, else detect_schema's quality_score. */
  private static Double columnQuality(ColumnData c) {
    for (Score s : c.scores()) {
      if (s.dimension().equals("overall")) {
        return s.score();
      }
    }
    return c.schema() == null ? null : c.schema().number("quality_score");
  }

  // ---- validation

  private void validation() {
    h.tag("section", () -> {
      h.el("h2", "Validation");
      List<Check> checks = data.validation().checks();
      long failing = data.validation().failing();
      h.el("p", checks.size() + (checks.size() == 1 ? " check, " : " checks, ") + failing
          + (failing == 1 ? " with failures beyond its tolerance." : " with failures beyond their tolerance.")
          + " Every failing row is listed by SELECT * FROM validate('" + data.file().path() + "').");
      h.tag("table", () -> {
        h.tag("thead", () -> h.tag("tr", () -> {
          h.el("th", "Check");
          h.el("th", "Column");
          h.el("th", "Severity");
          h.el("th", "Checked", "class", "num");
          h.el("th", "Failed", "class", "num");
          h.el("th", "Failed %", "class", "num");
          h.el("th", "Status");
        }));
        h.tag("tbody", () -> {
          for (Check c : checks) {
            SqlRow s = c.summary();
            h.tag("tr", () -> {
              h.el("td", s.text("check_name"), "class", "mono");
              h.el("td", s.text("column_name"));
              h.el("td", s.text("severity"));
              h.el("td", Numbers.count(s.count("checked")), "class", "num");
              h.el("td", Numbers.count(s.count("failed")), "class", "num");
              h.el("td", Numbers.percentValue(s.number("failed_pct")), "class", "num");
              h.el("td", s.text("status"), "class", "status-" + s.text("status"));
            });
          }
        });
      }, "class", "checks");
      for (Check c : checks) {
        if (!c.examples().isEmpty()) {
          examples(c);
        }
      }
    }, "id", "validation");
  }

  private void examples(Check c) {
    SqlRow s = c.summary();
    long failed = s.count("failed");
    String title = "Failing rows: " + s.text("check_name") + (s.text("column_name") == null ? ""
        : " on " + s.text("column_name"));
    h.el("h4", title + " (first " + c.examples().size() + " of " + Numbers.count(failed) + ")");
    h.tag("table", () -> {
      h.tag("thead", () -> h.tag("tr", () -> {
        h.el("th", "Line", "class", "num");
        h.el("th", "Column");
        h.el("th", "Value");
        h.el("th", "Expected");
        h.el("th", "Message");
        h.el("th", "Suggestion");
      }));
      h.tag("tbody", () -> {
        for (SqlRow e : c.examples()) {
          h.tag("tr", () -> {
            h.el("td", e.text("line"), "class", "num");
            h.el("td", e.text("column_name"));
            h.el("td", e.text("value"), "class", "value-text");
            h.el("td", e.text("expected"));
            h.el("td", e.text("message"));
            h.el("td", e.text("suggestion"));
          });
        }
      });
    }, "class", "examples");
  }

  // ---- columns

  private void columns() {
    h.tag("section", () -> {
      h.el("h2", "Columns");
      for (ColumnData c : data.columns()) {
        column(c);
      }
    }, "id", "columns");
  }

  private void column(ColumnData c) {
    SqlRow p = c.profile();
    SqlRow d = c.schema();
    h.tag("section", () -> {
      h.tag("h3", () -> {
        h.el("span", "#" + c.index(), "class", "idx");
        h.text(c.name());
        h.el("span", p.text("column_type"), "class", "badge type", "title", "type as read");
        if (d != null && d.text("semantic_type") != null) {
          h.el("span", d.text("semantic_type"), "class", "badge semantic", "title",
              "semantic type, " + Numbers.percent(d.number("semantic_match")) + " of values match");
        }
      });
      h.tag("div", () -> {
        h.tag("div", () -> stats(p));
        h.tag("div", () -> {
          chart(c);
          columnAlerts(c);
          if (d != null) {
            detection(d);
          }
          columnScores(c);
        });
      }, "class", "col-grid");
    }, "class", "column", "id", "col-" + c.index(), "data-column", c.name());
  }

  private void columnAlerts(ColumnData c) {
    List<String[]> alerts = alerts(c);
    if (alerts.isEmpty()) {
      return;
    }
    h.el("h4", "Alerts");
    h.tag("ul", () -> {
      for (String[] a : alerts) {
        h.tag("li", () -> {
          h.el("span", a[0], "class", "badge alert");
          h.text(" " + a[1]);
        });
      }
    }, "class", "alerts");
  }

  /** quality_report's scores of the column, or (profile report) detect_schema's. */
  private void columnScores(ColumnData c) {
    SqlRow d = c.schema();
    List<Score> scores = c.scores();
    if (scores.isEmpty() && d != null && d.number("quality_score") != null) {
      scores = List.of(
          new Score("completeness", d.number("completeness"), "share of values present"),
          new Score("validity", d.number("validity"), "share of values valid for the type"),
          new Score("consistency", d.number("consistency"), "share of values in the column's usual form"),
          new Score("quality_score", d.number("quality_score"), "their weighted mean (detect_schema)"));
    }
    if (scores.isEmpty()) {
      return;
    }
    h.el("h4", "Quality");
    List<Score> shown = scores;
    h.tag("table", () -> h.tag("tbody", () -> {
      for (Score s : shown) {
        h.tag("tr", () -> {
          h.el("th", s.dimension(), "scope", "row");
          h.el("td", Numbers.percent(s.score()), "class", "num " + scoreClass(s.score()), "data-dimension",
              s.dimension(), "title", Double.toString(s.score()));
          h.el("td", s.detail());
        });
      }
    }), "class", "scores column-scores");
  }

  private void stats(SqlRow p) {
    Long rows = p.count("row_count");
    h.tag("table", () -> h.tag("tbody", () -> {
      for (String[] stat : STATS) {
        Object value = p.values().get(stat[0]);
        if (value == null) {
          continue;
        }
        h.tag("tr", () -> {
          h.el("th", stat[1], "scope", "row");
          boolean text = stat[0].equals("min_value") || stat[0].equals("max_value");
          h.tag("td", () -> {
            h.el("span", text ? value.toString() : format(value), "class", "v");
            aux(p, stat[0], rows);
          }, "class", text ? "value-text" : "num", "data-stat", stat[0]);
        });
      }
    }), "class", "stats");
  }

  /** The context after a statistic: a share of the rows, or whether it is exact. */
  private void aux(SqlRow p, String stat, Long rows) {
    String aux = switch (stat) {
      case "null_count", "zeros", "negatives", "outliers" -> rows == null || rows == 0
          || p.count(stat) == 0 ? null : "(" + Numbers.percent((double) p.count(stat) / rows) + ")";
      case "distinct_count" -> Boolean.FALSE.equals(p.bool("distinct_exact"))
          ? "(estimate, \u00b1" + Numbers.percent(p.number("distinct_error")) + ")" : "(exact)";
      case "q50" -> Boolean.FALSE.equals(p.bool("quantiles_exact")) ? "(estimate)" : null;
      default -> null;
    };
    if (aux != null) {
      h.el("span", aux, "class", "aux");
    }
  }

  private static String format(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Numbers.count(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return Numbers.measure(n.doubleValue());
    }
    return value.toString();
  }

  private void chart(ColumnData c) {
    SqlRow p = c.profile();
    String histogram = p.text("histogram");
    h.tag("figure", () -> {
      if (histogram != null && !histogram.isBlank()) {
        List<Charts.Bin> bins = Charts.bins(histogram);
        h.el("figcaption", "Histogram, " + bins.size() + " equal-width bins");
        Charts.histogram(h, c.name(), bins);
      } else {
        List<Charts.TopValue> top = Charts.topValues(p.text("top_values"));
        h.el("figcaption", "Most frequent values" + (Boolean.FALSE.equals(p.bool("top_values_exact"))
            ? " (estimated counts)" : ""));
        Charts.topValues(h, c.name(), top);
      }
    });
  }

  /** The column's alerts as (name, detail): profile's alert_details, split at each "name: ". */
  static List<String[]> alerts(ColumnData c) {
    List<String[]> out = new ArrayList<>();
    String details = c.profile().text("alert_details");
    if (details == null || details.isBlank()) {
      String names = c.profile().text("alerts");
      if (names != null && !names.isBlank()) {
        for (String n : names.split(",")) {
          out.add(new String[] {n.strip(), ""});
        }
      }
      return out;
    }
    for (String part : details.split("; (?=[a-z_]+\\+?: )")) {
      int colon = part.indexOf(": ");
      out.add(colon < 0 ? new String[] {part, ""} : new String[] {part.substring(0, colon), part.substring(colon + 2)});
    }
    return out;
  }

  private void detection(SqlRow d) {
    h.el("h4", "Detection");
    h.el("p", d.text("detection"), "class", "detection");
    String flags = d.text("flags");
    if (flags != null && !flags.isBlank()) {
      h.tag("p", () -> {
        h.text("Flags:");
        for (String f : flags.split(",")) {
          h.el("span", f.strip(), "class", "badge flag");
        }
      });
    }
    JsonNode candidates = json(d.text("candidates"));
    if (candidates.size() > 0) {
      h.tag("table", () -> {
        h.tag("thead", () -> h.tag("tr", () -> {
          h.el("th", "Candidate type");
          h.el("th", "Values that fit", "class", "num");
        }));
        h.tag("tbody", () -> {
          for (Map.Entry<String, JsonNode> e : candidates.properties()) {
            h.tag("tr", () -> {
              h.el("td", e.getKey(), "class", "mono");
              h.el("td", Numbers.percent(e.getValue().asDouble()), "class", "num");
            });
          }
        });
      }, "class", "candidates");
    }
    JsonNode counterexamples = json(d.text("counterexamples"));
    if (counterexamples.size() > 0) {
      h.tag("table", () -> {
        h.tag("thead", () -> h.tag("tr", () -> {
          h.el("th", "Counterexample");
          h.el("th", "Rules out");
          h.el("th", "Line", "class", "num");
        }));
        h.tag("tbody", () -> {
          for (JsonNode e : counterexamples) {
            h.tag("tr", () -> {
              h.el("td", e.path("value").asText(), "class", "value-text");
              h.el("td", e.path("type").asText(), "class", "mono");
              h.el("td", e.path("line").isMissingNode() ? "" : e.path("line").asText(), "class", "num");
            });
          }
        });
      }, "class", "counterexamples");
    }
  }

  private static JsonNode json(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createArrayNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createArrayNode(); // shown as nothing rather than failing the whole report
    }
  }

  // ---- footer

  private void footer() {
    ReportData.FileFacts f = data.file();
    ReportData.RunInfo run = data.run();
    h.tag("footer", () -> {
      h.el("h2", "Run");
      h.tag("dl", () -> {
        item("File", f.path());
        item("Format", f.info().text("format") + (f.info().text("encoding") == null ? ""
            : ", " + f.info().text("encoding")));
        item("Size", Numbers.count(f.info().count("size_bytes")) + " bytes");
        if (f.modified() != null) {
          item("Modified", WHEN.format(f.modified()));
        }
        if (f.sha256() != null) {
          item("SHA-256", f.sha256());
        }
        item("Read as", f.info().text("read_statement"));
        item("Command", run.command());
        for (Map.Entry<String, String> o : run.options().entrySet()) {
          item(o.getKey(), o.getValue());
        }
        item("dsap version", run.version());
        item("Generated", WHEN.format(run.generatedAt()));
      });
    }, "id", "run");
  }

  private void item(String term, String value) {
    if (value == null) {
      return;
    }
    h.el("dt", term);
    h.el("dd", value, "class", term.equals("SHA-256") || term.equals("Read as") ? "mono" : null);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
