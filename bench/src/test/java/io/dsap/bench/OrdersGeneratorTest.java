package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shape and determinism of the generated file; small N, no timing. */
class OrdersGeneratorTest {

    private static final int ROWS = 20_000;
    private static final Pattern VALID_EMAIL = Pattern.compile("[a-z]+\\.[a-z]+\\d+@[a-z]+\\.[a-z]+");
    private static final Set<String> STATUSES = Set.of(OrdersGenerator.STATUSES);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        for (boolean dirty : new boolean[] {false, true}) {
            Path a = dir.resolve("a-" + dirty + ".csv");
            Path b = dir.resolve("b-" + dirty + ".csv");
            new OrdersGenerator(ROWS, 7, dirty, true).writeTo(a);
            new OrdersGenerator(ROWS, 7, dirty, true).writeTo(b);
            assertArrayEquals(sha256(a), sha256(b), "dirty=" + dirty);
        }
    }

    @Test
    void otherSeedGivesOtherBytes() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        new OrdersGenerator(ROWS, 1, false).writeTo(a);
        new OrdersGenerator(ROWS, 2, false).writeTo(b);
        assertFalse(Arrays.equals(sha256(a), sha256(b)));
    }

    @Test
    void summaryCountsWhatWasWritten() throws Exception {
        Path a = dir.resolve("a.csv");
        OrdersGenerator.Summary s = new OrdersGenerator(ROWS, 3, false).writeTo(a);
        assertEquals(ROWS, s.rows());
        assertEquals(Files.size(a), s.bytes());
        for (Dirt d : Dirt.values()) {
            assertEquals(0, s.count(d), d.name());
        }
    }

    @Test
    void zeroRowsIsJustTheHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new OrdersGenerator(0, 1, true).writeTo(out);
        assertEquals(OrdersGenerator.HEADER + "\n", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void cleanFileParsesAndEveryValueIsValid() throws Exception {
        Path file = dir.resolve("orders.csv");
        new OrdersGenerator(ROWS, 42, false, true).writeTo(file);
        assertEquals(OrdersGenerator.HEADER, Files.readAllLines(file).get(0));

        List<CSVRecord> records = parse(file);
        assertEquals(ROWS, records.size());
        Set<String> seenStatus = new HashSet<>();
        int emptyNotes = 0, quotedNotes = 0, emptyShip = 0, multiline = 0;
        for (int i = 0; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            assertEquals(OrdersGenerator.COLUMNS, r.size(), "line " + r.getRecordNumber());
            assertEquals(i + 1, Long.parseLong(r.get("order_id")));
            assertTrue(VALID_EMAIL.matcher(r.get("customer_email")).matches(), r.get("customer_email"));
            LocalDate order = LocalDate.parse(r.get("order_date"));
            assertFalse(order.isBefore(OrdersGenerator.FIRST_ORDER_DATE));
            assertFalse(order.isAfter(OrdersGenerator.LAST_ORDER_DATE));
            String status = r.get("status");
            assertTrue(STATUSES.contains(status), status);
            seenStatus.add(status);
            if (r.get("ship_date").isEmpty()) {
                emptyShip++;
                assertTrue(Set.of("pending", "paid", "cancelled").contains(status), status);
            } else {
                assertTrue(LocalDate.parse(r.get("ship_date")).isAfter(order));
            }
            long q = Long.parseLong(r.get("quantity"));
            assertTrue(q >= 1 && q <= 50, "quantity " + q);
            assertTwoDecimals(r.get("unit_price"));
            double price = Double.parseDouble(r.get("unit_price"));
            assertTrue(price >= 0.5 && price <= 5000.0, "price " + price);
            assertTwoDecimals(r.get("discount"));
            double discount = Double.parseDouble(r.get("discount"));
            assertTrue(discount >= 0 && discount <= 0.5, "discount " + discount);
            assertTrue(r.get("country").matches("[A-Z]{2}"), r.get("country"));
            String notes = r.get("notes");
            if (notes.isEmpty()) {
                emptyNotes++;
            }
            if (notes.contains("\n")) {
                multiline++;
            }
            if (notes.contains(",") || notes.contains("\"")) {
                quotedNotes++;
            }
        }
        assertEquals(STATUSES, seenStatus);
        assertTrue(emptyNotes > ROWS / 4 && emptyNotes < ROWS / 2, "empty notes " + emptyNotes);
        assertTrue(quotedNotes > ROWS / 10, "notes with comma or quote " + quotedNotes);
        assertTrue(emptyShip > 0 && emptyShip < ROWS / 2, "empty ship dates " + emptyShip);
        assertTrue(multiline > 0, "multiline notes");
        // delivered is the most frequent status (skewed distribution)
        long delivered = records.stream().filter(r -> r.get("status").equals("delivered")).count();
        assertTrue(delivered > ROWS * 0.45 && delivered < ROWS * 0.6, "delivered " + delivered);
    }

    /** Every kind of dirt the summary reports can be found in the file, with the same count. */
    @Test
    void dirtyFileHasExactlyTheReportedDirt() throws Exception {
        Path file = dir.resolve("dirty.csv");
        OrdersGenerator.Summary s = new OrdersGenerator(ROWS, 42, true).writeTo(file);
        List<CSVRecord> records = parse(file);
        assertEquals(ROWS, records.size());

        long invalidEmail = 0, badDate = 0, negQty = 0, badPrice = 0, badStatus = 0, dupId = 0, shipBefore = 0, missing = 0;
        for (int i = 0; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            assertEquals(OrdersGenerator.COLUMNS, r.size());
            if (Long.parseLong(r.get("order_id")) != i + 1) {
                dupId++;
            }
            String email = r.get("customer_email");
            if (!email.isEmpty() && !VALID_EMAIL.matcher(email).matches()) {
                invalidEmail++;
            }
            LocalDate order = date(r.get("order_date"));
            LocalDate ship = date(r.get("ship_date"));
            if (order == BAD || ship == BAD) {
                badDate++;
            }
            if (order != null && ship != null && order != BAD && ship != BAD && ship.isBefore(order)) {
                shipBefore++;
            }
            String status = r.get("status");
            if (!status.isEmpty() && !STATUSES.contains(status)) {
                badStatus++;
            }
            if (!r.get("quantity").isEmpty() && Long.parseLong(r.get("quantity")) < 0) {
                negQty++;
            }
            if (!r.get("unit_price").isEmpty()) {
                double p = Double.parseDouble(r.get("unit_price"));
                if (p < 0.5 || p > 5000.0) {
                    badPrice++;
                }
            }
            for (String col : List.of("customer_email", "order_date", "status", "quantity", "unit_price", "country")) {
                if (r.get(col).isEmpty()) {
                    missing++;
                }
            }
        }
        assertEquals(s.count(Dirt.DUPLICATE_ID), dupId);
        assertEquals(s.count(Dirt.INVALID_EMAIL), invalidEmail);
        assertEquals(s.count(Dirt.BAD_DATE), badDate);
        assertEquals(s.count(Dirt.SHIP_BEFORE_ORDER), shipBefore);
        assertEquals(s.count(Dirt.UNKNOWN_STATUS), badStatus);
        assertEquals(s.count(Dirt.NEGATIVE_QUANTITY), negQty);
        assertEquals(s.count(Dirt.PRICE_OUT_OF_RANGE), badPrice);
        assertEquals(s.count(Dirt.MISSING_VALUE), missing);
        // rates are roughly what Dirt says (ship-before-order and bad dates only hit some rows)
        for (Dirt d : List.of(Dirt.INVALID_EMAIL, Dirt.NEGATIVE_QUANTITY, Dirt.PRICE_OUT_OF_RANGE,
                Dirt.UNKNOWN_STATUS, Dirt.DUPLICATE_ID, Dirt.MISSING_VALUE, Dirt.BAD_DATE)) {
            double expected = d.rate() * ROWS;
            assertTrue(s.count(d) > expected * 0.6 && s.count(d) < expected * 1.4, d + ": " + s.count(d));
        }
        assertTrue(s.count(Dirt.SHIP_BEFORE_ORDER) > 0);
    }

    private static final LocalDate BAD = LocalDate.MIN;

    /** null for empty, BAD for text that is not an ISO date. */
    private static LocalDate date(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return BAD;
        }
    }

    private static void assertTwoDecimals(String v) {
        assertTrue(v.matches("-?\\d+\\.\\d\\d"), v);
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            assertEquals(List.of(OrdersGenerator.HEADER.split(",")), parser.getHeaderNames());
            return new ArrayList<>(parser.getRecords());
        }
    }

    private static byte[] sha256(Path p) throws IOException, NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
    }
}
