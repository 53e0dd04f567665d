package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.web.GeneralReader;
import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general reader on pages written for these tests: what it refuses and why (the rule for product pages: reviews
 * that people wrote, each with a name, a date and a text, are read as a discussion, see
 * {@code golden/web/product-reviews.html}; a product page without them is refused), and how it names posts.
 */
class GeneralReaderFixturesTest {

    private final PageImporter generalOnly = new PageImporter(List.of(new GeneralReader()),
            StandardParsers.containers(), StandardParsers.rewriters());

    private PageOutcome outcome(String resource) throws Exception {
        byte[] bytes;
        try (var in = getClass().getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        return generalOnly.parse(PageSource.of(resource.substring(resource.lastIndexOf('/') + 1), bytes));
    }

    private PageOutcome outcomeOf(String html) {
        return generalOnly.parse(PageSource.of("page.html", html.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "news-article-with-related-list.html | sit beside the page's content",
            "blog-post-without-comments.html     | teasers linking to other articles",
            "product-page-without-reviews.html   | no repeated blocks with an author, a date and text",
            "ambiguous-two-discussions.html      | ambiguous page: two different repeated structures"})
    void pagesThatAreNotOneDiscussionAreSkippedWithTheirReason(String file, String reason) throws Exception {
        PageOutcome.Skipped skipped = assertInstanceOf(PageOutcome.Skipped.class, outcome("/web/refused/" + file));
        assertTrue(skipped.reason().contains(reason), skipped.reason());
    }

    @Test
    void theStatusLineSaysHowThePageWasRead() throws Exception {
        ParsedThread thread = assertInstanceOf(PageOutcome.Parsed.class,
                outcome("/golden/web/chirp-comments-on-article.html")).thread();
        assertEquals("read as a general discussion page: 4 posts (2 of them replies) from news.riverside.example",
                thread.warnings().get(0));
        assertEquals(Site.WEB, thread.story().site());
    }

    private static final String TWO_POSTS = """
            <html><head><title>T</title>%s</head><body>
            <div class="comment"><span class="comment-author">ann</span> <span class="date">2020-01-02 10:00</span>
            <div class="comment-text">First post with some words.</div></div>
            <div class="comment"><span class="comment-author">bo</span> <span class="date">%s</span>
            <div class="comment-text">Second post, other words.</div></div>
            </body></html>""";

    @Test
    void postsWithoutIdsGetStableIdsFromAuthorDateAndText() {
        String page = TWO_POSTS.formatted("<link rel=canonical href='https://a.example/t/1'>", "2020-01-03 11:00");
        ParsedThread first = ((PageOutcome.Parsed) outcomeOf(page)).thread();
        ParsedThread again = ((PageOutcome.Parsed) outcomeOf(page.replace("<title>T</title>", "<title>U</title>")))
                .thread();
        assertEquals(first.comments().stream().map(Comment::id).toList(),
                again.comments().stream().map(Comment::id).toList(), "the same posts get the same ids");
        assertNotEquals(first.comments().get(0).id(), first.comments().get(1).id());
        ParsedThread edited = ((PageOutcome.Parsed) outcomeOf(page.replace("other words", "different words")))
                .thread();
        assertNotEquals(first.comments().get(1).id(), edited.comments().get(1).id());
    }

    @Test
    void relativeDatesWithoutASaveDateAreKeptAsText() {
        String page = TWO_POSTS.formatted("<link rel=canonical href='https://a.example/t/1'>", "vor 3 Tagen");
        ParsedThread thread = ((PageOutcome.Parsed) outcomeOf(page)).thread();
        Comment second = thread.comments().get(1);
        assertNull(second.posted());
        assertEquals("vor 3 Tagen", second.postedText());
        assertTrue(thread.warnings().get(1).contains("1 dates kept as text"), thread.warnings()::toString);
    }

    @Test
    void relativeDatesAreResolvedFromTheSaveDate() {
        String page = TWO_POSTS.formatted("<link rel=canonical href='https://a.example/t/1'>", "Yesterday at 10:15");
        Instant saved = Instant.parse("2021-05-10T12:00:00Z");
        PageSource source = new PageSource("page.html", page.getBytes(StandardCharsets.UTF_8), null,
                "https://a.example/t/1", saved);
        ParsedThread thread = ((PageOutcome.Parsed) generalOnly.parse(source)).thread();
        assertEquals(Instant.parse("2021-05-09T10:15:00Z"), thread.comments().get(1).posted());
    }

    @Test
    void aPageThatDoesNotSayItsAddressIsSkippedWithThatReason() {
        PageOutcome.Skipped skipped = assertInstanceOf(PageOutcome.Skipped.class,
                outcomeOf(TWO_POSTS.formatted("", "2020-01-03 11:00")));
        assertTrue(skipped.reason().contains("does not say its address"), skipped.reason());
    }
}
