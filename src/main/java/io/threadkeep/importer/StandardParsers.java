package io.threadkeep.importer;

import io.threadkeep.importer.slashdot.SlashdotCurrentParser;
import io.threadkeep.importer.slashdot.SlashdotD2Parser;
import io.threadkeep.importer.slashdot.SlashdotTableParser;
import io.threadkeep.importer.slashdot.SlashdotThreadedParser;
import io.threadkeep.importer.slashdot.SoylentNewsParser;
import io.threadkeep.importer.container.GzipReader;
import io.threadkeep.importer.container.MhtmlReader;
import io.threadkeep.importer.container.SingleFileRewriter;
import io.threadkeep.importer.container.WarcReader;
import io.threadkeep.importer.container.WaybackRewriter;
import io.threadkeep.importer.container.ZipReader;
import io.threadkeep.importer.forum.DiscourseParser;
import io.threadkeep.importer.forum.InvisionParser;
import io.threadkeep.importer.forum.MyBbParser;
import io.threadkeep.importer.forum.PhpBbParser;
import io.threadkeep.importer.forum.SmfParser;
import io.threadkeep.importer.forum.VBulletin5Parser;
import io.threadkeep.importer.forum.VBulletinParser;
import io.threadkeep.importer.forum.XenForoParser;
import io.threadkeep.importer.forum.XenForoWidgetParser;
import io.threadkeep.importer.hackernews.HackerNewsAthingParser;
import io.threadkeep.importer.hackernews.HackerNewsTableParser;
import io.threadkeep.importer.disqus.DisqusParser;
import io.threadkeep.importer.lemmy.LemmyParser;
import io.threadkeep.importer.lobsters.LobstersParser;
import io.threadkeep.importer.mail.HypermailParser;
import io.threadkeep.importer.mail.PipermailParser;
import io.threadkeep.importer.reddit.NewRedditParser;
import io.threadkeep.importer.reddit.OldRedditParser;
import io.threadkeep.importer.reddit.ShredditParser;
import io.threadkeep.importer.stackexchange.StackExchangeParser;
import io.threadkeep.importer.web.GeneralReader;
import io.threadkeep.importer.wordpress.WordPressParser;
import io.threadkeep.importer.wordpress.WpDiscuzParser;
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
                new SoylentNewsParser(),
                new HackerNewsAthingParser(),
                new HackerNewsTableParser(),
                new ShredditParser(),
                new NewRedditParser(),
                new OldRedditParser(),
                new LobstersParser(),
                // forum engines: each recognised by its own post markup, before anything generic
                new XenForoParser(),
                new VBulletinParser(),
                new VBulletin5Parser(),
                new PhpBbParser(),
                new MyBbParser(),
                new SmfParser(),
                new InvisionParser(),
                new DiscourseParser(),
                new XenForoWidgetParser(),
                new StackExchangeParser(),
                // Disqus and wpDiscuz before WordPress: a blog post with either has no WordPress comments of its own;
                // (wpDiscuz comments also carry comment-N ids).
                new DisqusParser(),
                new WpDiscuzParser(),
                new WordPressParser(),
                new LemmyParser(),
                new PipermailParser(),
                new HypermailParser(),
                // the table layout accepts any Slashdot page with comments
                new SlashdotTableParser(),
                // LAST, after every engine parser: it accepts any page and reads its repeated post structure
                new GeneralReader());
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
