package io.threadkeep.importer.container;

import io.threadkeep.importer.ContainerReader;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.importer.UnpackBudget;
import io.threadkeep.importer.Unpacked;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A WARC file, plain or gzipped (one gzip member per record, as crawlers write them). Every successful HTML
 * response record becomes a page: the HTTP header's charset is its declared charset, {@code WARC-Target-URI} its
 * URL and {@code WARC-Date} its capture time. HTML resource records count too.
 */
public final class WarcReader implements ContainerReader {

    @Override
    public boolean accepts(byte[] head) {
        if (startsWithWarc(head)) {
            return true;
        }
        if (!Bounded.isGzip(head)) {
            return false;
        }
        // Peek into the first gzip member: only the start of the first record is needed.
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            return startsWithWarc(in.readNBytes(8));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWithWarc(byte[] b) {
        return b.length >= 6 && new String(b, 0, 6, StandardCharsets.ISO_8859_1).equals("WARC/1");
    }

    @Override
    public Unpacked read(PageSource container, UnpackBudget budget) throws ImportException {
        List<PageSource> pages = new ArrayList<>();
        List<PageOutcome.Failed> refused = new ArrayList<>();
        int index = 0;
        int reading = 1;
        try (org.netpreserve.jwarc.WarcReader reader =
                     new org.netpreserve.jwarc.WarcReader(new ByteArrayInputStream(container.bytes()))) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                index++;
                reading = index;
                String name = container.name() + "#" + index;
                try {
                    PageSource page = page(name, record, budget);
                    if (page != null) {
                        pages.add(page);
                    }
                } catch (ImportException e) {
                    refused.add(new PageOutcome.Failed(name, e.getMessage()));
                }
                reading = index + 1;
            }
        } catch (IOException e) {
            // A cut download or a damaged record ends the file; the complete records before it are kept.
            if (reading == 1) {
                throw new ImportException("damaged WARC file: " + e.getMessage(), e);
            }
            refused.add(new PageOutcome.Failed(container.name() + "#" + reading, "damaged WARC file: record "
                    + reading + " is cut short or damaged (" + e.getMessage() + "); the " + (reading - 1)
                    + " complete record" + (reading == 2 ? "" : "s") + " before it were read"));
        }
        return new Unpacked(pages, refused);
    }

    private static PageSource page(String name, WarcRecord record, UnpackBudget budget)
            throws IOException, ImportException {
        if (record instanceof WarcResponse response) {
            if (!response.contentType().base().equals(MediaType.HTTP)
                    && !response.contentType().raw().toLowerCase(Locale.ROOT).startsWith("application/http")) {
                return null;
            }
            HttpResponse http = response.http();
            if (http.status() < 200 || http.status() >= 300) {
                return null;
            }
            MediaType type = http.contentType();
            if (!isHtml(type)) {
                return null;
            }
            byte[] bytes;
            try (InputStream body = http.bodyDecoded().stream()) {
                bytes = Bounded.readAll(body, name, budget);
            }
            return new PageSource(name, bytes, charset(type), response.target(), response.date());
        }
        if (record instanceof WarcResource resource) {
            MediaType type = resource.contentType();
            if (!isHtml(type)) {
                return null;
            }
            byte[] bytes;
            try (InputStream body = resource.body().stream()) {
                bytes = Bounded.readAll(body, name, budget);
            }
            return new PageSource(name, bytes, charset(type), resource.target(), resource.date());
        }
        return null;
    }

    private static boolean isHtml(MediaType type) {
        if (type == null) {
            return false;
        }
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    private static String charset(MediaType type) {
        String charset = type.parameters().get("charset");
        return charset == null || charset.isBlank() ? null : charset.trim();
    }
}
