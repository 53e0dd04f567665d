package io.threadkeep.importer.forum;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.HtmlDecoder;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forum parsers accept their own engines' pages and nothing else: not the shared corpus's non-discussion pages,
 * not the other sites' real pages (which their own parsers must keep winning), not each other's fixtures.
 */
class ForumRecognitionTest {

    private static final List<SiteParser> FORUM_PARSERS = List.of(new XenForoParser(), new VBulletinParser(),
            new VBulletin5Parser(), new PhpBbParser(), new MyBbParser(), new SmfParser(), new InvisionParser(),
            new DiscourseParser(), new XenForoWidgetParser());

    private static Page page(Path file) throws IOException {
        String text = HtmlDecoder.decode(Files.readAllBytes(file), null).text();
        return new Page(PageImporter.parseHtml(text, null), null, null, file.getFileName().toString());
    }

    @Test
    void nonDiscussionPagesAreAcceptedByNoForumParser() throws IOException {
        Path dir = SharedCorpus.siteDir("nonthread");
        List<String> accepted = new ArrayList<>();
        int pages = 0;
        for (Path file : SharedCorpus.pages("nonthread")) {
            pages++;
            Page page = page(file);
            for (SiteParser parser : FORUM_PARSERS) {
                if (parser.accepts(page)) {
                    accepted.add(file.getFileName() + " by " + parser.getClass().getSimpleName());
                }
            }
        }
        assertTrue(pages >= 10, () -> "too few pages in " + dir);
        assertTrue(accepted.isEmpty(), accepted::toString);
    }

    @Test
    void otherSitesRealPagesAreNotTakenByAForumParser() throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String site : List.of("slashdot", "hackernews", "reddit", "lobsters", "stackexchange",
                "forums/wordpress", "forums/wpdiscuz")) {
            for (Path file : SharedCorpus.pages(site)) {
                Page page = page(file);
                for (SiteParser parser : FORUM_PARSERS) {
                    if (parser.accepts(page)) {
                        accepted.add(file.getFileName() + " by " + parser.getClass().getSimpleName());
                    }
                }
            }
        }
        assertTrue(accepted.isEmpty(), accepted::toString);
    }

    @Test
    void eachFixtureIsAcceptedByItsOwnEngineOnly() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden/forums"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Page page = page(file);
                String engine = file.getFileName().toString().replaceAll("^([a-z]+).*", "$1");
                List<String> accepting = FORUM_PARSERS.stream().filter(p -> p.accepts(page))
                        .map(p -> p.site().id()).toList();
                if (accepting.isEmpty() || !accepting.stream().allMatch(id -> engine.startsWith(id))) {
                    wrong.add(file.getFileName() + " accepted by " + accepting);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong::toString);
    }

    @Test
    void thePageOfNoEngineIsRefusedByAll() {
        Page plain = new Page(PageImporter.parseHtml("<html><body><article><h1>News</h1><p>Text with a "
                + "<blockquote>quote</blockquote></p><div class=\"post\">Post</div></article></body></html>", null),
                null, null, "plain.html");
        for (SiteParser parser : FORUM_PARSERS) {
            assertFalse(parser.accepts(plain), parser.getClass().getSimpleName());
        }
    }
}
