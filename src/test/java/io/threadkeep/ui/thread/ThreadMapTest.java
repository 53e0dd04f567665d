package io.threadkeep.ui.thread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ScoreRules;
import io.threadkeep.model.Site;
import io.threadkeep.store.StoredComment;
import io.threadkeep.ui.TestThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadMapTest {

    private static ThreadModel model(List<Comment> comments, boolean read) {
        List<StoredComment> stored = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            stored.add(new StoredComment(i + 1, comments.get(i), read, i == comments.size() - 1));
        }
        return new ThreadModel(stored);
    }

    private static Comment c(String id, String parent, String author, int score) {
        return TestThreads.comment(id, parent, author, score, "s" + id, "<p>t</p>", "t");
    }

    @Test
    void eachTopLevelThreadIsABandSizedByItsCommentsAndShadedByScore() {
        ThreadModel model = model(List.of(c("1", null, "a", 5), c("2", "1", "b", 5), c("3", "2", "c", 3),
                c("4", null, "d", -1), c("5", null, "e", 1), c("6", "5", "f", 1)), false);
        ThreadMap map = ThreadMap.compute(ThreadMap.Snapshot.of(model, i -> i != 1, new int[] {3}));
        assertEquals(6, map.size());
        assertEquals(List.of(0, 3, 4), map.bands().stream().map(ThreadMap.Band::item).toList());
        assertEquals(List.of(3, 1, 2), map.bands().stream().map(ThreadMap.Band::count).toList());
        assertEquals(1.0, map.bands().get(0).shade(), 1e-9, "the best-scored thread is darkest");
        assertEquals(0.0, map.bands().get(1).shade(), 1e-9);
        assertArrayEquals(new int[] {0, 2, 3, 4, 5}, map.unreadPositions());
        assertArrayEquals(new int[] {5}, map.freshPositions());
        assertArrayEquals(new int[] {3}, map.hitPositions());
        assertEquals(0, map.bandAt(2));
        assertEquals(1, map.bandAt(3));
        assertEquals(2, map.bandAt(99), "clamped to the thread");
    }

    @Test
    void theMapFollowsTheSortAndTheReadersScoring() {
        ThreadModel model = model(List.of(c("1", null, "a", 1), c("2", null, "b", 4), c("3", "2", "c", 4)), true);
        model.setSortOrder(ThreadModel.SortOrder.SCORE);
        ThreadMap byScore = ThreadMap.compute(ThreadMap.Snapshot.of(model, i -> false, new int[0]));
        assertEquals(List.of(1, 0), byScore.bands().stream().map(ThreadMap.Band::item).toList());
        assertEquals(0, byScore.unreadPositions().length);

        // A friend's point lifts a's thread above b's.
        model.setScoreRules(new ScoreRules(Map.of(ScoreRules.authorKey(Site.SLASHDOT, "a"), 4), Map.of()),
                Site.SLASHDOT);
        ThreadMap adjusted = ThreadMap.compute(ThreadMap.Snapshot.of(model, i -> false, new int[0]));
        assertEquals(List.of(0, 1), adjusted.bands().stream().map(ThreadMap.Band::item).toList());
        assertEquals(5.0, adjusted.bands().get(0).score(), 1e-9);
    }

    @Test
    void twentyThousandCommentsLayOutInOnePass() {
        ThreadModel model = model(TestThreads.generated(20_000, 7), false);
        ThreadMap map = ThreadMap.compute(ThreadMap.Snapshot.of(model, i -> true, new int[0]));
        assertEquals(20_000, map.bands().stream().mapToInt(ThreadMap.Band::count).sum());
        assertEquals(20_000, map.unreadPositions().length);
        assertTrue(map.bands().size() > 100, "the generator makes many top-level threads");
    }
}
