package io.dsap.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a deterministic, orders-like CSV file: the same (rows, seed, dirty, multiline) always
 * gives byte-identical output, on any JDK.
 *
 * <pre>order_id,customer_email,order_date,ship_date,status,quantity,unit_price,discount,country,notes</pre>
 *
 * <ul>
 *   <li>order_id: 1, 2, 3, ... (row number)</li>
 *   <li>customer_email: {@code first.last<customer>@domain}, about rows/4 distinct customers</li>
 *   <li>order_date: ISO yyyy-MM-dd in 2022-01-01 .. 2025-12-31</li>
 *   <li>ship_date: empty for pending and cancelled orders and for 70% of paid ones; otherwise
 *       order_date + 1..14 days</li>
 *   <li>status: pending 8%, paid 12%, shipped 15%, delivered 52%, cancelled 8%, returned 5%</li>
 *   <li>quantity: integer 1..50, mostly 1..3</li>
 *   <li>unit_price: 0.50 .. 5000.00, two decimals, mostly below 50</li>
 *   <li>discount: 0.00 (60%) or 0.00 .. 0.50, two decimals</li>
 *   <li>country: 19 two-letter codes, US 28%, DE 10%, GB 9%, ...</li>
 *   <li>notes: empty (40%) or free text with commas and double quotes, quoted as RFC 4180 says;
 *       with {@code multiline}, 0.1% of rows get a line break inside the quoted note</li>
 * </ul>
 *
 * Lines end with LF. With {@code dirty}, rows get the errors listed in {@link Dirt} at its rates.
 * Throughput: about 10 M rows (1.2 GB) in a few seconds; bytes are built in one large buffer
 * ({@link ByteSink}), without String formatting per row.
 */
public final class OrdersGenerator {

    public static final String HEADER =
            "order_id,customer_email,order_date,ship_date,status,quantity,unit_price,discount,country,notes";
    public static final int COLUMNS = 10;
    public static final long DEFAULT_SEED = 42L;
    public static final LocalDate FIRST_ORDER_DATE = LocalDate.of(2022, 1, 1);
    public static final LocalDate LAST_ORDER_DATE = LocalDate.of(2025, 12, 31);

    /** The six valid statuses, in the order used by {@link #STATUS_CUMULATIVE}. */
    public static final String[] STATUSES = {"pending", "paid", "shipped", "delivered", "cancelled", "returned"};
    /** Cumulative per-10,000 thresholds: pending 8%, paid 12%, shipped 15%, delivered 52%, cancelled 8%, returned 5%. */
    private static final int[] STATUS_CUMULATIVE = {800, 2000, 3500, 8700, 9500, 10000};
    private static final int PENDING = 0, PAID = 1, CANCELLED = 4;

    private static final String[] COUNTRIES = {
        "US", "DE", "GB", "FR", "CA", "IT", "ES", "NL", "AU", "JP", "BR", "IN", "SE", "PL", "BE", "CH", "AT", "DK", "IE"};
    private static final int[] COUNTRY_WEIGHTS = {28, 10, 9, 8, 6, 5, 5, 4, 4, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1};

    private static final String[] FIRST_NAMES = {
        "olivia", "liam", "emma", "noah", "ava", "oliver", "sophia", "elijah", "mia", "james",
        "amelia", "lucas", "harper", "mateo", "evelyn", "levi", "aria", "sebastian", "luna", "jack",
        "chloe", "ben", "zoe", "leo", "nora", "max", "ella", "finn", "ida", "jonas",
        "lea", "paul", "marie", "felix", "anna", "emil", "sara", "henri", "julia", "omar"};
    private static final String[] LAST_NAMES = {
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "muller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "schulz", "hoffmann",
        "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy", "moreau",
        "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo", "ricci", "marino", "greco"};
    private static final String[] DOMAINS = {
        "example.com", "example.org", "example.net", "mail.example", "shop.example", "post.example"};

    private static final String[] NOTE_PHRASES = {
        "Leave at the front door",
        "Call before delivery, please",
        "Gift wrap",
        "Customer says \"urgent\"",
        "Fragile, handle with care",
        "Deliver after 5pm",
        "Back door, code 1234",
        "Use \"Express\" shipping",
        "No signature required",
        "Ring twice, then wait",
        "Invoice to company address",
        "Damaged box on last order",
        "Size \"M\", colour blue",
        "Do not bend",
        "Reorder of 1042",
        "Call 555-0100, ask for Sam",
        "Wrapped as \"birthday\" gift, no price tag",
        "Left with neighbour",
        "Customer prefers email",
        "Check address: \"Flat 2\""};

    private static final String[] BAD_DATES = {
        "2024-13-45", "31/12/2024", "2024-02-30", "12/31/2024", "2024/06/15", "20240615", "not a date", "2023-00-10"};
    private static final String[] UNKNOWN_STATUSES = {"SHIPPED", "unknown", "in_transit", "refunded", "Paid", "deliverd"};

    // missing-value targets
    private static final int M_EMAIL = 0, M_ORDER_DATE = 1, M_STATUS = 2, M_QUANTITY = 3, M_PRICE = 4, M_COUNTRY = 5;
    private static final int MISSING_TARGETS = 6;

    /** Dates are looked up, not formatted: index = days since FIRST_ORDER_DATE + DATE_OFFSET. */
    private static final int DATE_OFFSET = 31;
    private static final int ORDER_DAYS = (int) (LAST_ORDER_DATE.toEpochDay() - FIRST_ORDER_DATE.toEpochDay()) + 1;
    private static final byte[][] DATES = dateTable();

    private static final byte[][] STATUS_BYTES = ascii(STATUSES);
    private static final byte[][] UNKNOWN_STATUS_BYTES = ascii(UNKNOWN_STATUSES);
    private static final byte[][] BAD_DATE_BYTES = ascii(BAD_DATES);
    private static final byte[][] FIRST_BYTES = ascii(FIRST_NAMES);
    private static final byte[][] LAST_BYTES = ascii(LAST_NAMES);
    private static final byte[][] DOMAIN_BYTES = ascii(DOMAINS);
    private static final byte[][] COUNTRY_BY_PERCENT = countryTable();
    private static final byte[][] NOTES_SINGLE = notes(false, "");
    private static final byte[][] NOTES_PAIR = notes(true, "; ");
    private static final byte[][] NOTES_MULTILINE = notes(true, "\n");
    private static final byte[] HEADER_LINE = (HEADER + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NA = "n/a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AT = {'@'};
    private static final byte[] AT_AT = {'@', '@'};
    private static final byte[] ZERO_POINT = {'0', '.'};

    private final long rows;
    private final long seed;
    private final boolean dirty;
    private final boolean multiline;

    public OrdersGenerator(long rows, long seed, boolean dirty) {
        this(rows, seed, dirty, false);
    }

    /**
     * @param rows      data rows to write (the header is extra)
     * @param seed      same seed, same bytes
     * @param dirty     inject the errors of {@link Dirt} at their rates
     * @param multiline put a line break inside 0.1% of the (quoted) notes
     */
    public OrdersGenerator(long rows, long seed, boolean dirty, boolean multiline) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0: " + rows);
        }
        this.rows = rows;
        this.seed = seed;
        this.dirty = dirty;
        this.multiline = multiline;
    }

    /** What was written: rows, bytes and, per kind of dirt, how many rows got it. */
    public record Summary(long rows, long bytes, Map<Dirt, Long> dirtCounts) {
        public long count(Dirt kind) {
            return dirtCounts.getOrDefault(kind, 0L);
        }
    }

    /**
     * Writes the file atomically: to a temporary sibling first, then renamed over {@code out},
     * so a reader never sees a half-written file. Parent folders are created.
     */
    public Summary writeTo(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Summary s;
            try (OutputStream os = new FileOutputStream(tmp.toFile())) {
                s = writeTo(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the CSV to {@code os} (which is flushed, not closed). */
    public Summary writeTo(OutputStream os) throws IOException {
        long[] counts = new long[Dirt.values().length];
        SplitMix64 rnd = new SplitMix64(seed);
        int customers = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, rows / 4));
        ByteSink out = new ByteSink(os, 1 << 20);
        out.put(HEADER_LINE);
        double[] rates = new double[Dirt.values().length];
        for (Dirt d : Dirt.values()) {
            rates[d.ordinal()] = d.rate();
        }
        boolean[] hit = new boolean[rates.length];

        for (long i = 0; i < rows; i++) {
            // 1. decide this row's dirt first, in a fixed order (same draws for the same seed)
            int missing = -1;
            if (dirty) {
                for (int k = 0; k < rates.length; k++) {
                    hit[k] = rnd.chance(rates[k]);
                }
                if (hit[Dirt.MISSING_VALUE.ordinal()]) {
                    missing = rnd.nextInt(MISSING_TARGETS);
                    counts[Dirt.MISSING_VALUE.ordinal()]++;
                }
            }

            // 2. the clean values
            long id = i + 1;
            int customer = rnd.nextInt(customers);
            int orderDay = rnd.nextInt(ORDER_DAYS);
            int status = pickStatus(rnd.nextInt(10_000));
            boolean shipped = status != PENDING && status != CANCELLED && (status != PAID || rnd.chance(0.3));
            int shipDay = shipped ? orderDay + 1 + rnd.nextInt(14) : 0;
            long quantity = quantity(rnd);
            long priceCents = priceCents(rnd);
            int discountCents = rnd.chance(0.6) ? 0 : rnd.nextInt(51);
            byte[] country = COUNTRY_BY_PERCENT[rnd.nextInt(100)];
            byte[] note = note(rnd);

            // 3. apply the dirt
            byte[] badOrderDate = null, badShipDate = null, unknownStatus = null;
            int emailKind = -1;
            if (dirty) {
                if (hit[Dirt.DUPLICATE_ID.ordinal()] && i > 0) {
                    id = 1 + Long.remainderUnsigned(rnd.nextLong(), i);
                    counts[Dirt.DUPLICATE_ID.ordinal()]++;
                }
                if (hit[Dirt.INVALID_EMAIL.ordinal()] && missing != M_EMAIL) {
                    emailKind = rnd.nextInt(5);
                    counts[Dirt.INVALID_EMAIL.ordinal()]++;
                }
                if (hit[Dirt.BAD_DATE.ordinal()]) {
                    boolean onShip = shipped && (missing == M_ORDER_DATE || rnd.nextInt(2) == 1);
                    byte[] bad = BAD_DATE_BYTES[rnd.nextInt(BAD_DATE_BYTES.length)];
                    if (onShip) {
                        badShipDate = bad;
                        counts[Dirt.BAD_DATE.ordinal()]++;
                    } else if (missing != M_ORDER_DATE) {
                        badOrderDate = bad;
                        counts[Dirt.BAD_DATE.ordinal()]++;
                    }
                }
                if (hit[Dirt.SHIP_BEFORE_ORDER.ordinal()] && shipped && missing != M_ORDER_DATE
                        && badOrderDate == null && badShipDate == null) {
                    shipDay = orderDay - 1 - rnd.nextInt(30);
                    counts[Dirt.SHIP_BEFORE_ORDER.ordinal()]++;
                }
                if (hit[Dirt.NEGATIVE_QUANTITY.ordinal()] && missing != M_QUANTITY) {
                    quantity = -1 - rnd.nextInt(10);
                    counts[Dirt.NEGATIVE_QUANTITY.ordinal()]++;
                }
                if (hit[Dirt.PRICE_OUT_OF_RANGE.ordinal()] && missing != M_PRICE) {
                    priceCents = rnd.nextInt(2) == 0
                            ? -1 - rnd.nextInt(99_999)              // -0.01 .. -999.99
                            : 1_000_000 + rnd.nextInt(99_000_000);  // 10000.00 .. 999999.99
                    counts[Dirt.PRICE_OUT_OF_RANGE.ordinal()]++;
                }
                if (hit[Dirt.UNKNOWN_STATUS.ordinal()] && missing != M_STATUS) {
                    unknownStatus = UNKNOWN_STATUS_BYTES[rnd.nextInt(UNKNOWN_STATUS_BYTES.length)];
                    counts[Dirt.UNKNOWN_STATUS.ordinal()]++;
                }
            }

            // 4. write the row
            out.putLong(id);
            out.put((byte) ',');
            if (missing != M_EMAIL) {
                writeEmail(out, customer, emailKind);
            }
            out.put((byte) ',');
            if (missing != M_ORDER_DATE) {
                out.put(badOrderDate != null ? badOrderDate : DATES[orderDay + DATE_OFFSET]);
            }
            out.put((byte) ',');
            if (badShipDate != null) {
                out.put(badShipDate);
            } else if (shipped) {
                out.put(DATES[shipDay + DATE_OFFSET]);
            }
            out.put((byte) ',');
            if (missing != M_STATUS) {
                out.put(unknownStatus != null ? unknownStatus : STATUS_BYTES[status]);
            }
            out.put((byte) ',');
            if (missing != M_QUANTITY) {
                out.putLong(quantity);
            }
            out.put((byte) ',');
            if (missing != M_PRICE) {
                out.putFixed2(priceCents);
            }
            out.put((byte) ',');
            out.put(ZERO_POINT);
            out.put((byte) ('0' + discountCents / 10));
            out.put((byte) ('0' + discountCents % 10));
            out.put((byte) ',');
            if (missing != M_COUNTRY) {
                out.put(country);
            }
            out.put((byte) ',');
            out.put(note);
            out.put((byte) '\n');
        }
        out.flush();

        Map<Dirt, Long> byKind = new EnumMap<>(Dirt.class);
        for (Dirt d : Dirt.values()) {
            byKind.put(d, counts[d.ordinal()]);
        }
        return new Summary(rows, out.bytesWritten(), byKind);
    }

    private static int pickStatus(int r) {
        int s = 0;
        while (r >= STATUS_CUMULATIVE[s]) {
            s++;
        }
        return s;
    }

    private static long quantity(SplitMix64 rnd) {
        int r = rnd.nextInt(100);
        if (r < 40) return 1;
        if (r < 65) return 2;
        if (r < 80) return 3;
        if (r < 88) return 4;
        if (r < 93) return 5;
        return 6 + rnd.nextInt(45);
    }

    /** 0.50 .. 5000.00, log-like: half below 50. */
    private static long priceCents(SplitMix64 rnd) {
        int r = rnd.nextInt(100);
        if (r < 50) return 50 + rnd.nextInt(4_950);
        if (r < 85) return 5_000 + rnd.nextInt(25_000);
        if (r < 97) return 30_000 + rnd.nextInt(70_000);
        return 100_000 + rnd.nextInt(400_001);
    }

    private byte[] note(SplitMix64 rnd) {
        int r = rnd.nextInt(100);
        if (r < 40) {
            return NOTES_SINGLE[0]; // empty
        }
        int n = NOTE_PHRASES.length;
        if (multiline && rnd.chance(0.001)) {
            return NOTES_MULTILINE[rnd.nextInt(n * n)];
        }
        if (r < 85) {
            return NOTES_SINGLE[1 + rnd.nextInt(n)];
        }
        return NOTES_PAIR[rnd.nextInt(n * n)];
    }

    /** {@code first.last<customer>@domain}; kind >= 0 writes one of five invalid forms. */
    private static void writeEmail(ByteSink out, int customer, int kind) throws IOException {
        if (kind == 4) {
            out.put(NA);
            return;
        }
        int f = FIRST_BYTES.length, l = LAST_BYTES.length;
        out.put(FIRST_BYTES[customer % f]);
        out.put(kind == 2 ? (byte) ' ' : (byte) '.');
        out.put(LAST_BYTES[(customer / f) % l]);
        out.putLong(customer);
        switch (kind) {
            case 0 -> out.put(DOMAIN_BYTES[(customer / (f * l)) % DOMAIN_BYTES.length]); // no '@'
            case 1 -> {
                out.put(AT_AT);
                out.put(DOMAIN_BYTES[(customer / (f * l)) % DOMAIN_BYTES.length]);
            }
            case 3 -> out.put(AT); // no domain
            default -> {
                out.put(AT);
                out.put(DOMAIN_BYTES[(customer / (f * l)) % DOMAIN_BYTES.length]);
            }
        }
    }

    // ---- lookup tables ----

    private static byte[][] dateTable() {
        int n = DATE_OFFSET + ORDER_DAYS + 16;
        byte[][] t = new byte[n][];
        LocalDate d = FIRST_ORDER_DATE.minusDays(DATE_OFFSET);
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            t[i] = d.toString().getBytes(StandardCharsets.US_ASCII); // ISO yyyy-MM-dd
        }
        return t;
    }

    private static byte[][] countryTable() {
        byte[][] t = new byte[100][];
        int k = 0;
        for (int c = 0; c < COUNTRIES.length; c++) {
            for (int w = 0; w < COUNTRY_WEIGHTS[c]; w++) {
                t[k++] = COUNTRIES[c].getBytes(StandardCharsets.US_ASCII);
            }
        }
        if (k != 100) {
            throw new AssertionError("country weights must add up to 100: " + k);
        }
        return t;
    }

    /** Singles: index 0 is the empty note, 1..n the phrases. Pairs: n*n joined by {@code sep}. */
    private static byte[][] notes(boolean pairs, String sep) {
        int n = NOTE_PHRASES.length;
        if (!pairs) {
            byte[][] t = new byte[n + 1][];
            t[0] = new byte[0];
            for (int i = 0; i < n; i++) {
                t[i + 1] = csvField(NOTE_PHRASES[i]);
            }
            return t;
        }
        byte[][] t = new byte[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i * n + j] = csvField(NOTE_PHRASES[i] + sep + NOTE_PHRASES[j]);
            }
        }
        return t;
    }

    /** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
    static byte[] csvField(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        String v = quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
        return v.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] ascii(String[] values) {
        return Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }

    // ---- command line ----

    /**
     * {@code OrdersGenerator [--rows N] [--seed S] [--out FILE] [--dirty] [--multiline]};
     * defaults: 10,000,000 rows, seed 42, bench/data/orders.csv, clean.
     */
    public static void main(String[] args) throws IOException {
        long rows = 10_000_000L;
        long seed = DEFAULT_SEED;
        Path out = Path.of("bench", "data", "orders.csv");
        boolean dirty = false, multiline = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Args.parseCount(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--dirty" -> dirty = true;
                case "--multiline" -> multiline = true;
                case "-h", "--help" -> {
                    System.out.println("usage: OrdersGenerator [--rows N] [--seed S] [--out FILE] [--dirty] [--multiline]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        Summary s = new OrdersGenerator(rows, seed, dirty, multiline).writeTo(out);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("wrote %s: %,d rows, %,d bytes in %.2f s (%.0f MB/s)%n",
                out, s.rows(), s.bytes(), secs, s.bytes() / 1e6 / secs);
        if (dirty) {
            s.dirtCounts().forEach((k, v) -> System.out.printf("  %-20s %,d rows (rate %.3f)%n", k, v, k.rate()));
        }
    }
}
