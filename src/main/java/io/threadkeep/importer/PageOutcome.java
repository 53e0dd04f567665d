package io.threadkeep.importer;

import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;

/** The result of parsing one page: a thread, a page that is not a thread, or a failure. */
public sealed interface PageOutcome {

    /** The page's name, as in {@link PageSource#name()}. */
    String name();

    /** A thread, with the page it came from (its bytes are kept in the archive). */
    record Parsed(String name, Site site, ParsedThread thread, String parserId, PageSource source)
            implements PageOutcome {
    }

    /** Not a thread page (unknown site, front page, ...): nothing to import, not an error of the file. */
    record Skipped(String name, String reason) implements PageOutcome {
    }

    /** The page could not be read (binary, empty, undecodable, too big...). */
    record Failed(String name, String reason) implements PageOutcome {
    }
}
