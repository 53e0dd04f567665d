package io.threadkeep.importer.container;

import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Limits on what a container may unpack to, so that a small archive cannot fill the memory ("zip bomb"). */
final class Bounded {

    /** The most one unpacked document may hold; a WARC can bundle many pages, so this is above one page's limit. */
    static final long MAX_INNER_BYTES = 4 * PageImporter.MAX_PAGE_BYTES;
    /** The most all documents unpacked from one container may hold together. */
    static final long MAX_TOTAL_BYTES = 8 * PageImporter.MAX_PAGE_BYTES;

    private Bounded() {
    }

    /** Reads the whole stream, refusing more than {@code limit} bytes. */
    static byte[] readAll(InputStream in, long limit, String what) throws IOException, ImportException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new ImportException(what + " unpacks to more than " + (limit >> 20) + " MB");
        }
        return bytes;
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
