package io.threadkeep.ui.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ThreadOrder;
import io.threadkeep.store.StoredComment;
import io.threadkeep.ui.TestThreads;
import io.threadkeep.ui.thread.ThreadModel.Row;
import io.threadkeep.ui.thread.ThreadModel.RowKind;
import io.threadkeep.ui.thread.ThreadModel.SortOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadModelTest {

    /*
     * a (5)
     *   b (2)
     *     c (-1)
     *   d (0)
     * e (-1)
     *   f (3)
     * g (-1)
     * h (-1)
     */
    private static ThreadModel sample() {
        List<Comment> comments = List.of(
                c("a", null, 5, 1), c("b", "a", 2, 2), c("c", "b", -1, 3), c("d", "a", 0, 4),
                c("e", null, -1, 5), c("f", "e", 3, 6), c("g", null, -1, 7), c("h", null, -1, 8));
        return model(comments);
    }

    private static ThreadModel model(List<Comment> comments) {
        List<StoredComment> stored = new ArrayList<>();
        long row = 1;
        for (Comment c : ThreadOrder.depthFirst(comments)) {
            stored.add(new StoredComment(row++, c, false, false));
        }
        return new ThreadModel(stored);
    }

    private static Comment c(String id, String parent, Integer score, int minute) {
        return new Comment(id, parent, "user-" + id, null, Instant.parse("2020-01-01T00:00:00Z").plusSeconds(minute * 60L),
                null, score, null, "subject " + id, "<p>body " + id + "</p>", "body " + id, Completeness.FULL,
                CommentState.NORMAL);
    }

    private static String describe(ThreadModel m, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (Row r : rows) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(m.comment(r.item()).id()).append(':').append(switch (r.kind()) {
                case FULL -> "F";
                case ONE_LINE -> "1";
                case COLLAPSED -> "C" + r.count();
                case PLACEHOLDER -> "P";
                case HIDDEN_GROUP -> "H" + r.count();
            });
        }
        return sb.toString();
    }

    @Test
    void defaultThresholdsShowLowScoresAsOneLineAndHideNothing() {
        ThreadModel m = sample();
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
    }

    @Test
    void hiddenSiblingsFoldIntoOneCountedRowButParentsOfVisibleRepliesStay() {
        ThreadModel m = sample();
        m.setThresholds(1, 0);
        // e is below the hiding threshold but f (3) replies to it, so e stays as one line; g and h fold together.
        assertEquals("a:F b:F c:H1 d:1 e:1 f:F g:H2", describe(m, m.rows()));
    }

    @Test
    void hidingThresholdNeverExceedsTheOneLineThreshold() {
        ThreadModel m = sample();
        m.setThresholds(2, 5);
        assertEquals(2, m.hideThreshold());
        assertEquals("a:F b:F c:H1 d:H1 e:1 f:F g:H2", describe(m, m.rows()));
    }

    @Test
    void revealingAHiddenGroupShowsItsComments() {
        ThreadModel m = sample();
        m.setThresholds(1, 0);
        Row group = m.rows().get(6);
        assertEquals(RowKind.HIDDEN_GROUP, group.kind());
        m.revealRange(group.from(), group.to());
        assertEquals("a:F b:F c:H1 d:1 e:1 f:F g:F h:F", describe(m, m.rows()));
    }

    @Test
    void collapsingHidesTheSubtreeAndCountsIt() {
        ThreadModel m = sample();
        m.setCollapsed(m.itemOfId("a"), true);
        assertEquals("a:C3 e:1 f:F g:1 h:1", describe(m, m.rows()));
        m.setCollapsed(m.itemOfId("a"), false);
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
    }

    @Test
    void collapsingACommentWithoutRepliesDoesNothing() {
        ThreadModel m = sample();
        m.setCollapsed(m.itemOfId("c"), true);
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
    }

    @Test
    void collapseAllKeepsOnlyTopLevelThreadsAndExpandAllRestores() {
        ThreadModel m = sample();
        m.setCollapsed(m.itemOfId("b"), true);
        m.collapseAll();
        assertEquals("a:C3 e:C1 g:1 h:1", describe(m, m.rows()));
        m.expandAll();
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
    }

    @Test
    void bringIntoViewExpandsAncestorsAndLiftsThresholds() {
        ThreadModel m = sample();
        m.setThresholds(1, 0);
        m.collapseAll();
        int c = m.itemOfId("c");
        m.bringIntoView(c);
        List<Row> rows = m.rows();
        assertEquals("a:F b:F c:F d:1 e:C1 g:H2", describe(m, rows));
        assertEquals(RowKind.FULL, rows.get(m.rowOf(c)).kind());
    }

    @Test
    void sortingReordersSiblingsAndKeepsRepliesUnderTheirParents() {
        ThreadModel m = sample();
        m.setSortOrder(SortOrder.SCORE);
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
        m.setSortOrder(SortOrder.NEWEST);
        assertEquals("h:1 g:1 e:1 f:F a:F d:1 b:F c:1", describe(m, m.rows()));
        m.setSortOrder(SortOrder.THREAD);
        assertEquals("a:F b:F c:1 d:1 e:1 f:F g:1 h:1", describe(m, m.rows()));
    }

    @Test
    void scoreSortPutsHighestFirstAmongSiblings() {
        List<Comment> comments = List.of(c("a", null, 1, 1), c("b", null, 4, 2), c("c", null, 2, 3),
                c("d", "a", 0, 4), c("e", "a", 5, 5));
        ThreadModel m = model(comments);
        m.setThresholds(-1, -1);
        m.setSortOrder(SortOrder.SCORE);
        assertEquals("b:F c:F a:F e:F d:F", describe(m, m.rows()));
    }

    @Test
    void placeholdersAndBodylessCommentsShowWithoutBodies() {
        List<Comment> comments = new ArrayList<>();
        comments.add(Comment.placeholder("p", null));
        comments.add(c("x", "p", 5, 1));
        comments.add(new Comment("m", null, "meta", null, null, null, 5, null, "only metadata", null, null,
                Completeness.METADATA_ONLY, CommentState.NORMAL));
        comments.add(new Comment("n", null, null, null, null, "5 hours ago", null, null, null, "<p>hn</p>", "hn",
                Completeness.FULL, CommentState.NORMAL));
        ThreadModel m = model(comments);
        m.setThresholds(5, 5);
        // Thresholds only apply to comments that have a score (n has none).
        assertEquals("p:P x:F m:1 n:F", describe(m, m.rows()));
    }

    @Test
    void largeThreadsLayOutInLinearPasses() {
        ThreadModel m = model(TestThreads.generated(20_000, 7));
        m.collapseAll();
        int collapsedRows = m.rows().size();
        m.expandAll();
        List<Row> all = m.rows();
        assertTrue(collapsedRows < all.size());
        int total = 0;
        for (Row r : all) {
            total += r.kind() == RowKind.HIDDEN_GROUP ? r.count() : 1;
        }
        assertEquals(20_000, total, "every comment is a row or counted in a hidden group");
    }
}
