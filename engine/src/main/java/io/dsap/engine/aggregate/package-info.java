/** Aggregation executed over primitive batch vectors: per-split hash states merged in file order. */
package io.dsap.engine.aggregate;
