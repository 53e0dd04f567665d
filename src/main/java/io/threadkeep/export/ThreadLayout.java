package io.threadkeep.export;

import io.threadkeep.model.Comment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each comment of a thread is drawn: its depth in the tree, and the depth at which it is drawn, which stops at
 * {@link #MAX_DRAWN_DEPTH} so that a 10,000-deep chain of replies stays readable; replies deeper than that continue
 * at the last level, each naming the comment it answers. Computed in one pass, without recursion.
 */
final class ThreadLayout {

    /** The deepest level drawn in Markdown and HTML. */
    static final int MAX_DRAWN_DEPTH = 32;

    private final int[] depth;
    private final Comment[] parent;

    /** {@code comments} must be in depth-first order (parents before their replies). */
    ThreadLayout(List<Comment> comments) {
        depth = new int[comments.size()];
        parent = new Comment[comments.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            Integer p = c.parentId() == null ? null : index.get(c.parentId());
            if (p != null) {
                depth[i] = depth[p] + 1;
                parent[i] = comments.get(p);
            } else {
                depth[i] = 1;
            }
            index.putIfAbsent(c.id(), i);
        }
    }

    /** 1 for a top-level comment. */
    int depth(int i) {
        return depth[i];
    }

    int drawnDepth(int i) {
        return Math.min(depth[i], MAX_DRAWN_DEPTH);
    }

    /** The parent when the comment is drawn beside it rather than under it, else null. */
    Comment answersBeside(int i) {
        return depth[i] > MAX_DRAWN_DEPTH ? parent[i] : null;
    }

    Comment parent(int i) {
        return parent[i];
    }
}
