package io.dsap.engine.format.xml;

import io.dsap.engine.error.Errors;
import io.dsap.engine.format.ColumnOverrides;
import io.dsap.engine.format.FormatOptions;
import io.dsap.engine.format.OptionSpec;
import java.util.List;

/**
 * What the user said about an XML file; null fields are detected.
 *
 * @param rowTag local name of the element that is one row, or null to detect
 * @param overrides the {@code types} and {@code all_varchar} options
 * @param sampleSize rows sampled for detection, -1 for all
 */
record XmlOptions(String rowTag, ColumnOverrides overrides, int sampleSize) {
  static final int DEFAULT_SAMPLE_SIZE = 20_480;

  static final List<OptionSpec> SPECS = List.of(
      OptionSpec.text("row_tag", "local name of the element that is one row, e.g. 'book' (default: the most"
          + " frequent repeated element nearest the root)"),
      OptionSpec.text("types", "column types, e.g. 'id:BIGINT,price:DECIMAL(18,2)' (default: detected)"),
      OptionSpec.bool("all_varchar", "read every column as VARCHAR (default false)"),
      OptionSpec.integer("sample_size", "rows sampled for type detection, -1 for all (default 20480)"));

  static XmlOptions of(FormatOptions o) {
    o.checkKnown("xml", SPECS, List.of());
    String tag = o.text("row_tag");
    if (tag != null) {
      tag = tag.trim();
      int colon = tag.indexOf(':');
      if (colon >= 0) {
        tag = tag.substring(colon + 1); // a prefix names a namespace; rows match by local name
      }
      if (tag.isEmpty() || tag.contains("/") || tag.contains(" ")) {
        throw Errors.invalidOption("row_tag", o.text("row_tag"), "an element name such as 'book' (no path, no"
            + " brackets)");
      }
    }
    Integer sample = o.integer("sample_size");
    if (sample != null && (sample == 0 || sample < -1)) {
      throw Errors.invalidOption("sample_size", sample, "a positive number of rows, or -1 for the whole file");
    }
    return new XmlOptions(tag, new ColumnOverrides(o.text("types"), o.bool("all_varchar")),
        sample == null ? DEFAULT_SAMPLE_SIZE : sample);
  }
}
