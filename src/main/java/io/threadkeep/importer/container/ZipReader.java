package io.threadkeep.importer.container;

import io.threadkeep.importer.ContainerReader;
import io.threadkeep.importer.HtmlDecoder;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip archive of saved pages (bare HTML, MHTML, WARC, gzip, or a browser's "complete" save with its
 * {@code _files} folder). Entries are chosen by content: documents and nested containers are passed on, while
 * images, style sheets and scripts are left out.
 */
public final class ZipReader implements ContainerReader {

    @Override
    public boolean accepts(byte[] head) {
        return Bounded.isZip(head);
    }

    @Override
    public List<PageSource> read(PageSource container) throws ImportException {
        List<PageSource> out = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(container.bytes()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = container.name() + "#" + entry.getName();
                byte[] bytes = Bounded.readAll(zip, Bounded.MAX_INNER_BYTES, name);
                total += bytes.length;
                if (total > Bounded.MAX_TOTAL_BYTES) {
                    throw new ImportException(container.name() + " unpacks to more than "
                            + (Bounded.MAX_TOTAL_BYTES >> 20) + " MB");
                }
                if (isDocumentOrContainer(bytes)) {
                    out.add(new PageSource(name, bytes, null, null, null));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException("damaged zip file: " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    /** Whether an entry could hold a page: markup, MHTML, WARC, or another archive. */
    static boolean isDocumentOrContainer(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        if (Bounded.isGzip(bytes) || Bounded.isZip(bytes) || hasUtf16Bom(bytes)) {
            return true;
        }
        if (HtmlDecoder.looksBinary(bytes)) {
            return false;
        }
        String head = Bounded.headText(bytes, 65536);
        return head.startsWith("warc/") || head.contains("mime-version:") || head.contains("<html")
                || head.contains("<body") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<table") || head.contains("<div");
    }
}
