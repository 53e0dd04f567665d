package io.threadkeep.importer;

import io.threadkeep.importer.slashdot.SlashdotCurrentParser;
import io.threadkeep.importer.slashdot.SlashdotD2Parser;
import io.threadkeep.importer.slashdot.SlashdotTableParser;
import io.threadkeep.importer.slashdot.SlashdotThreadedParser;
import io.threadkeep.importer.container.GzipReader;
import io.threadkeep.importer.container.MhtmlReader;
import io.threadkeep.importer.container.SingleFileRewriter;
import io.threadkeep.importer.container.WarcReader;
import io.threadkeep.importer.container.WaybackRewriter;
import io.threadkeep.importer.container.ZipReader;
import io.threadkeep.importer.hackernews.HackerNewsAthingParser;
import io.threadkeep.importer.hackernews.HackerNewsTableParser;
import io.threadkeep.importer.lobsters.LobstersParser;
import io.threadkeep.importer.reddit.NewRedditParser;
import io.threadkeep.importer.reddit.OldRedditParser;
import io.threadkeep.importer.reddit.ShredditParser;
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
                // first: our own HTML export holds any site's thread, so no site's parser should claim it
                new io.threadkeep.importer.threadkeep.ThreadkeepExportParser(),
                new SlashdotCurrentParser(),
                new SlashdotD2Parser(),
                new SlashdotThreadedParser(),
                new HackerNewsAthingParser(),
                new HackerNewsTableParser(),
                new ShredditParser(),
                new NewRedditParser(),
                new OldRedditParser(),
                new LobstersParser(),
                // last: the table layout accepts any Slashdot page with comments
                new SlashdotTableParser());
    }

    static List<ContainerReader> containers() {
        // WARC first: it also accepts gzipped WARCs, which the gzip reader would otherwise inflate whole.
        return List.of(
                new WarcReader(),
                new GzipReader(),
                new ZipReader(),
                new MhtmlReader());
    }

    static List<PageRewriter> rewriters() {
        // SingleFile before Wayback: a snapshot saved with SingleFile names the archive URL in its header.
        return List.of(
                new SingleFileRewriter(),
                new WaybackRewriter());
    }
}
