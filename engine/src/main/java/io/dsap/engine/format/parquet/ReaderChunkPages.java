package io.dsap.engine.format.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;

/** The pages of a column chunk as parquet-hadoop's {@link PageReader} decompressed them (copied into arrays). */
final class ReaderChunkPages implements ChunkPages {
  private final PageReader pages;

  ReaderChunkPages(PageReader pages) {
    this.pages = pages;
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return pages.readDictionaryPage();
  }

  @Override
  public boolean next(Page page) {
    DataPage p = pages.readPage();
    if (p == null) {
      return false;
    }
    page.values = p.getValueCount();
    try {
      if (p instanceof DataPageV1 v1) {
        page.v2 = false;
        page.data = v1.getBytes().toByteArray();
        page.levelEncoding = v1.getDlEncoding();
        page.valueEncoding = v1.getValueEncoding();
      } else {
        DataPageV2 v2 = (DataPageV2) p;
        page.v2 = true;
        page.levels = v2.getDefinitionLevels().toByteArray();
        page.levelsFrom = 0;
        page.levelsTo = page.levels.length;
        page.data = v2.getData().toByteArray();
        page.valueEncoding = v2.getDataEncoding();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.from = 0;
    page.to = page.data.length;
    return true;
  }
}
