package io.dsap.udfs.functions;

import io.dsap.engine.format.FormatReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every dsap SQL function with its kind, signature, one-line description and an example: the one
 * source for {@code dsap.functions} and the function lists the driver reports to BI tools.
 * A function registered on the {@code files} schema without an entry here fails a test.
 */
public final class FunctionCatalog {
  /** What a function returns. */
  public enum Kind {
    SCALAR, AGGREGATE, TABLE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The JDBC function list ({@code getStringFunctions}, ...) a function is reported in. */
  public enum Group { STRING, NUMERIC, TIME_DATE, SYSTEM }

  /** One function. {@code signature} marks optional arguments with brackets. */
  public record Entry(String name, Kind kind, String signature, String description, String example, Group group) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    // table functions (registered in io.dsap.udfs, .validate and .profile)
    table("read_csv", "read_csv(path, ...)", "A CSV/TSV file as a table; options (delimiter, header, types, ...) as"
        + " named arguments override detection", "SELECT * FROM read_csv('orders.csv', header => true) LIMIT 3");
    table("read_json", "read_json(path, ...)", "A JSON array or NDJSON file as a table; nested fields flattened",
        "SELECT * FROM read_json('events.ndjson') LIMIT 3");
    table("read_xml", "read_xml(path, ...)", "An XML file as a table, one row per repeated element (row_tag)",
        "SELECT * FROM read_xml('products.xml') LIMIT 3");
    table("read_excel", "read_excel(path, ...)", "A sheet of an .xlsx/.xls workbook as a table (sheet, range, header)",
        "SELECT * FROM read_excel('targets.xlsx') LIMIT 3");
    table("read_parquet", "read_parquet(path, ...)", "A Parquet file as a table, types from its schema",
        "SELECT * FROM read_parquet('products.parquet') LIMIT 3");
    table("read_arrow", "read_arrow(path)", "An Arrow IPC file (file or stream format) as a table",
        "SELECT * FROM read_arrow('measurements.arrows')");
    table("read_file", "read_file(path, ...)", "Any supported file as a table, the format detected (or format =>)",
        "SELECT * FROM read_file('orders.csv') LIMIT 3");
    table("file_info", "file_info(path)", "What detection found in a file: format, dialect, encoding, columns, rows,"
        + " rejects, and a read statement that reproduces it", "SELECT * FROM file_info('orders.csv')");
    table("rejects", "rejects(path)", "Rows that could not be read, with line, byte offset, raw text and reason",
        "SELECT * FROM rejects('orders.csv')");
    table("validate", "validate(path [, schema] [, rules])", "Every problem in a file, one row each: parse errors"
        + " and failed checks of a schema or rules", "SELECT * FROM validate('orders.csv')");
    table("validation_summary", "validation_summary(path [, schema] [, rules])", "One row per check: rows checked,"
        + " failed, status", "SELECT * FROM validation_summary('orders.csv')");
    table("suggest_rules", "suggest_rules(path)", "Rules that the data satisfies, written in the rule language",
        "SELECT * FROM suggest_rules('orders.csv')");
    table("register_schema", "register_schema(name, source)", "Stores a schema (file or text) as a new version in"
        + " the registry", "SELECT version, compatibility FROM register_schema('orders', 'orders.csv')");
    table("schema_diff", "schema_diff(a, b)", "Added, removed and retyped columns between two schemas, with"
        + " compatibility", "SELECT * FROM schema_diff('orders.csv', 'customers.csv')");
    table("profile", "profile(path)", "Statistics and alerts per column: counts, min/max, moments, quantiles, top"
        + " values, histogram", "SELECT * FROM profile('orders.csv')");
    table("detect_schema", "detect_schema(path [, sample_size])", "Per column: detected type and semantic type,"
        + " why, how sure, and quality scores", "SELECT * FROM detect_schema('customers.csv')");
    table("quality_report", "quality_report(path [, schema] [, weights =>])", "Completeness, validity, consistency, uniqueness and"
        + " overall score, per column and for the table", "SELECT * FROM quality_report('orders.csv')");
    table("detect_keys", "detect_keys(path)", "Primary-key and composite-key candidates",
        "SELECT * FROM detect_keys('orders.csv')");
    table("detect_relationships", "detect_relationships(dir [, min_coverage])",
        "Foreign-key candidates between the files of a folder, with coverage",
        "SELECT * FROM detect_relationships('.')");
    table("clean", "clean(path, ...)", "The file's rows cleaned: missing values, outliers, type repair, scaling,"
        + " binning, encoding, derived columns", "SELECT * FROM clean('orders.csv', missing => 'median')");
    table("transform_report", "transform_report(path, ...)", "What clean() changes per column and step, and the"
        + " quality score before and after", "SELECT * FROM transform_report('orders.csv', missing => 'median')");
    table("correlations", "correlations(path [, sample_rows])", "Pairwise correlation of numeric columns",
        "SELECT * FROM correlations('orders.csv')");

    // scalar functions (this package)
    scalar("is_email", "is_email(s)", "True when s is an email address (the check detect_schema uses)",
        "SELECT is_email('jane.doe@example.com')", Group.STRING);
    scalar("is_url", "is_url(s)", "True when s is an http, https or ftp URL", "SELECT is_url('https://dsap.io/docs')",
        Group.STRING);
    scalar("is_uuid", "is_uuid(s)", "True when s is a UUID (8-4-4-4-12 hex digits)",
        "SELECT is_uuid('123e4567-e89b-12d3-a456-426614174000')", Group.STRING);
    scalar("is_phone", "is_phone(s)", "True when s looks like a phone number (7+ digits, + or separators)",
        "SELECT is_phone('+1 555-123-4567')", Group.STRING);
    scalar("is_ip", "is_ip(s)", "True when s is an IPv4 or IPv6 address", "SELECT is_ip('192.168.0.1')", Group.STRING);
    scalar("matches_format", "matches_format(s, format)", "True when s is of the named format: email, url, uuid,"
        + " phone, ip, ipv4, ipv6, postal_code, currency, percentage, boolean_like, country_code, json, date_text",
        "SELECT matches_format('DE', 'country_code')", Group.STRING);
    scalar("try_int", "try_int(s)", "s as INTEGER, or NULL when it is not one", "SELECT try_int(' 42 ')", Group.NUMERIC);
    scalar("try_bigint", "try_bigint(s)", "s as BIGINT, or NULL when it is not one",
        "SELECT try_bigint('9007199254740993')", Group.NUMERIC);
    scalar("try_double", "try_double(s)", "s as DOUBLE, or NULL when it is not one", "SELECT try_double('1.5e3')",
        Group.NUMERIC);
    scalar("try_decimal", "try_decimal(s, p, s)", "s as DECIMAL(p, s), rounded half-up, or NULL when it is not a"
        + " number or does not fit", "SELECT try_decimal('12.345', 5, 2)", Group.NUMERIC);
    scalar("try_date", "try_date(s [, fmt])", "s as DATE (detection's layouts, or the pattern fmt), or NULL",
        "SELECT try_date('31/12/2024')", Group.TIME_DATE);
    scalar("try_timestamp", "try_timestamp(s [, fmt])", "s as TIMESTAMP (offsets converted to UTC), or NULL",
        "SELECT try_timestamp('2024-12-31T23:59:00Z')", Group.TIME_DATE);
    scalar("parse_number", "parse_number(s)", "A number as people write it: 1,234.50, $12, 12% (0.12), 1.234,50 €,"
        + " (7); NULL when it is not one", "SELECT parse_number('1.234,50 EUR')", Group.NUMERIC);
    scalar("clean_text", "clean_text(s)", "Unicode NFKC, invisible characters removed, whitespace runs made one space,"
        + " trimmed", "SELECT clean_text('  Caf\u00e9\u00a0 au   lait ')", Group.STRING);
    scalar("normalize_category", "normalize_category(s)", "A label in one spelling: cleaned, accents removed,"
        + " lower case, spaces/_/- made one space", "SELECT normalize_category(' In_Progress ')", Group.STRING);
    scalar("mask", "mask(s)", "Letters and digits replaced by *, the last four kept when there are eight or more",
        "SELECT mask('4111-1111-1111-1111')", Group.STRING);
    scalar("mask_email", "mask_email(s)", "First character of the local part, ***, and the domain",
        "SELECT mask_email('jane.doe@example.com')", Group.STRING);
    scalar("sha256", "sha256(s)", "SHA-256 of the UTF-8 text as 64 lower-case hex digits", "SELECT sha256('abc')",
        Group.STRING);
    scalar("levenshtein", "levenshtein(a, b)", "Edit distance: single-character inserts, deletes and replacements"
        + " from a to b", "SELECT levenshtein('kitten', 'sitting')", Group.STRING);

    // aggregate functions (this package)
    aggregate("median", "median(x)", "Middle value (mean of the two middle ones); exact up to 100,000 values per"
        + " group, then KLL (rank error ~1.3%)", "SELECT median(quantity) FROM orders");
    aggregate("quantile", "quantile(x, q)", "The q-quantile, 0 <= q <= 1, interpolated linearly; exact up to 100,000"
        + " values per group, then KLL", "SELECT quantile(unit_price, 0.9) FROM orders");
    aggregate("iqr", "iqr(x)", "Interquartile range: 0.75-quantile minus 0.25-quantile",
        "SELECT iqr(unit_price) FROM orders");
    aggregate("mad", "mad(x)", "Median absolute deviation: median(|x - median(x)|), unscaled",
        "SELECT mad(unit_price) FROM orders");
    aggregate("mode", "mode(x)", "Most frequent non-null value; the smallest of tied values",
        "SELECT mode(status) FROM orders");
    aggregate("approx_distinct", "approx_distinct(x)", "Distinct non-null values, estimated with HyperLogLog"
        + " (lgK 12, ~1.6% standard error)", "SELECT approx_distinct(customer_id) FROM orders");
    aggregate("skewness", "skewness(x)", "Population skewness (as profile reports it)",
        "SELECT skewness(quantity) FROM orders");
    aggregate("kurtosis", "kurtosis(x)", "Excess kurtosis, 0 for a normal distribution (as profile reports it)",
        "SELECT kurtosis(quantity) FROM orders");
    aggregate("entropy", "entropy(x)", "Shannon entropy of the values' distribution, in bits",
        "SELECT entropy(status) FROM orders");
    aggregate("completeness", "completeness(x)", "Share of rows where x is neither NULL nor empty text",
        "SELECT completeness(notes) FROM orders");
  }

  private FunctionCatalog() {}

  private static void table(String name, String signature, String description, String example) {
    add(new Entry(name, Kind.TABLE, signature, description, example, Group.SYSTEM));
  }

  private static void scalar(String name, String signature, String description, String example, Group group) {
    add(new Entry(name, Kind.SCALAR, signature, description, example, group));
  }

  private static void aggregate(String name, String signature, String description, String example) {
    add(new Entry(name, Kind.AGGREGATE, signature, description, example, Group.NUMERIC));
  }

  private static void add(Entry e) {
    if (ENTRIES.putIfAbsent(e.name(), e) != null) {
      throw new IllegalStateException("function " + e.name() + " is listed twice");
    }
  }

  /** The entry of {@code name} (any case), or null. */
  public static Entry get(String name) {
    return ENTRIES.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Every function, in catalogue order, plus a {@code read_<name>} entry for each format in
   * {@code formats} that has none (a format added by a plugin jar).
   */
  public static List<Entry> entries(List<FormatReader> formats) {
    List<Entry> out = new ArrayList<>(ENTRIES.values());
    for (FormatReader f : formats) {
      String name = "read_" + f.name();
      if (!ENTRIES.containsKey(name)) {
        out.add(new Entry(name, Kind.TABLE, name + "(path, ...)", "A " + f.name() + " file as a table (format from"
            + " a plugin)", "SELECT * FROM " + name + "('file." + f.extensions().stream().findFirst().orElse(f.name())
            + "')", Group.SYSTEM));
      }
    }
    return out;
  }

  /** Comma-separated names of one JDBC group, as {@code DatabaseMetaData.getStringFunctions} reports them. */
  public static String names(Group group, List<FormatReader> formats) {
    return String.join(",", entries(formats).stream().filter(e -> e.group() == group).map(Entry::name).toList());
  }
}
