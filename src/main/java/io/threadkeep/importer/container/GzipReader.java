package io.threadkeep.importer.container;

import io.threadkeep.importer.ContainerReader;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageSource;
import io.threadkeep.importer.UnpackBudget;
import io.threadkeep.importer.Unpacked;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A gzip-compressed file ({@code .gz} of a page, an MHTML file, ...), recognised by its magic bytes. The page
 * keeps whatever the outer source knew (URL, save time, charset). A gzipped WARC is left to {@link WarcReader},
 * which reads it record by record.
 */
public final class GzipReader implements ContainerReader {

    @Override
    public boolean accepts(byte[] head) {
        return Bounded.isGzip(head);
    }

    @Override
    public Unpacked read(PageSource container, UnpackBudget budget) throws ImportException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(container.bytes()))) {
            byte[] bytes = Bounded.readAll(in, container.name(), budget);
            String name = container.name();
            String inner = name.matches("(?i).*\\.gz(ip)?$") ? name.replaceFirst("(?i)\\.gz(ip)?$", "")
                    : name + " (gunzipped)";
            return Unpacked.of(List.of(new PageSource(inner, bytes, container.declaredCharset(), container.url(),
                    container.capturedAt())));
        } catch (IOException e) {
            throw new ImportException("damaged gzip file: " + e.getMessage(), e);
        }
    }
}
