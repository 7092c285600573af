package io.dsap.engine.format.parquet;

import io.dsap.engine.error.DsapException;
import io.dsap.engine.error.ErrorCode;
import io.dsap.engine.error.Errors;
import io.dsap.engine.source.FileSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/** Opening Parquet files without Hadoop types, and the errors users see when a file is damaged. */
final class ParquetFiles {
  private ParquetFiles() {}

  /** Read options with a plain (Hadoop-free) configuration. */
  static ParquetReadOptions readOptions() {
    return ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
  }

  /** Reads the footer (schema and row groups), or fails saying what is wrong with the file. */
  static ParquetMetadata readFooter(Path file, String displayName) {
    try (ParquetFileReader r = ParquetFileReader.open(new CountingInputFile(file, new LongAdder(), true), readOptions())) {
      return r.getFooter();
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw Errors.io(file, e);
    } catch (IOException | RuntimeException e) {
      throw badFooter(file, displayName, e);
    }
  }

  /** The error for a file whose footer cannot be read, with the likely cause and the fix. */
  static DsapException badFooter(Path file, String displayName, Throwable cause) {
    long size = file.toFile().length();
    byte[] head = FileSource.readBytes(file, 0, 4);
    byte[] tail = size >= 4 ? tailBytes(file, size) : new byte[0];
    String headMagic = new String(head, StandardCharsets.ISO_8859_1);
    String tailMagic = new String(tail, StandardCharsets.ISO_8859_1);
    String what;
    String fix = "Copy or export the file again.";
    if (tailMagic.equals("PARE")) {
      return new DsapException(ErrorCode.UNSUPPORTED_FORMAT, "'" + displayName + "' is an encrypted Parquet file"
          + " (footer magic PARE); dsap cannot read encrypted Parquet. Export it without encryption.", cause);
    } else if (size < 12) {
      what = "the file is only " + size + " bytes, too small for a Parquet file (at least 12: magic, footer, magic)";
    } else if (!headMagic.equals("PAR1")) {
      what = "it does not start with the Parquet magic bytes PAR1, so it is not a Parquet file";
      fix = "If it holds another format, rename it or read it with read_file(path, format => '...').";
    } else if (!tailMagic.equals("PAR1")) {
      what = "the footer is missing: the file starts with PAR1 but does not end with it, so it was cut short"
          + " (an interrupted copy or download, or a writer that did not finish)";
    } else {
      String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      what = "the footer is corrupt (" + detail + ")";
    }
    return new DsapException(ErrorCode.MALFORMED_DATA, "'" + displayName + "' (" + size + " bytes) cannot be read as"
        + " Parquet: " + what + ". " + fix, cause);
  }

  /** The error for a damaged row group found while scanning. */
  static DsapException badData(String displayName, int rowGroup, int rowGroups, long firstRow, String column,
      Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new DsapException(ErrorCode.MALFORMED_DATA, "'" + displayName + "': row group " + (rowGroup + 1) + " of "
        + rowGroups + " (from row " + (firstRow + 1) + ")" + (column == null ? "" : ", column " + column)
        + " cannot be decoded: " + detail + ". The footer is readable but the data pages are damaged;"
        + " copy or export the file again.", cause);
  }

  private static byte[] tailBytes(Path file, long size) {
    return FileSource.readBytes(file, size - 4, 4);
  }
}
