/**
 * dsap's scalar and aggregate SQL functions ({@code is_email}, {@code try_date}, {@code median} ...)
 * and {@link io.dsap.udfs.functions.FunctionCatalog}, the one list of every dsap function with its
 * signature, description and example, which feeds {@code dsap.functions} and the driver metadata.
 */
package io.dsap.udfs.functions;
