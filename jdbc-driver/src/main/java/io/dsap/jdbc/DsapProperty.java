package io.dsap.jdbc;

import java.util.Locale;
import java.util.Properties;

/** dsap's own connection properties (Calcite's and Avatica's are accepted too). */
public enum DsapProperty {
  ROOT("root", "Folder whose files are the tables (default: the path after jdbc:dsap:, else the working directory)"),
  OUTPUT_ROOT("output_root", "Folder that CREATE TABLE out.\"file\" AS SELECT writes to (default: <root>/out)"),
  DELIMITER("delimiter", "CSV field delimiter for every file, e.g. ';' or '\\t' (default: detected)"),
  QUOTE("quote", "CSV quote character, '' for none (default: detected)"),
  ESCAPE("escape", "CSV escape: the quote character for doubled quotes, or '\\' (default: detected)"),
  HEADER("header", "true if the first line holds column names (default: detected)"),
  SKIP("skip", "Lines to skip at the start of each file (default 0)"),
  TYPES("types", "Column types by name, e.g. 'zip:VARCHAR,amount:DECIMAL(18,2)' (default: detected)"),
  ALL_VARCHAR("all_varchar", "Read every column as VARCHAR (default false)"),
  NULLSTR("nullstr", "Text that means NULL besides an empty field, e.g. 'NA' (default: none)"),
  SAMPLE_SIZE("sample_size", "Rows sampled for type detection, -1 for all (default 20480)"),
  ENCODING("encoding", "Character set of text files, e.g. 'windows-1252' (default: detected)"),
  COMMENT("comment", "Character that starts a comment line in CSV files (default: '#' when a file starts with it)"),
  NULL_PADDING("null_padding", "Pad CSV rows with too few fields with NULLs instead of rejecting them (default false)"),
  REGISTRY("registry", "Folder of the schema registry and the quality history (default: <root>/.dsap/registry)"),
  METADATA_KEYS_MAX_BYTES("metadata_keys_max_bytes", "Files larger than this many bytes get no detected primary"
      + " or foreign keys in DatabaseMetaData (default 268435456 = 256 MB; 0 turns key detection off)"),
  CONFIG("config", "A dsap.yaml to read after the ones found in the working directory and the root (docs/configuration.md)"),
  READ_ONLY("read_only", "true: refuse writes (CREATE TABLE out.\"...\" AS, register_schema); the server sets it for read-only users"),
  PLAN_CACHE("plan_cache", "off: plan every query anew instead of reusing the plan of the same SQL text while its"
      + " files are unchanged (default on; -Ddsap.plan.cache=off for the whole JVM)");

  /** Default of {@link #METADATA_KEYS_MAX_BYTES}: keys need a scan, and a BI tool must never hang on a huge file. */
  public static final long DEFAULT_METADATA_KEYS_MAX_BYTES = 256L << 20;

  private final String key;
  private final String description;

  DsapProperty(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** Whether this property is a detection option handed to the formats (not a connection setting). */
  public boolean formatOption() {
    return this != ROOT && this != OUTPUT_ROOT && this != REGISTRY && this != METADATA_KEYS_MAX_BYTES
        && this != CONFIG && this != READ_ONLY
        && this != PLAN_CACHE;
  }

  /** The value in {@code props}, matching the key case-insensitively; null when absent. */
  public String get(Properties props) {
    for (String name : props.stringPropertyNames()) {
      if (name.toLowerCase(Locale.ROOT).equals(key)) {
        return props.getProperty(name);
      }
    }
    return null;
  }
}
