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
        return List.of();
    }

    static List<PageRewriter> rewriters() {
        return List.of();
    }
}
