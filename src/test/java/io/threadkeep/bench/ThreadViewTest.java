package io.threadkeep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.threadkeep.model.Comment;
import io.threadkeep.store.StoredComment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's stand-in thread model and its statistics, which the reported figures rest on. */
class ThreadViewTest {

    private static StoredComment row(String id, String parent) {
        return new StoredComment(id.hashCode(), new Comment(id, parent, "a", null, null, null, null, null, null,
                "<p>x</p>", "x", null, null), false, false);
    }

    /** a(b(c), d), e(f), g in depth-first order. */
    private static List<StoredComment> thread() {
        List<StoredComment> rows = new ArrayList<>();
        rows.add(row("a", null));
        rows.add(row("b", "a"));
        rows.add(row("c", "b"));
        rows.add(row("d", "a"));
        rows.add(row("e", null));
        rows.add(row("f", "e"));
        rows.add(row("g", null));
        return rows;
    }

    @Test
    void collapseAllLeavesTheTopLevelAndExpandAllEverything() {
        ThreadView view = new ThreadView(thread());
        assertEquals(List.of("a", "e", "g"), ids(view.collapseAll()));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), ids(view.expandAll()));
        assertEquals(2, view.maxDepth());
    }

    @Test
    void statsGiveMedianPercentileAndRange() {
        Stats s = Stats.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
        assertEquals(3.0, s.median());
        assertEquals(1.0, s.min());
        assertEquals(5.0, s.max());
        assertEquals(5.0, s.percentile(95));
        assertEquals(2.5, Stats.of(List.of(1.0, 2.0, 3.0, 4.0)).median());
        assertEquals("3.0 (1.0–5.0)", s.summary("%.1f"));
    }

    private static List<String> ids(List<StoredComment> rows) {
        return rows.stream().map(r -> r.comment().id()).toList();
    }
}
