package io.dsap.engine.registry;

/**
 * A registered schema, as {@code dsap.schemas} lists it.
 *
 * @param name the name
 * @param latestVersion its newest version
 * @param versions how many versions exist
 * @param updatedAt when the newest version was stored
 * @param deleted whether it was deleted (soft: its versions are kept and readable as name@n)
 */
public record SchemaEntry(String name, int latestVersion, int versions, String updatedAt, boolean deleted) {}
