/**
 * Everything a page can be saved inside, and what saving tools do to it: the {@link
 * io.threadkeep.importer.ContainerReader}s for WARC, gzip, zip and MHTML, and the {@link
 * io.threadkeep.importer.PageRewriter}s that strip the Wayback Machine's toolbar and links and read SingleFile's
 * header. Each recognises its input by content (magic bytes, headers, markers), never by file name, and passes on
 * what the container knew of a page (original URL, capture time, declared charset).
 *
 * <p>Unpacking is bounded ({@code Bounded}) so that a small archive cannot fill the memory. It may use the
 * importer's contracts, jsoup, jwarc and mime4j; like the rest of the importer it knows no site, no store and no UI.
 */
package io.threadkeep.importer.container;
