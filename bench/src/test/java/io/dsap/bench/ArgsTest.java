package io.dsap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void parsesCountsWithSuffixesAndSeparators() {
        assertEquals(10_000_000L, Args.parseCount("10000000"));
        assertEquals(10_000_000L, Args.parseCount("10_000_000"));
        assertEquals(10_000_000L, Args.parseCount("10,000,000"));
        assertEquals(10_000_000L, Args.parseCount("10M"));
        assertEquals(500_000L, Args.parseCount("500k"));
    }
}
