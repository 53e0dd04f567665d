package io.threadkeep.importer;

import io.threadkeep.body.SafeHtmlReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.bench.gen.DeepChain;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.model.Comment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Markup nested thousands deep inside one comment (an attack, or a broken page that never closes its tags) is
 * imported like any other: no walk over it may use the stack per level. Each walk runs on a thread with a small
 * stack, so a recursive one fails here even where the default stack would have been just big enough.
 */
class DeepMarkupTest {

    private static final long SMALL_STACK = 256 * 1024;

    private static String nested(String open, String close, int depth, String inner) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    private static <T> T onSmallStack(Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "deep-markup", SMALL_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("the walk failed on deep markup", failure.get());
        }
        return result.get();
    }

    private static Element body(String html) {
        return PageImporter.parseHtml("<html><body>" + html + "</body></html>", "https://example.org/").body();
    }

    @Test
    void fifteenHundredNestedQuotesKeepTheirTextAndABoundedNesting() throws InterruptedException {
        Element body = body(nested("<blockquote>", "</blockquote>", 1500, "the innermost words") + " reply");
        SafeHtml.Body clean = onSmallStack(() -> SafeHtml.clean(body));
        assertTrue(clean.text().contains("the innermost words"), clean.text());
        assertTrue(clean.text().endsWith("reply"), clean.text());
        int quotes = clean.html().split("<blockquote>", -1).length - 1;
        assertEquals(SafeHtml.MAX_NESTING, quotes, "quote blocks past the cap are kept as text");
        assertEquals(quotes, clean.html().split("</blockquote>", -1).length - 1, "every kept quote is closed");
    }

    @Test
    void threeThousandNestedItalicsAndDivsAreText() throws InterruptedException {
        Element italics = body(nested("<i>", "</i>", 3000, "slanted") + " after");
        SafeHtml.Body i = onSmallStack(() -> SafeHtml.clean(italics));
        assertEquals("slanted after", i.text());
        Element divs = body(nested("<div>", "</div>", 3000, "boxed") + "after");
        SafeHtml.Body d = onSmallStack(() -> SafeHtml.clean(divs));
        assertEquals("boxed\nafter", d.text());
    }

    @Test
    void theReaderLaysOutDeepSafeHtmlWithoutRecursion() throws InterruptedException {
        // Archives can hold bodies cleaned before the nesting cap: the reader must take any depth.
        String html = nested("<blockquote>", "</blockquote>", 3000, nested("<b>", "</b>", 3000, "deep"));
        List<SafeHtmlReader.Block> blocks = onSmallStack(() -> SafeHtmlReader.read(html));
        assertEquals(1, blocks.size());
        assertEquals("deep", blocks.get(0).text());
        assertTrue(blocks.get(0).spans().get(0).has(SafeHtmlReader.BOLD));
    }

    @ParameterizedTest
    @EnumSource(Era.class)
    void aPageWithADeeplyNestedCommentImportsEveryComment(Era era) throws InterruptedException {
        String page = new String(DeepChain.page(era, 3), StandardCharsets.UTF_8);
        assertTrue(page.contains("Reply number 2"), "the generated page shows its bodies");
        String attacked = page.replace("Reply number 2", nested("<blockquote>", "</blockquote>", 1500,
                nested("<i>", "</i>", 3000, nested("<div>", "</div>", 3000, "buried"))) + " Reply number 2");
        byte[] bytes = attacked.getBytes(StandardCharsets.UTF_8);
        List<PageOutcome> outcomes = onSmallStack(
                () -> PageImporter.standard().parseAll(PageSource.of("deep.html", bytes)));
        assertEquals(1, outcomes.size());
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0), outcomes.get(0)::toString);
        List<Comment> comments = parsed.thread().comments();
        assertEquals(3, comments.size());
        Comment attackedComment = comments.stream().filter(c -> c.text() != null && c.text().contains("Reply number 2"))
                .findFirst().orElseThrow();
        assertTrue(attackedComment.text().contains("buried"), attackedComment.text());
    }
}
