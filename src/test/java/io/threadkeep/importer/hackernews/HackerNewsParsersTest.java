package io.threadkeep.importer.hackernews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HackerNewsParsersTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/hackernews");
    private static final Path PAGES = Path.of("src/test/resources/pages/hackernews");

    private static Page page(Path file, String url, Instant captured) throws IOException {
        return new Page(PageImporter.parseHtml(Files.readString(file), url), url, captured,
                file.getFileName().toString());
    }

    private static Map<String, Comment> byId(ParsedThread thread) {
        return thread.comments().stream().collect(Collectors.toMap(Comment::id, Function.identity()));
    }

    @Test
    void eachGenerationIsReadByItsOwnParser() throws IOException {
        Page table = page(GOLDEN.resolve("table-era-ask-logged-in.html"), null, null);
        Page athing = page(GOLDEN.resolve("athing-show-hn-logged-out.html"), null, null);
        assertTrue(new HackerNewsTableParser().accepts(table));
        assertTrue(!new HackerNewsAthingParser().accepts(table));
        assertTrue(new HackerNewsAthingParser().accepts(athing));
        assertTrue(!new HackerNewsTableParser().accepts(athing));
    }

    @Test
    void tableEraStatesAndAges() throws Exception {
        ParsedThread thread = new HackerNewsTableParser().parse(page(GOLDEN.resolve("table-era-ask-logged-in.html"),
                null, null));
        Map<String, Comment> c = byId(thread);
        assertEquals(CommentState.DELETED, c.get("700103").state());
        assertNull(c.get("700103").author());
        assertEquals(Completeness.METADATA_ONLY, c.get("700103").completeness());
        assertEquals(CommentState.DEAD, c.get("700105").state());
        assertEquals(Completeness.FULL, c.get("700105").completeness(), "a dead comment shown to the saver keeps its body");
        assertEquals(CommentState.NORMAL, c.get("700101").state());
        assertEquals("4 hours ago", c.get("700101").postedText());
        assertNull(c.get("700101").posted(), "no save date, so the age stays text");
        assertEquals(List.of("Mn4Op5Qr6S"), thread.nextPageKeys());
        assertNull(thread.continuationKey());
        assertTrue(c.get("700101").html().contains("<i>never</i>"), c.get("700101").html());
        assertTrue(!c.get("700101").text().contains("reply"), "the reply link is not part of the body");
    }

    @Test
    void relativeAgesResolveAgainstTheSaveDate() throws Exception {
        Instant saved = Instant.parse("2013-01-04T18:00:00Z");
        ParsedThread thread = new HackerNewsTableParser().parse(page(GOLDEN.resolve("table-era-ask-logged-in.html"),
                null, saved));
        Map<String, Comment> c = byId(thread);
        assertEquals(saved.minus(Duration.ofHours(4)), c.get("700101").posted());
        assertEquals(saved.minus(Duration.ofMinutes(58)), c.get("700107").posted());
        assertEquals(saved.minus(Duration.ofHours(5)), thread.story().posted());
        assertEquals(saved, thread.capturedAt());
    }

    @Test
    void athingStatesFromComheadAndBody() throws Exception {
        ParsedThread thread = new HackerNewsAthingParser().parse(page(GOLDEN.resolve("athing-show-hn-logged-out.html"),
                null, null));
        Map<String, Comment> c = byId(thread);
        assertEquals(CommentState.DEAD, c.get("4100206").state(), "[flagged]");
        assertEquals(CommentState.DEAD, c.get("4100208").state(), "[dead]");
        assertEquals(CommentState.DELETED, c.get("4100203").state());
        assertEquals("4100203", c.get("4100205").parentId(), "replies to a deleted comment keep their parent");
        assertEquals(Instant.parse("2024-03-02T10:15:00Z"), c.get("4100201").posted());
        assertEquals("https://threadkeep.example.net/", thread.story().linkUrl());
        assertEquals(List.of("item?id=4100200&p=2"), thread.nextPageKeys());
    }

    @Test
    void morePagesLinkUpThroughTheirKeys() throws Exception {
        ParsedThread first = new HackerNewsTableParser().parse(page(GOLDEN.resolve("table-era-ask-logged-in.html"),
                null, null));
        ParsedThread second = new HackerNewsTableParser().parse(page(PAGES.resolve("table-era-more-page2.html"),
                null, null));
        ParsedThread third = new HackerNewsTableParser().parse(page(PAGES.resolve("table-era-more-page3.html"),
                null, null));
        assertNull(second.story());
        assertEquals(first.nextPageKeys().get(0), second.continuationKey());
        assertEquals(second.nextPageKeys().get(0), third.continuationKey());
        Map<String, Comment> c = byId(second);
        assertNull(c.get("700120").parentId(), "its parent is on another page and the page does not name it");
        assertEquals("700120", c.get("700121").parentId());
        assertNull(c.get("700122").parentId());
        assertEquals("700122", c.get("700123").parentId());
    }

    @Test
    void aLoggedOutMorePageNeedsItsUrl() throws Exception {
        Path file = PAGES.resolve("table-era-more-page3-logged-out.html");
        assertThrows(NotAThreadException.class, () -> new HackerNewsTableParser().parse(page(file, null, null)));
        List<PageOutcome> outcomes = PageImporter.standard().importFile(file);
        assertInstanceOf(PageOutcome.Skipped.class, outcomes.get(0));
        ParsedThread withUrl = new HackerNewsTableParser().parse(page(file,
                "https://news.ycombinator.com/x?fnid=Tu7Vw8Xy9Z", null));
        assertEquals("Tu7Vw8Xy9Z", withUrl.continuationKey());
    }

    @Test
    void aContinuationPageNamesAParentThatIsNotOnIt() throws Exception {
        String html = "<html><head><title>Hacker News</title></head><body><center><table id=\"hnmain\">"
                + "<tr><td><span class=\"pagetop\"><a href=\"news\">Hacker News</a></span></td></tr>"
                + "<tr><td><table class=\"comment-tree\">"
                + row("900002", 2, "900001") + row("900003", 3, null) + row("900004", 0, null)
                + "</table><a href=\"item?id=900000&amp;p=3\" class=\"morelink\" rel=\"next\">More</a>"
                + "</td></tr></table></center></body></html>";
        Page page = new Page(PageImporter.parseHtml(html, null), "https://news.ycombinator.com/item?id=900000&p=2",
                null, "p2");
        ParsedThread thread = new HackerNewsAthingParser().parse(page);
        Map<String, Comment> c = byId(thread);
        assertEquals("900001", c.get("900002").parentId());
        assertEquals(Completeness.PLACEHOLDER, c.get("900001").completeness());
        assertEquals("900002", c.get("900003").parentId());
        assertNull(c.get("900004").parentId());
        assertEquals("item?id=900000&p=2", thread.continuationKey());
        assertEquals(List.of("item?id=900000&p=3"), thread.nextPageKeys());
        assertEquals("900001", thread.comments().get(0).id(), "the placeholder comes before its child");
    }

    private static String row(String id, int indent, String parent) {
        String nav = parent == null ? "" : " | <a href=\"item?id=900000#" + parent + "\" class=\"clicky\">parent</a>";
        return "<tr class=\"athing comtr\" id=\"" + id + "\"><td><table border=\"0\"><tr><td class=\"ind\" indent=\""
                + indent + "\"><img src=\"s.gif\" height=\"1\" width=\"" + indent * 40 + "\"></td>"
                + "<td class=\"default\"><div><span class=\"comhead\"><a href=\"user?id=someone" + id
                + "\" class=\"hnuser\">someone" + id + "</a> <span class=\"age\" title=\"2024-01-01T00:00:00\">"
                + "<a href=\"item?id=" + id + "\">1 day ago</a></span><span class=\"navs\">" + nav
                + "</span></span></div><br><div class=\"comment\"><div class=\"commtext c00\">Text of " + id
                + "</div><div class=\"reply\"></div></div></td></tr></table></td></tr>";
    }

    @Test
    void aCommentsOwnPageBelongsToItsStory() throws Exception {
        String head = "<tr class=\"athing\" id=\"900010\"><td class=\"ind\"></td><td class=\"default\"><div>"
                + "<span class=\"comhead\"><a href=\"user?id=alder\" class=\"hnuser\">alder</a> "
                + "<span class=\"age\" title=\"2024-01-01T10:00:00\"><a href=\"item?id=900010\">2 hours ago</a></span>"
                + "<span class=\"navs\"> | <a href=\"item?id=900009\">parent</a> | <a href=\"item?id=900000#900010\">context</a>"
                + "<span class=\"onstory\"> | on: <a href=\"item?id=900000\" title=\"A story about hedges\">A story about hedges</a></span>"
                + "</span></span></div><br><div class=\"comment\"><div class=\"commtext c00\">The head comment.</div></div></td></tr>";
        String html = "<html><body><center><table id=\"hnmain\"><tr><td><span class=\"pagetop\"><a href=\"news\">"
                + "Hacker News</a></span></td></tr><tr><td><table class=\"fatitem\">" + head
                + "<tr><td><form action=\"comment\"><textarea></textarea></form></td></tr></table>"
                + "<table class=\"comment-tree\">" + row("900011", 0, "900010") + row("900012", 1, "900011")
                + "</table></td></tr></table></center></body></html>";
        ParsedThread thread = new HackerNewsAthingParser().parse(new Page(PageImporter.parseHtml(html, null), null, null,
                "comment page"));
        assertEquals("900000", thread.story().siteStoryId());
        assertEquals("A story about hedges", thread.story().title());
        Map<String, Comment> c = byId(thread);
        assertEquals(Completeness.PLACEHOLDER, c.get("900009").completeness(), "the head comment's parent");
        assertEquals("900009", c.get("900010").parentId());
        assertEquals("alder", c.get("900010").author());
        assertEquals("900010", c.get("900011").parentId(), "top of the tree replies to the head comment");
        assertEquals("900011", c.get("900012").parentId());
    }

    @Test
    void listingPagesAreNotThreads() {
        String front = "<html><body><center><table id=\"hnmain\"><tr><td><span class=\"pagetop\">"
                + "<a href=\"news\">Hacker News</a></span></td></tr><tr><td><table>"
                + "<tr class=\"athing submission\" id=\"1\"><td class=\"title\"><span class=\"rank\">1.</span></td>"
                + "<td class=\"title\"><span class=\"titleline\"><a href=\"https://a.example\">A</a></span></td></tr>"
                + "<tr><td class=\"subtext\"><span class=\"score\">3 points</span></td></tr>"
                + "<tr class=\"athing submission\" id=\"2\"><td class=\"title\"><span class=\"rank\">2.</span></td>"
                + "<td class=\"title\"><span class=\"titleline\"><a href=\"https://b.example\">B</a></span></td></tr>"
                + "<tr><td class=\"subtext\"><span class=\"score\">5 points</span></td></tr>"
                + "</table></td></tr></table></center></body></html>";
        Page page = new Page(PageImporter.parseHtml(front, null), null, null, "front");
        assertTrue(new HackerNewsAthingParser().accepts(page));
        assertThrows(NotAThreadException.class, () -> new HackerNewsAthingParser().parse(page));
    }

    @Test
    void timesAndKeys() {
        assertEquals(Instant.parse("2023-07-21T18:04:01Z"), HackerNewsTimes.parseAgeTitle("2023-07-21T18:04:01"));
        assertEquals(Instant.ofEpochSecond(1709373521), HackerNewsTimes.parseAgeTitle("2024-03-02T09:58:41 1709373521"));
        assertEquals(Instant.parse("2015-01-05T00:00:00Z"), HackerNewsTimes.resolve("on Jan 5, 2015", null));
        assertEquals("368 days ago", HackerNewsTimes.findAgeText("ecaron 368 days ago | link"));
        assertEquals("L4Utx2mqoS", HackerNewsLinks.continuationKey(
                HackerNewsLinks.queryParam("vote?for=1&whence=%2f%78%3f%66%6e%69%64%3d%4c%34%55%74%78%32%6d%71%6f%53",
                        "whence")));
        assertNull(HackerNewsLinks.continuationKey("item?id=5"), "page 1 is the story page itself");
        assertEquals("36818754", HackerNewsLinks.parentTarget("https://news.ycombinator.com/item?id=36817231#36818754"));
    }
}
