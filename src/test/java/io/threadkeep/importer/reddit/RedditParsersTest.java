package io.threadkeep.importer.reddit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.ParsedThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RedditParsersTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/reddit");

    private static Page page(String html) {
        return new Page(PageImporter.parseHtml(html, null), null, null, "test");
    }

    private static Page golden(String name) throws IOException {
        return page(Files.readString(GOLDEN.resolve(name)));
    }

    private static Map<String, Comment> byId(ParsedThread thread) {
        return thread.comments().stream().collect(Collectors.toMap(Comment::id, Function.identity()));
    }

    @Test
    void eachDesignIsReadByItsOwnParser() throws IOException {
        Page old = golden("old-design-german-ui.html");
        Page redesign = golden("new-design-2019-state.html");
        Page shreddit = golden("shreddit-2024.html");
        assertTrue(new OldRedditParser().accepts(old));
        assertFalse(new NewRedditParser().accepts(old), "old.reddit's lower-case 'comment' class is not 'Comment'");
        assertFalse(new ShredditParser().accepts(old));
        assertTrue(new NewRedditParser().accepts(redesign));
        assertFalse(new OldRedditParser().accepts(redesign));
        assertTrue(new ShredditParser().accepts(shreddit));
        assertFalse(new NewRedditParser().accepts(shreddit));
    }

    @Test
    void oldDesignStatesStubsAndScoresWithoutReadingWords() throws Exception {
        ParsedThread thread = new OldRedditParser().parse(golden("old-design-german-ui.html"));
        Map<String, Comment> c = byId(thread);
        assertEquals(CommentState.REMOVED, c.get("e5ab2nn").state(), "found by its report form though it lost its id");
        assertEquals(CommentState.DELETED, c.get("e5ac9vv").state());
        assertNull(c.get("e5ab2nn").author(), "'[gelöscht]' is a placeholder, not a name");
        assertEquals("e5ab2nn", c.get("e5ab7qq").parentId());
        assertFalse(c.containsKey("e5aa0zz"), "'load more comments' is not a comment");
        assertEquals(7, thread.comments().size());
        assertEquals(12, c.get("e5a8m1x").score(), "from the score's title");
        assertEquals(6, c.get("e5a9p2t").score(), "from the digits of '6 Punkte'");
        assertNull(c.get("e5ab7qq").score(), "score hidden");
        assertEquals(java.util.List.of("Finishing"), thread.story().tags());
    }

    @Test
    void newDesignPrefersThePageStateAndKeepsRenderedExtras() throws Exception {
        ParsedThread thread = new NewRedditParser().parse(golden("new-design-2019-state.html"));
        Map<String, Comment> c = byId(thread);
        assertEquals(7, c.size(), "6 in the page state (3 of them rendered) and 1 only rendered");
        assertEquals(CommentState.DELETED, c.get("eezq7c3").state());
        assertEquals(CommentState.REMOVED, c.get("ef01ee5").state());
        assertNull(c.get("ef01ee5").score(), "score hidden");
        assertEquals("eezq7c3", c.get("eezr0d4").parentId(), "behind 'continue this thread', still attached");
        assertTrue(c.get("eezm4b2").html().contains("<strong>frame bag</strong>"), "rendered body preferred");
        assertTrue(c.get("eezr0d4").html().contains("<pre><code>total: 3.2 kg"), c.get("eezr0d4").html());
        assertEquals("latecomer_lou", c.get("ef02aa9").author());
    }

    @Test
    void newDesignWithoutItsScriptsFallsBackToTheRenderedComments() throws Exception {
        String html = Files.readString(GOLDEN.resolve("new-design-2019-state.html"))
                .replaceAll("(?s)<script id=\"data\">.*?</script>", "");
        Page page = new Page(PageImporter.parseHtml(html, null), null, null, "no-scripts");
        assertTrue(new NewRedditParser().accepts(page));
        ParsedThread thread = new NewRedditParser().parse(page);
        Map<String, Comment> c = byId(thread);
        assertEquals(3, c.size());
        assertEquals("eezk1a1", c.get("eezm4b2").parentId(), "from the thread lines");
        assertEquals("ajx3m2", thread.story().siteStoryId());
        assertEquals("One pannier or two for a weekend loop?", thread.story().title());
    }

    @Test
    void shredditStatesAndParents() throws Exception {
        ParsedThread thread = new ShredditParser().parse(golden("shreddit-2024.html"));
        Map<String, Comment> c = byId(thread);
        assertEquals(6, c.size(), "the 'more replies' loaders are not comments");
        assertEquals(CommentState.DELETED, c.get("kq9b002").state());
        assertEquals(CommentState.REMOVED, c.get("kq9e005").state());
        assertEquals("kq9b002", c.get("kq9c003").parentId());
        assertNull(c.get("kq9a001").parentId());
        assertEquals(31, c.get("kq9a001").score());
    }

    @Test
    void permalinksOnEveryHostGiveOneStoryUrl() {
        String[] expected = {"AskHistorians", "abc123"};
        assertArrayEquals(expected, RedditLinks.subredditAndStory(
                "https://old.reddit.com/r/AskHistorians/comments/abc123/some_slug/"));
        assertArrayEquals(expected, RedditLinks.subredditAndStory("https://np.reddit.com/r/AskHistorians/comments/abc123"));
        assertArrayEquals(expected, RedditLinks.subredditAndStory("/r/AskHistorians/comments/abc123/x/def456/"));
        assertEquals("https://www.reddit.com/r/AskHistorians/comments/abc123/", RedditLinks.storyUrl("AskHistorians",
                "abc123"));
    }

    @Test
    void listingPagesAreNotThreads() {
        String listing = "<html><body><div id=\"siteTable\" class=\"sitetable linklisting\">"
                + "<div class=\" thing link\" data-fullname=\"t3_aaa111\" data-type=\"link\" data-subreddit=\"x\">"
                + "<a class=\"title\" href=\"/r/x/comments/aaa111/a/\">A</a></div>"
                + "<div class=\" thing link\" data-fullname=\"t3_bbb222\" data-type=\"link\" data-subreddit=\"x\">"
                + "<a class=\"title\" href=\"/r/x/comments/bbb222/b/\">B</a></div></div></body></html>";
        Page page = page(listing);
        assertTrue(new OldRedditParser().accepts(page));
        assertThrows(NotAThreadException.class, () -> new OldRedditParser().parse(page));
    }
}
