package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of this round's parsers that the golden pages alone do not show: refusals and save-time dates. */
class DiscussionParsersTest {

    private final PageImporter importer = PageImporter.standard();

    static byte[] resource(String path) throws IOException {
        try (InputStream in = DiscussionParsersTest.class.getResourceAsStream(path)) {
            assertTrue(in != null, "missing " + path);
            return in.readAllBytes();
        }
    }

    private PageOutcome parse(String html, Instant capturedAt) {
        return importer.parse(new PageSource("page.html", html.getBytes(StandardCharsets.UTF_8), null, null,
                capturedAt));
    }

    private static final String BLOG_HEAD = "<!DOCTYPE html><html><head><title>A post</title>"
            + "<meta name=\"generator\" content=\"WordPress 6.4\"><link rel=\"canonical\" "
            + "href=\"https://blog.example.org/2024/01/a-post/\"></head><body><article class=\"post hentry\">"
            + "<h1 class=\"entry-title\">A post</h1><div class=\"entry-content\"><p>Text of the post.</p></div>"
            + "</article>";

    @Test
    void aWordPressPostWithoutCommentsIsRefusedWithItsReason() {
        String html = BLOG_HEAD + "<div id=\"comments\" class=\"comments-area\"><div id=\"respond\" "
                + "class=\"comment-respond\"><form id=\"commentform\"></form></div></div></body></html>";
        PageOutcome.Skipped skipped = assertInstanceOf(PageOutcome.Skipped.class, parse(html, null));
        assertTrue(skipped.reason().contains("WordPress post without comments"), skipped.reason());
    }

    @Test
    void aWordPressPostWithOnlyPingbacksIsRefused() {
        String html = BLOG_HEAD + "<div id=\"comments\"><ol class=\"commentlist\"><li class=\"pingback even "
                + "depth-1\" id=\"comment-5\"><div class=\"comment-body\">Pingback: <a href=\"https://x.example"
                + "/\">Elsewhere</a></div></li><li class=\"trackback odd depth-1\" id=\"comment-6\"><div "
                + "class=\"comment-body\">Trackback: <a href=\"https://y.example/\">There</a></div></li></ol>"
                + "<div id=\"respond\"></div></div></body></html>";
        PageOutcome.Skipped skipped = assertInstanceOf(PageOutcome.Skipped.class, parse(html, null));
        assertTrue(skipped.reason().contains("pingbacks"), skipped.reason());
    }

    @Test
    void wpDiscuzRelativeDatesResolveFromTheSaveTime() throws IOException {
        String html = new String(resource("/golden/wpdiscuz/wpdiscuz7-readmore-and-replies.html"),
                StandardCharsets.UTF_8);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class,
                parse(html, Instant.parse("2023-11-04T12:00:00Z")));
        Comment guest = parsed.thread().comments().stream().filter(c -> c.id().equals("7002")).findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2023-11-01T12:00:00Z"), guest.posted(), "\"3 Tagen her\" from the save time");
        assertTrue(parsed.thread().warnings().stream().anyMatch(w -> w.contains("cut short")),
                parsed.thread().warnings()::toString);
    }

    @Test
    void stackExchangeAnswersAreTopLevelAndTheirCommentsHangUnderThem() throws IOException {
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, importer.parse(PageSource.of("q.html",
                resource("/golden/stackexchange/stacks-2023-accepted-and-comments.html"))));
        ParsedThread thread = parsed.thread();
        assertEquals(Site.STACKEXCHANGE, parsed.site());
        List<String> topLevel = thread.comments().stream().filter(c -> c.parentId() == null).map(Comment::id)
                .toList();
        assertEquals(List.of("comment-9001", "answer-4250", "answer-4261"), topLevel);
        assertTrue(thread.warnings().stream().anyMatch(w -> w.startsWith("2 comments")), thread.warnings()::toString);
    }

    @Test
    void redditNewDesignWithoutPageStateReadsBylinesAndResolvesAgesFromTheSaveTime() throws IOException {
        String html = new String(resource("/golden/reddit/new-design-2019-dom-only.html"), StandardCharsets.UTF_8);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class,
                parse(html, Instant.parse("2023-04-01T10:00:00Z")));
        ParsedThread thread = parsed.thread();
        assertEquals("quiet_typist", thread.story().author());
        assertEquals(Instant.parse("2019-04-01T10:00:00Z"), thread.story().posted(), "\"4 yr. ago\"");
        Comment first = thread.comments().get(0);
        assertEquals("linear_fan", first.author(), "the byline beside the comment, not the link in its text");
        assertEquals(Instant.parse("2019-04-01T10:00:00Z"), first.posted());
    }

    @Test
    void theFirstMessageOfAMailThreadIsTheStoryAndRepliesJoinItByListAndSubject() throws IOException {
        String reply = new String(resource("/golden/pipermail/mailman2-reply.html"), StandardCharsets.UTF_8);
        String first = reply.replace("Re: Gauge", "Gauge").replace("Re%3A%20%5Btide", "%5Btide")
                .replaceAll("&In-Reply-To=[^\"]*", "");
        ParsedThread root = assertInstanceOf(PageOutcome.Parsed.class, parse(first, null)).thread();
        ParsedThread answer = assertInstanceOf(PageOutcome.Parsed.class, parse(reply, null)).thread();
        assertEquals(answer.story().url(), root.story().url(), "one thread");
        assertEquals("Maren Holt", root.story().author());
        assertEquals(Instant.parse("2020-01-15T19:02:11Z"), root.story().posted());
        assertTrue(root.comments().isEmpty(), "the opening message is not also a comment");
        assertTrue(!root.story().summaryText().contains("harbour office"), "the signature is left out");
        assertEquals(1, answer.comments().size());
    }
}
