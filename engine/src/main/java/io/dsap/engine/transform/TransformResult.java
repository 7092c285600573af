package io.dsap.engine.transform;

import io.dsap.engine.types.ColumnSpec;
import io.dsap.engine.write.AtomicFileWriter;
import io.dsap.engine.write.OutputColumn;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The cleaned rows of one apply pass, streamed, then the report. Rows are arrays in
 * {@link #columns()} order with values in SQL's Java representation (see
 * {@link Transformation.ValueFunction#apply}); {@link #toJdbc} converts dates and timestamps to
 * {@code java.sql} objects. Read once; close it when done (or let {@link #report()} finish it).
 */
public final class TransformResult implements Iterator<Object[]>, AutoCloseable {
  private final TransformPlan plan;
  private final TransformPlan.Run run;

  TransformResult(TransformPlan plan) {
    this.plan = plan;
    this.run = plan.start();
  }

  public List<ColumnSpec> columns() {
    return plan.columns();
  }

  @Override
  public boolean hasNext() {
    return run.hasNext();
  }

  @Override
  public Object[] next() {
    return run.next();
  }

  /** The report: reads the remaining rows first (without keeping them) so the counts are complete. */
  public TransformationReport report() {
    while (run.hasNext()) {
      run.next();
    }
    return run.report();
  }

  /** Writes the remaining rows to {@code target} (format from the extension) atomically; returns the rows written. */
  public long writeTo(Path target) {
    try (AtomicFileWriter w = AtomicFileWriter.open(target, outputColumns(columns()))) {
      while (run.hasNext()) {
        w.write(toJdbc(run.next(), columns()));
      }
      w.commit();
      return w.rows();
    }
  }

  @Override
  public void close() {
    run.close();
  }

  /** Column descriptions for the file writers. */
  public static List<OutputColumn> outputColumns(List<ColumnSpec> columns) {
    List<OutputColumn> out = new ArrayList<>();
    for (ColumnSpec c : columns) {
      out.add(new OutputColumn(c.name(), OutputColumn.sqlType(c.type()), c.type() == io.dsap.engine.types.ColumnType.DECIMAL ? c.precision() : 0,
          c.scale()));
    }
    return out;
  }

  /** The row with dates, times and timestamps as {@code java.sql} values (UTC wall clock), as JDBC gives them. */
  public static Object[] toJdbc(Object[] row, List<ColumnSpec> columns) {
    Object[] out = row.clone();
    for (int i = 0; i < out.length; i++) {
      Object v = out[i];
      if (v == null) {
        continue;
      }
      switch (columns.get(i).type()) {
        case DATE -> out[i] = Date.valueOf(LocalDate.ofEpochDay(((Number) v).longValue()));
        case TIMESTAMP -> out[i] = Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) v).longValue(),
            1000L), (int) Math.floorMod(((Number) v).longValue(), 1000L) * 1_000_000, ZoneOffset.UTC));
        case TIME -> out[i] = Time.valueOf(LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L));
        case VARBINARY -> out[i] = v instanceof org.apache.calcite.avatica.util.ByteString b ? b.getBytes() : v;
        default -> { }
      }
    }
    return out;
  }
}
