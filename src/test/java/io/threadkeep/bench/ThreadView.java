package io.threadkeep.bench;

import io.threadkeep.store.StoredComment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the reader's thread view-model until the UI's lands: the comments in depth-first order with
 * each one's depth and reply count, and the rows visible under a set of collapsed comments. It does the work any
 * tree view must do (index parents, compute depths, walk the visible rows), so the timings bound the real one.
 */
final class ThreadView {

    private final List<StoredComment> rows;
    private final int[] depth;
    private final int[] subtreeEnd;
    private final BitSet collapsed = new BitSet();

    ThreadView(List<StoredComment> depthFirst) {
        this.rows = depthFirst;
        int n = depthFirst.size();
        depth = new int[n];
        subtreeEnd = new int[n];
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            StoredComment c = depthFirst.get(i);
            index.put(c.comment().id(), i);
            Integer parent = c.comment().parentId() == null ? null : index.get(c.comment().parentId());
            depth[i] = parent == null ? 0 : depth[parent] + 1;
        }
        // In depth-first order a subtree is the run of following rows deeper than its root.
        int[] stack = new int[n + 1];
        int top = 0;
        for (int i = 0; i < n; i++) {
            while (top > 0 && depth[stack[top - 1]] >= depth[i]) {
                subtreeEnd[stack[--top]] = i;
            }
            stack[top++] = i;
        }
        while (top > 0) {
            subtreeEnd[stack[--top]] = n;
        }
    }

    int size() {
        return rows.size();
    }

    /** The rows a list view would show now. */
    List<StoredComment> visibleRows() {
        List<StoredComment> out = new ArrayList<>(rows.size());
        int i = 0;
        while (i < rows.size()) {
            out.add(rows.get(i));
            i = collapsed.get(i) ? subtreeEnd[i] : i + 1;
        }
        return out;
    }

    /** Collapses every comment that has replies and returns the rows left visible. */
    List<StoredComment> collapseAll() {
        for (int i = 0; i < rows.size(); i++) {
            if (subtreeEnd[i] > i + 1) {
                collapsed.set(i);
            }
        }
        return visibleRows();
    }

    List<StoredComment> expandAll() {
        collapsed.clear();
        return visibleRows();
    }

    int maxDepth() {
        int max = 0;
        for (int d : depth) {
            max = Math.max(max, d);
        }
        return max;
    }
}
