package io.threadkeep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge rules and the fold, without any archive. */
class ThreadFoldTest {

    private static final Story STORY = new Story(Site.SLASHDOT, "1", "https://slashdot.org/story/1", "Title", null,
            null, null, List.of(), List.of(), null, null, null, null);

    static Comment full(String id, String parent, String text, Integer score) {
        return new Comment(id, parent, "alice", null, null, null, score, "Insightful", "Re: " + id,
                "<p>" + text + "</p>", text, Completeness.FULL, CommentState.NORMAL);
    }

    static Comment cut(String id, String text, Completeness completeness, Integer score) {
        return new Comment(id, null, "alice", null, null, null, score, null, "Re: " + id, "<p>" + text + "</p>",
                text, completeness, CommentState.NORMAL);
    }

    static ThreadFold.Page page(long id, Instant at, String sha, boolean truncated, Comment... comments) {
        return new ThreadFold.Page(id, at, 0, sha, STORY, List.of(comments), truncated);
    }

    private static List<String> order(ThreadFold fold) {
        List<ThreadFold.Entry> entries = new ArrayList<>(fold.entries().values());
        entries.sort(java.util.Comparator.comparingDouble(ThreadFold.Entry::position));
        return entries.stream().map(e -> e.comment().id()).toList();
    }

    @Test
    void theSamePagesGiveTheSameThreadInEveryOrder() {
        ThreadFold.Page a = page(1, null, "aa", false, full("1", null, "one", 1), full("3", null, "three", 2));
        ThreadFold.Page b = page(2, null, "bb", false, full("1", null, "one, edited longer", 5),
                full("2", "1", "two", 1), full("3", null, "three", 4));
        ThreadFold.Page c = page(3, Instant.parse("2020-01-01T00:00:00Z"), "cc", false, full("4", null, "four", 1));
        List<List<ThreadFold.Page>> orders = List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, a, c),
                List.of(b, c, a), List.of(a, c, b), List.of(c, a, b));
        ThreadFold first = ThreadFold.of(orders.get(0));
        for (List<ThreadFold.Page> pages : orders) {
            ThreadFold fold = ThreadFold.of(pages);
            assertEquals(first.entries(), fold.entries(), pages.toString());
            assertEquals(first.story(), fold.story());
            assertEquals(first.latestAddingSource(), fold.latestAddingSource());
        }
        assertEquals(List.of("1", "2", "3", "4"), order(first));
        // "bb" sorts after "aa": the later page's score wins.
        assertEquals(4, first.entries().get("3").comment().score());
        assertEquals(3L, first.latestAddingSource(), "the timed page comes last and added comment 4");
    }

    @Test
    void untimedPagesComeFirstThenByCaptureTimeThenChainThenHash() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        List<ThreadFold.Page> pages = new ArrayList<>(List.of(
                new ThreadFold.Page(1, t, 0, "ff", STORY, List.of(), false),
                new ThreadFold.Page(2, null, 1, "00", null, List.of(), false),
                new ThreadFold.Page(3, null, 0, "ee", STORY, List.of(), false),
                new ThreadFold.Page(4, t, 0, "aa", STORY, List.of(), false)));
        pages.sort(ThreadFold.ORDER);
        assertEquals(List.of(3L, 2L, 4L, 1L), pages.stream().map(ThreadFold.Page::sourceId).toList());
    }

    @Test
    void aTruncatedPageAddsCommentsButNeverReplacesWhatACompletePageSaid() {
        Comment abbreviated = cut("7", "x".repeat(512), Completeness.TRUNCATED, 5);
        Comment cutShorter = cut("7", "x".repeat(368), Completeness.FULL, 1);
        ThreadFold fold = ThreadFold.of(List.of(
                page(1, Instant.parse("2020-01-01T00:00:00Z"), "aa", false, abbreviated),
                page(2, Instant.parse("2020-01-02T00:00:00Z"), "bb", true, cutShorter, full("8", null, "new", 2))));
        Comment kept = fold.entries().get("7").comment();
        assertEquals(512, kept.text().length());
        assertEquals(Completeness.TRUNCATED, kept.completeness());
        assertEquals(5, kept.score(), "a later but truncated page does not replace the score");
        assertTrue(fold.entries().containsKey("8"), "a truncated page still adds comments");
        assertFalse(fold.entries().get("8").fromComplete());
    }

    @Test
    void aCompletePageImprovesWhatOnlyATruncatedPageShowed() {
        Comment fromCut = cut("7", "x".repeat(100), Completeness.TRUNCATED, 1);
        Comment whole = full("7", null, "y".repeat(300), 3);
        ThreadFold fold = ThreadFold.of(List.of(
                page(1, Instant.parse("2020-01-01T00:00:00Z"), "aa", true, fromCut),
                page(2, Instant.parse("2020-01-02T00:00:00Z"), "bb", false, whole)));
        assertEquals(whole, fold.entries().get("7").comment());
        assertTrue(fold.entries().get("7").fromComplete());
    }

    @Test
    void thinnerSaveNeverMakesACommentWorse() {
        Comment whole = full("1", null, "the whole body", 3);
        Comment oneLine = new Comment("1", null, "alice", null, null, null, 4, null, "Re: 1", null, null,
                Completeness.ABBREVIATED, CommentState.NORMAL);
        Comment merged = ThreadMerge.comment(whole, true, oneLine, false);
        assertEquals("the whole body", merged.text());
        assertEquals(Completeness.FULL, merged.completeness());
        assertEquals(4, merged.score(), "the later page's score");
        assertEquals("Insightful", merged.label(), "a one-line view without a label keeps the label");
    }

    @Test
    void placeholderTakesTheParentAndAuthorOfTheRealComment() {
        Comment placeholder = Comment.placeholder("10", null);
        Comment real = full("10", "9", "the parent", 2);
        Comment merged = ThreadMerge.comment(placeholder, true, real, false);
        assertEquals("9", merged.parentId());
        assertEquals("alice", merged.author());
        assertEquals(Completeness.FULL, merged.completeness());
    }

    @Test
    void nothingBetterGivesTheSameInstance() {
        Comment c = full("1", null, "a", 1);
        assertSame(c, ThreadMerge.comment(c, true, c, false));
        assertSame(STORY, ThreadMerge.story(STORY, STORY));
    }

    @Test
    void extraCommentsOfAFullerSaveSlotInWhereThePageShowsThem() {
        ThreadFold fold = ThreadFold.of(List.of(
                page(1, Instant.parse("2020-01-01T00:00:00Z"), "aa", false, full("1", null, "a", 1),
                        full("3", null, "c", 1)),
                page(2, Instant.parse("2020-01-02T00:00:00Z"), "bb", false, full("1", null, "a", 1),
                        full("2", null, "b", 1), full("3", null, "c", 1))));
        assertEquals(List.of("1", "2", "3"), order(fold));
        Map<String, ThreadFold.Entry> e = fold.entries();
        assertEquals(2L, e.get("2").firstSource());
        assertEquals(2L, fold.latestAddingSource());
        assertTrue(fold.hadEarlierSave());
    }
}
