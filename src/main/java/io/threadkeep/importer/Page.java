package io.threadkeep.importer;

import java.time.Instant;
import org.jsoup.nodes.Document;

/**
 * A decoded, parsed page handed to the site parsers.
 *
 * @param document   the parsed DOM (containers' wrappers such as the Wayback toolbar already removed)
 * @param url        the page's original URL when known (container record, SingleFile header, canonical link), or null
 * @param capturedAt when the page was saved, or null
 * @param name       where it came from, for warnings
 */
public record Page(Document document, String url, Instant capturedAt, String name) {
}
