package io.threadkeep.importer;

import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;

/** The result of parsing one page: a thread, a page that is not a thread, or a failure. */
public sealed interface PageOutcome {

    /** The page's name, as in {@link PageSource#name()}. */
    String name();

    /**
     * A thread, with the page it came from (its bytes are kept in the archive) and the stable name and version of
     * the parser that read it.
     */
    record Parsed(String name, Site site, ParsedThread thread, String parserId, PageSource source, int parserVersion)
            implements PageOutcome {

        public Parsed(String name, Site site, ParsedThread thread, String parserId, PageSource source) {
            this(name, site, thread, parserId, source, 1);
        }
    }

    /** Not a thread page (unknown site, front page, ...): nothing to import, not an error of the file. */
    record Skipped(String name, String reason) implements PageOutcome {
    }

    /** The page could not be read (binary, empty, undecodable, too big...). */
    record Failed(String name, String reason) implements PageOutcome {
    }
}
