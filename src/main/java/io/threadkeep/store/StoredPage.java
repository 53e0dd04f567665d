package io.threadkeep.store;

import java.time.Instant;

/**
 * A saved page as the archive keeps it, with what a re-parse needs.
 *
 * @param sourceId      the archive's id of the page
 * @param pageName      the page's name (inside its container, or the file name)
 * @param url           the original URL its container recorded, or null
 * @param charset       the charset its container declared, or null
 * @param capturedAt    when it was saved, if known
 * @param bytes         the page's bytes
 * @param parser        the name of the parser that last read it
 * @param parserVersion that parser's version then
 */
public record StoredPage(long sourceId, String pageName, String url, String charset, Instant capturedAt, byte[] bytes,
                         String parser, int parserVersion) {
}
