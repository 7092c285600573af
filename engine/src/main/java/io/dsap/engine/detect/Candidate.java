package io.dsap.engine.detect;

/**
 * A type a column could have and the share of its non-null values that fit it.
 *
 * @param type a SQL type ({@code INTEGER}, {@code DATE(dd/MM/yyyy)}) or a semantic type ({@code email})
 * @param share fitting values / non-null values, 0..1
 */
public record Candidate(String type, double share) {}
