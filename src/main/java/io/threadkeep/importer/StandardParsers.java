package io.threadkeep.importer;

import java.util.List;

/**
 * The registry of everything the importer knows. Order matters: the first parser that accepts a page parses it,
 * so more specific eras come before more general ones.
 */
final class StandardParsers {

    private StandardParsers() {
    }

    static List<SiteParser> parsers() {
        return List.of(
                new io.threadkeep.importer.hackernews.HackerNewsAthingParser(),
                new io.threadkeep.importer.hackernews.HackerNewsTableParser(),
                new io.threadkeep.importer.reddit.ShredditParser(),
                new io.threadkeep.importer.reddit.NewRedditParser(),
                new io.threadkeep.importer.reddit.OldRedditParser(),
                new io.threadkeep.importer.lobsters.LobstersParser());
    }

    static List<ContainerReader> containers() {
        // WARC first: it also accepts gzipped WARCs, which the gzip reader would otherwise inflate whole.
        return List.of(
                new io.threadkeep.importer.container.WarcReader(),
                new io.threadkeep.importer.container.GzipReader(),
                new io.threadkeep.importer.container.ZipReader(),
                new io.threadkeep.importer.container.MhtmlReader());
    }

    static List<PageRewriter> rewriters() {
        // SingleFile before Wayback: a snapshot saved with SingleFile names the archive URL in its header.
        return List.of(
                new io.threadkeep.importer.container.SingleFileRewriter(),
                new io.threadkeep.importer.container.WaybackRewriter());
    }
}
