package io.dsap.engine.csv;

/**
 * Counts of one scan. Every record read is either returned or rejected:
 * {@code recordsRead == rowsReturned + rowsRejected}.
 */
public record ScanStats(long recordsRead, long rowsReturned, long rowsRejected) {}
