package io.threadkeep.importer;

import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;

/**
 * Turns one family of a site's markup (one era) into a {@link ParsedThread}. Implementations are pure: no I/O,
 * no state between calls. Recognition is by the markup's structure, never by file names.
 */
public interface SiteParser {

    Site site();

    /**
     * A stable, lower-case name stored with every page this parser reads, so a later Threadkeep can tell which pages
     * an improved parser should read again. Never derived from the class: renaming a class must not change archive
     * data. Names once released are never changed; Schema migration 5 maps the class names stored before.
     */
    String name();

    /** This parser's version: raised whenever what it extracts changes, so the pages it read are read again. */
    default int version() {
        return 1;
    }

    /** Whether this parser recognises the page as its site and era. Must be cheap. */
    boolean accepts(Page page);

    /**
     * Parses the page.
     *
     * @throws NotAThreadException when the page is this site's but not a discussion thread (front page,
     *                             user page...), with the reason
     */
    ParsedThread parse(Page page) throws NotAThreadException;
}
