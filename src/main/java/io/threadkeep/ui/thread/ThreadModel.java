package io.threadkeep.ui.thread;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ScoreRules;
import io.threadkeep.model.Site;
import io.threadkeep.store.StoredComment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One story's comment tree as flat arrays, and the rows it shows. Expanding, collapsing or moving a threshold
 * only recomputes a list of rows in one linear pass; the list view then gets that list in one piece. A tree of
 * controls would instead update node by node, which turns quadratic on big threads.
 *
 * <p>Items are indexed by their position in the depth-first order the store gave ("item"); the current sort is
 * a permutation of items ({@code seq}) with subtree ends ({@code end}) in that permutation.
 */
final class ThreadModel {

    /** How one row shows. */
    enum RowKind {
        /** Header and full body. */
        FULL,
        /** Header and one line of the body: below the first threshold, or not saved with its body. */
        ONE_LINE,
        /** Collapsed by the reader: header and how many replies it hides. */
        COLLAPSED,
        /** A parent that replies name but no save held. */
        PLACEHOLDER,
        /** Comments below the second threshold, folded into one "N hidden" line. */
        HIDDEN_GROUP
    }

    /**
     * One visible row.
     *
     * @param kind  how it shows
     * @param item  the comment (the first of the group for HIDDEN_GROUP)
     * @param count replies hidden (COLLAPSED) or comments hidden (HIDDEN_GROUP)
     * @param from  for HIDDEN_GROUP: first sequence position of the group
     * @param to    for HIDDEN_GROUP: sequence position after the group
     */
    record Row(RowKind kind, int item, int count, int from, int to) {
    }

    /** Sibling order within one thread; search results have their own order ({@code search.SortOrder}). */
    enum SortOrder {
        THREAD("Thread order"), NEWEST("Newest first"), SCORE("Highest score first");

        private final String label;

        SortOrder(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Lowest and highest threshold values (Slashdot's score range). */
    static final int MIN_THRESHOLD = -1;
    static final int MAX_THRESHOLD = 5;

    private final List<StoredComment> comments;
    private final int size;
    private final int[] parent;
    private final int[] depth;
    private final Map<String, Integer> itemById;
    private final Map<Long, Integer> itemByRowId;

    private int[] seq;
    private int[] posOf;
    private int[] end;

    private final boolean[] collapsed;
    private final boolean[] revealed;
    private final boolean[] unreadAtOpen;
    private boolean[] shownBelow;

    private int fullThreshold = 1;
    private int hideThreshold = MIN_THRESHOLD;
    private SortOrder sortOrder = SortOrder.THREAD;
    private int[] rowOfItem;
    private ScoreRules.Adjusted[] adjusted;
    /** Adjusted scores as plain ints ({@code Integer.MIN_VALUE}: none); replaced whole, never changed in place. */
    private int[] scoreValues = new int[0];
    /** New since the last save, per item; fixed for the model's life. */
    private final boolean[] fresh;

    ThreadModel(List<StoredComment> depthFirst) {
        this.comments = List.copyOf(depthFirst);
        this.size = comments.size();
        this.parent = new int[size];
        this.depth = new int[size];
        this.itemById = new HashMap<>(size * 2);
        this.itemByRowId = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            itemById.putIfAbsent(comments.get(i).comment().id(), i);
            itemByRowId.put(comments.get(i).rowId(), i);
        }
        for (int i = 0; i < size; i++) {
            String parentId = comments.get(i).comment().parentId();
            Integer p = parentId == null ? null : itemById.get(parentId);
            // The store's order puts parents first; anything else (a cycle it broke) is shown at the top level.
            parent[i] = p != null && p < i ? p : -1;
            depth[i] = parent[i] < 0 ? 0 : depth[parent[i]] + 1;
        }
        this.collapsed = new boolean[size];
        this.revealed = new boolean[size];
        this.unreadAtOpen = new boolean[size];
        for (int i = 0; i < size; i++) {
            unreadAtOpen[i] = !comments.get(i).read() && comments.get(i).comment().completeness() != Completeness.PLACEHOLDER;
        }
        this.adjusted = new ScoreRules.Adjusted[size];
        this.fresh = new boolean[size];
        for (int i = 0; i < size; i++) {
            fresh[i] = comments.get(i).newSinceLastSave();
        }
        setScoreRules(ScoreRules.NONE, Site.SLASHDOT);
    }

    /** Applies the reader's scoring: thresholds and sorting by score use the adjusted scores from now on. */
    void setScoreRules(ScoreRules rules, Site site) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            adjusted[i] = rules.adjust(site, comments.get(i).comment());
            values[i] = adjusted[i].score() == null ? Integer.MIN_VALUE : adjusted[i].score();
        }
        scoreValues = values;
        applySort();
        computeShownBelow();
    }

    /*
     * Arrays for the thread map's snapshot. Each is either fixed for the model's life or replaced whole when it
     * changes, never written in place, so a background task may read the one it was handed.
     */

    int[] sequenceArray() {
        return seq;
    }

    int[] depthArray() {
        return depth;
    }

    int[] scoreArray() {
        return scoreValues;
    }

    boolean[] freshArray() {
        return fresh;
    }

    /** The comment's score after the reader's adjustments, null when it has none. */
    Integer score(int item) {
        return adjusted[item].score();
    }

    /** How the reader's scoring changed the item's score. */
    ScoreRules.Adjusted adjustment(int item) {
        return adjusted[item];
    }

    // ------------------------------------------------------------------------------------------ items

    int size() {
        return size;
    }

    StoredComment stored(int item) {
        return comments.get(item);
    }

    Comment comment(int item) {
        return comments.get(item).comment();
    }

    int depth(int item) {
        return depth[item];
    }

    int parent(int item) {
        return parent[item];
    }

    /** Replies below the item, at any depth. */
    int descendants(int item) {
        int p = posOf[item];
        return end[p] - p - 1;
    }

    boolean hasReplies(int item) {
        return descendants(item) > 0;
    }

    boolean isCollapsed(int item) {
        return collapsed[item];
    }

    boolean wasUnreadAtOpen(int item) {
        return unreadAtOpen[item];
    }

    void forgetUnread() {
        Arrays.fill(unreadAtOpen, false);
    }

    int itemOfId(String siteCommentId) {
        Integer i = itemById.get(siteCommentId);
        return i == null ? -1 : i;
    }

    int itemOfRowId(long rowId) {
        Integer i = itemByRowId.get(rowId);
        return i == null ? -1 : i;
    }

    /** Items in the current sort order. */
    int itemAt(int sequencePosition) {
        return seq[sequencePosition];
    }

    int sequencePosition(int item) {
        return posOf[item];
    }

    // ------------------------------------------------------------------------------------------ settings

    int fullThreshold() {
        return fullThreshold;
    }

    int hideThreshold() {
        return hideThreshold;
    }

    /** Sets both thresholds; the hiding one never exceeds the one-line one. */
    void setThresholds(int full, int hide) {
        fullThreshold = clamp(full);
        hideThreshold = Math.min(clamp(hide), fullThreshold);
        computeShownBelow();
    }

    private static int clamp(int t) {
        return Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, t));
    }

    SortOrder sortOrder() {
        return sortOrder;
    }

    void setSortOrder(SortOrder order) {
        if (order != sortOrder) {
            sortOrder = order;
            applySort();
            computeShownBelow();
        }
    }

    // ------------------------------------------------------------------------------------------ commands

    void setCollapsed(int item, boolean value) {
        collapsed[item] = value && hasReplies(item);
    }

    void expandAll() {
        Arrays.fill(collapsed, false);
    }

    /** Collapses every top-level thread that has replies, so the page becomes a list of threads. */
    void collapseAll() {
        Arrays.fill(collapsed, false);
        for (int i = 0; i < size; i++) {
            if (parent[i] < 0 && hasReplies(i)) {
                collapsed[i] = true;
            }
        }
    }

    /** Shows an item in full although a threshold would shorten or hide it. */
    void reveal(int item) {
        revealed[item] = true;
        computeShownBelow();
    }

    /** Shows every comment of a hidden group. */
    void revealRange(int fromPosition, int toPosition) {
        for (int p = fromPosition; p < toPosition; p++) {
            revealed[seq[p]] = true;
        }
        computeShownBelow();
    }

    /** Makes the item a row of its own, shown in full: expands its ancestors and lifts thresholds for it. */
    void bringIntoView(int item) {
        for (int a = parent[item]; a >= 0; a = parent[a]) {
            collapsed[a] = false;
        }
        if (visibility(item) != RowKind.FULL) {
            revealed[item] = true;
            computeShownBelow();
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    /** How an item shows by thresholds and completeness alone, ignoring collapse. */
    RowKind visibility(int item) {
        Comment c = comments.get(item).comment();
        if (c.completeness() == Completeness.PLACEHOLDER) {
            return RowKind.PLACEHOLDER;
        }
        boolean bodyless = !c.completeness().hasBody() || c.html() == null || c.html().isBlank()
                || c.text() == null || c.text().isBlank();
        if (revealed[item]) {
            return bodyless ? RowKind.ONE_LINE : RowKind.FULL;
        }
        Integer score = adjusted[item].score();
        if (score != null && score < hideThreshold) {
            return RowKind.HIDDEN_GROUP;
        }
        if (score != null && score < fullThreshold) {
            return RowKind.ONE_LINE;
        }
        return bodyless ? RowKind.ONE_LINE : RowKind.FULL;
    }

    /** The rows to show now, in one pass over the tree. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(Math.min(size, 4096));
        rowOfItem = new int[size];
        Arrays.fill(rowOfItem, -1);
        int p = 0;
        while (p < size) {
            int item = seq[p];
            RowKind kind = visibility(item);
            if (kind == RowKind.HIDDEN_GROUP && !shownBelow[item]) {
                int from = p;
                int count = 0;
                int q = p;
                int level = depth[item];
                int limit = parent[item] < 0 ? size : end[posOf[parent[item]]];
                while (q < limit && depth[seq[q]] == level && visibility(seq[q]) == RowKind.HIDDEN_GROUP
                        && !shownBelow[seq[q]]) {
                    count += end[q] - q;
                    q = end[q];
                }
                rowOfItem[item] = rows.size();
                rows.add(new Row(RowKind.HIDDEN_GROUP, item, count, from, q));
                p = q;
                continue;
            }
            if (kind == RowKind.HIDDEN_GROUP) {
                // Hidden itself, but replies above the threshold need their parent's line to hang from.
                kind = RowKind.ONE_LINE;
            }
            rowOfItem[item] = rows.size();
            if (collapsed[item] && kind != RowKind.PLACEHOLDER) {
                rows.add(new Row(RowKind.COLLAPSED, item, end[p] - p - 1, p, end[p]));
                p = end[p];
            } else if (collapsed[item]) {
                rows.add(new Row(RowKind.PLACEHOLDER, item, end[p] - p - 1, p, end[p]));
                p = end[p];
            } else {
                rows.add(new Row(kind, item, 0, p, p + 1));
                p++;
            }
        }
        return rows;
    }

    /** The row index of an item after the last {@link #rows()}, or -1 when it is inside a collapsed or hidden row. */
    int rowOf(int item) {
        return rowOfItem == null || item < 0 ? -1 : rowOfItem[item];
    }

    // ------------------------------------------------------------------------------------------ internals

    private void computeShownBelow() {
        boolean[] below = new boolean[size];
        for (int p = size - 1; p >= 0; p--) {
            int item = seq[p];
            int up = parent[item];
            if (up >= 0 && (below[item] || visibility(item) != RowKind.HIDDEN_GROUP)) {
                below[up] = true;
            }
        }
        shownBelow = below;
    }

    private void applySort() {
        List<List<Integer>> children = new ArrayList<>(size + 1);
        for (int i = 0; i <= size; i++) {
            children.add(null);
        }
        for (int i = 0; i < size; i++) {
            int key = parent[i] < 0 ? size : parent[i];
            List<Integer> list = children.get(key);
            if (list == null) {
                list = new ArrayList<>(4);
                children.set(key, list);
            }
            list.add(i);
        }
        Comparator<Integer> comparator = siblingComparator();
        if (comparator != null) {
            for (List<Integer> list : children) {
                if (list != null && list.size() > 1) {
                    list.sort(comparator);
                }
            }
        }
        seq = new int[size];
        posOf = new int[size];
        end = new int[size];
        int[] stack = new int[size + 1];
        int top = 0;
        int written = 0;
        List<Integer> roots = children.get(size);
        if (roots != null) {
            for (int k = roots.size() - 1; k >= 0; k--) {
                stack[top++] = roots.get(k);
            }
        }
        while (top > 0) {
            int item = stack[--top];
            posOf[item] = written;
            seq[written++] = item;
            List<Integer> kids = children.get(item);
            if (kids != null) {
                for (int k = kids.size() - 1; k >= 0; k--) {
                    stack[top++] = kids.get(k);
                }
            }
        }
        // Subtree ends, deepest first: an item's subtree ends where its last descendant's does.
        for (int p = size - 1; p >= 0; p--) {
            end[p] = Math.max(end[p], p + 1);
            int item = seq[p];
            if (parent[item] >= 0) {
                int pp = posOf[parent[item]];
                end[pp] = Math.max(end[pp], end[p]);
            }
        }
    }

    private Comparator<Integer> siblingComparator() {
        return switch (sortOrder) {
            case THREAD -> null;
            case NEWEST -> Comparator.<Integer, java.time.Instant>comparing(i -> comments.get(i).comment().posted(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparingInt(i -> i);
            case SCORE -> Comparator.<Integer, Integer>comparing(i -> adjusted[i].score(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparingInt(i -> i);
        };
    }
}
