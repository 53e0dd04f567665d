package io.threadkeep.store;

import io.threadkeep.model.ParsedThread;

/** Parses a stored page again with today's parsers; the store has no parser of its own (layers). */
@FunctionalInterface
public interface PageReparser {

    /** The page read again, or null when no parser reads it any more (its earlier reading is then kept). */
    Reparsed reparse(StoredPage page);

    /** A fresh reading of a page, with the parser's stable name and version. */
    record Reparsed(ParsedThread thread, String parser, int parserVersion) {
    }
}
