package io.threadkeep.store;

import java.time.Instant;

/**
 * The saved file a thread came from, kept so the archive can be re-parsed later without the original.
 *
 * @param path            the path as given by the user (for display)
 * @param pageName        the page inside a container, or the file name
 * @param bytes           the page's raw bytes (stored compressed)
 * @param parser          the stable name of the parser that read it
 * @param parserVersion   that parser's version, so a better parser can tell what to re-parse
 * @param capturedAt      when the page was saved, if known
 * @param pageUrl         the page's original URL as its container recorded it, or null (a re-parse needs it)
 * @param declaredCharset the charset its container declared, or null (a re-parse needs it)
 */
public record SourceFile(String path, String pageName, byte[] bytes, String parser, int parserVersion,
                         Instant capturedAt, String pageUrl, String declaredCharset) {

    public SourceFile(String path, String pageName, byte[] bytes, String parser, int parserVersion,
                      Instant capturedAt) {
        this(path, pageName, bytes, parser, parserVersion, capturedAt, null, null);
    }
}
