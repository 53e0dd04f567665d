package io.threadkeep.importer;

import java.time.Instant;

/**
 * One HTML document taken out of whatever it was saved in (a bare file, MHTML part, WARC record, zip entry...).
 *
 * @param name            where it came from, for messages ("page.mhtml", "archive.warc.gz#3")
 * @param bytes           the document's bytes, undecoded
 * @param declaredCharset the charset the container declared for it (HTTP header, MIME part), or null
 * @param url             the original URL the container recorded, or null
 * @param capturedAt      when it was saved, as the container recorded it, or null
 */
public record PageSource(String name, byte[] bytes, String declaredCharset, String url, Instant capturedAt) {

    public static PageSource of(String name, byte[] bytes) {
        return new PageSource(name, bytes, null, null, null);
    }
}
