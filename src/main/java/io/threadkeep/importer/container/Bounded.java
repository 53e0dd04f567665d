package io.threadkeep.importer.container;

import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.ImportLimits;
import io.threadkeep.importer.UnpackBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading what a container unpacks within the limits, so that a small archive cannot fill the memory. */
final class Bounded {

    private static final int CHUNK = 64 * 1024;
    private static final int SNIFF = 8192;

    private Bounded() {
    }

    /**
     * Reads the whole stream, taking every chunk from {@code budget} as it arrives. A document that starts like a
     * container may hold up to {@link ImportLimits#MAX_CONTAINER_BYTES}; anything else is one page and may hold
     * {@link ImportLimits#MAX_PAGE_BYTES}. Reading stops at the first byte over either limit.
     */
    static byte[] readAll(InputStream in, String what, UnpackBudget budget) throws IOException, ImportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long limit = ImportLimits.MAX_CONTAINER_BYTES;
        boolean sniffed = false;
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            budget.take(n, what);
            out.write(chunk, 0, n);
            if (!sniffed && (out.size() >= SNIFF)) {
                sniffed = true;
                limit = limitFor(out.toByteArray());
            }
            if (out.size() > limit) {
                throw new ImportException(what + " unpacks to more than " + ImportLimits.megabytes(limit) + " MB"
                        + (limit == ImportLimits.MAX_PAGE_BYTES ? " (the limit for one page)" : ""));
            }
        }
        // Fewer bytes than the sniffing needs are below every limit.
        return out.toByteArray();
    }

    /** A page's limit, or a container's for what starts like one (gzip, zip, WARC, MHTML). */
    private static long limitFor(byte[] head) {
        String text = headText(head, SNIFF);
        boolean container = isGzip(head) || isZip(head) || text.startsWith("warc/") || text.contains("mime-version:");
        return container ? ImportLimits.MAX_CONTAINER_BYTES : ImportLimits.MAX_PAGE_BYTES;
    }

    /** The first bytes as lower-case ASCII text, for sniffing headers. */
    static String headText(byte[] head, int max) {
        return new String(head, 0, Math.min(head.length, max), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }
}
