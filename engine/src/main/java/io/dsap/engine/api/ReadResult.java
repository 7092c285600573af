package io.dsap.engine.api;

import io.dsap.engine.csv.ScanStats;
import io.dsap.engine.rejects.Reject;
import io.dsap.engine.types.ColumnSpec;
import java.util.List;

/**
 * The rows of a file read whole, with the counts ({@code stats.recordsRead() == rows.size() +
 * stats.rowsRejected()}) and the first rejects.
 */
public record ReadResult(List<ColumnSpec> columns, List<Object[]> rows, ScanStats stats, List<Reject> rejects) {}
