package io.threadkeep.importer;

/**
 * Undoes what a saving tool did to a page before the site parsers see it: strips the Wayback Machine toolbar and
 * rewrites its links, reads a SingleFile header's URL and save date, and so on. Returns the page unchanged when
 * the tool's marks are absent.
 */
public interface PageRewriter {
    Page rewrite(Page page);
}
