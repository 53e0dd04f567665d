package io.threadkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ScoreRules;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SearchHit;
import io.threadkeep.search.SearchService;
import io.threadkeep.search.SortOrder;
import io.threadkeep.ui.TestThreads;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderMarksTest {

    @TempDir
    Path dir;

    private static List<Comment> comments() {
        return List.of(
                TestThreads.comment("1", null, "alice", 5, "Kernel", "<p>kernel scheduler</p>", "kernel scheduler"),
                TestThreads.comment("2", "1", "bob", 1, "Re:Kernel", "<p>kernel patch</p>", "kernel patch"),
                new Comment("3", "1", "carol", null, null, null, 2, "Funny", "Re:Kernel", "<p>kernel joke</p>",
                        "kernel joke", null, null),
                TestThreads.comment("4", null, "dave", 0, "Other", "<p>kernel driver</p>", "kernel driver"));
    }

    private static Story story() {
        return TestThreads.story(Site.SLASHDOT, "20/10/07/1", "Marks survive", "editor", null);
    }

    /** Throws away a story's comments and pages, as a rebuild from its pages starts; the story row stays. */
    private static void dropThread(ArchiveStore store, long storyId) {
        store.withConnection(c -> {
            for (String sql : List.of("DELETE FROM comment WHERE story_id = ?",
                    "DELETE FROM source_file WHERE story_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, storyId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Test
    void starsNotesAndThePositionSurviveTheThreadBeingBuiltAgain() {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("a.db"))) {
            ReaderMarks marks = new ReaderMarks(store);
            long id = TestThreads.save(store, story(), comments());
            long rowBefore = store.comments(id).get(1).rowId();
            marks.setStarred(id, "2", true);
            marks.setNote(id, "2", "  bob is right about this  ");
            marks.setNote(id, "4", "check later");
            marks.setLastReadComment(id, "3");

            dropThread(store, id);
            // Another story takes the freed row ids first, so the rebuilt comments get other ones.
            TestThreads.save(store, TestThreads.story(Site.SLASHDOT, "20/10/08/2", "Other", "editor", null),
                    comments());
            assertEquals(id, TestThreads.save(store, story(), comments()), "the story keeps its id");
            long rowAfter = store.comments(id).get(1).rowId();
            assertNotEquals(rowBefore, rowAfter, "the comments are new rows");

            assertEquals(new ReaderMarks.Mark(true, "bob is right about this"), marks.marks(id).get("2"));
            assertEquals(Optional.of("3"), marks.lastReadComment(id));
            List<ReaderMarks.Marked> marked = marks.marked();
            assertEquals(2, marked.size());
            ReaderMarks.Marked bob = marked.stream().filter(m -> m.siteCommentId().equals("2")).findFirst()
                    .orElseThrow();
            assertEquals(rowAfter, bob.commentRowId(), "found in the rebuilt thread");
            assertEquals("alice", bob.parentAuthor(), "in context: whom it answered");
            assertEquals("Marks survive", bob.storyTitle());

            // Taking the star and the note away leaves nothing behind.
            marks.setStarred(id, "2", false);
            marks.setNote(id, "2", " ");
            assertTrue(!marks.marks(id).containsKey("2"));
        }
    }

    @Test
    void scoringIsKeptPerSiteAndAuthorAndPerLabel() {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("b.db"))) {
            ReaderMarks marks = new ReaderMarks(store);
            marks.setAuthorPoints(Site.SLASHDOT, "Bob", 1);
            marks.setAuthorPoints(Site.HACKERNEWS, "bob", -1);
            marks.setLabelPoints("Funny", -1);
            ScoreRules rules = marks.scoreRules();
            assertEquals(1, rules.authorPoints(Site.SLASHDOT, "bob"), "names compare without case");
            assertEquals(-1, rules.authorPoints(Site.HACKERNEWS, "BOB"));
            assertEquals(-1, rules.labelPoints("funny"));
            marks.setAuthorPoints(Site.SLASHDOT, "bob", 0);
            assertEquals(0, marks.scoreRules().authorPoints(Site.SLASHDOT, "bob"));
        }
    }

    @Test
    void searchFindsStarredAndAnnotatedCommentsAndComparesAdjustedScores() {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("c.db"))) {
            ReaderMarks marks = new ReaderMarks(store);
            long id = TestThreads.save(store, story(), comments());
            marks.setStarred(id, "2", true);
            marks.setNote(id, "4", "check later");
            SearchService search = new SearchService(store);

            assertEquals(List.of("2"), ids(search, "is:starred", SearchContext.NONE));
            assertEquals(List.of("4"), ids(search, "kernel has:note", SearchContext.NONE));
            assertEquals(List.of("1", "3", "4"), ids(search, "kernel -is:starred", SearchContext.NONE));

            // bob (1) is a friend, Funny costs a point: carol's Funny 2 becomes 1, bob's 1 becomes 2.
            marks.setAuthorPoints(Site.SLASHDOT, "bob", 1);
            marks.setLabelPoints("funny", -1);
            SearchContext adjusted = new SearchContext(null, true);
            SearchContext plain = new SearchContext(null, false);
            assertEquals(List.of("1", "2"), ids(search, "kernel score:>=2", adjusted));
            assertEquals(List.of("1", "3"), ids(search, "kernel score:>=2", plain));
            // Slashdot scores stay within -1..5: alice's 5 with a friend's point is still 5.
            marks.setAuthorPoints(Site.SLASHDOT, "alice", 1);
            assertEquals(List.of("1"), ids(search, "kernel score:5", adjusted));
        }
    }

    private static List<String> ids(SearchService search, String query, SearchContext context) {
        return search.search(query, context, SortOrder.OLDEST, 0, 50).hits().stream()
                .filter(h -> !h.isStory()).map(SearchHit::commentId).sorted().toList();
    }
}
