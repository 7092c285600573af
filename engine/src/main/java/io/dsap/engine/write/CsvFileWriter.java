package io.dsap.engine.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV (and TSV) through Commons CSV: RFC 4180 quoting, a header line, LF line endings, empty field for NULL. */
public final class CsvFileWriter implements FileWriterFormat {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  public List<String> extensions() {
    return List.of("csv", "tsv");
  }

  @Override
  public RowWriter open(Path file, OutputStream out, List<OutputColumn> columns) throws IOException {
    boolean tsv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv");
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(tsv ? '\t' : ',')
        .setRecordSeparator('\n')
        .setHeader(columns.stream().map(OutputColumn::name).toArray(String[]::new))
        .get();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(w, format);
    return new RowWriter() {
      @Override
      public void write(Object[] row) throws IOException {
        Object[] text = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
          text[i] = Values.text(row[i]);
        }
        printer.printRecord(text);
      }

      @Override
      public void finish() throws IOException {
        printer.flush();
      }

      @Override
      public void close() throws IOException {
        printer.close();
      }
    };
  }
}
