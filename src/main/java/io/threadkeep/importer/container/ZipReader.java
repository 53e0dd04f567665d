package io.threadkeep.importer.container;

import io.threadkeep.importer.ContainerReader;
import io.threadkeep.importer.HtmlDecoder;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.importer.UnpackBudget;
import io.threadkeep.importer.Unpacked;
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
    public Unpacked read(PageSource container, UnpackBudget budget) throws ImportException {
        List<PageSource> out = new ArrayList<>();
        List<PageOutcome.Failed> refused = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(container.bytes()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = container.name() + "#" + entry.getName();
                if (budget.remaining() <= 0) {
                    refused.add(new PageOutcome.Failed(name, budget.exhausted(name)));
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Bounded.readAll(zip, name, budget);
                } catch (ImportException e) {
                    // One oversized entry is refused; the entries beside it are still read.
                    refused.add(new PageOutcome.Failed(name, e.getMessage()));
                    continue;
                }
                if (isDocumentOrContainer(bytes)) {
                    out.add(new PageSource(name, bytes, null, null, null));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            if (out.isEmpty() && refused.isEmpty()) {
                throw new ImportException("damaged zip file: " + e.getMessage(), e);
            }
            refused.add(new PageOutcome.Failed(container.name(), "damaged zip file after its first "
                    + (out.size() + refused.size()) + " entries: " + e.getMessage()));
        }
        return new Unpacked(out, refused);
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
