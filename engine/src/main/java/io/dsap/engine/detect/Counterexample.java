package io.dsap.engine.detect;

/**
 * A value that ruled a type out.
 *
 * @param candidate the type it does not fit ({@code INTEGER}, {@code email})
 * @param value the value as written (at most 100 characters)
 * @param line the 1-based line of the file where its record starts
 */
public record Counterexample(String candidate, String value, long line) {}
