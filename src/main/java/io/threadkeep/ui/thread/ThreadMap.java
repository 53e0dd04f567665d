package io.threadkeep.ui.thread;

import java.util.ArrayList;
import java.util.List;

/**
 * The thread map's content: every top-level sub-thread as a band covering its comments' positions in the current
 * order, with a score per band and the positions of unread, new and matching comments. Computed from a
 * {@link Snapshot} off the FX thread; painting then only scales positions to pixels.
 */
final class ThreadMap {

    /**
     * One top-level sub-thread.
     *
     * @param item  the top-level comment
     * @param from  its sequence position
     * @param count comments in the sub-thread, itself included
     * @param score mean adjusted score of its scored comments, or NaN when none has a score
     * @param shade 0 (lowest band score of the story) … 1 (highest); 0.5 without scores
     */
    record Band(int item, int from, int count, double score, double shade) {
        int to() {
            return from + count;
        }
    }

    /**
     * What the map needs, copied on the FX thread in one pass (the model keeps changing there).
     *
     * @param sequence items in display order
     * @param depth    depth of each item (by item)
     * @param score    adjusted score per item, {@code Integer.MIN_VALUE} for none
     * @param unread   per item
     * @param fresh    new since the last save, per item
     * @param hit      matches of find-in-thread, per item
     */
    record Snapshot(int[] sequence, int[] depth, int[] score, boolean[] unread, boolean[] fresh, boolean[] hit) {

        /**
         * Shares the model's arrays that are never changed in place (order, depth, scores, new marks) and copies
         * only the unread flags: a few microseconds on the FX thread even for 20,000 comments.
         */
        static Snapshot of(ThreadModel model, java.util.function.IntPredicate unreadNow, int[] hits) {
            int n = model.size();
            boolean[] unread = new boolean[n];
            for (int i = 0; i < n; i++) {
                unread[i] = unreadNow.test(i);
            }
            boolean[] hit = new boolean[n];
            for (int h : hits) {
                if (h >= 0 && h < n) {
                    hit[h] = true;
                }
            }
            return new Snapshot(model.sequenceArray(), model.depthArray(), model.scoreArray(), unread,
                    model.freshArray(), hit);
        }
    }

    static final ThreadMap EMPTY = new ThreadMap(0, List.of(), new int[0], new int[0], new int[0], new int[0]);

    private final int size;
    private final List<Band> bands;
    private final int[] bandStarts;
    private final int[] unreadPositions;
    private final int[] freshPositions;
    private final int[] hitPositions;

    private ThreadMap(int size, List<Band> bands, int[] bandStarts, int[] unreadPositions, int[] freshPositions,
                      int[] hitPositions) {
        this.size = size;
        this.bands = bands;
        this.bandStarts = bandStarts;
        this.unreadPositions = unreadPositions;
        this.freshPositions = freshPositions;
        this.hitPositions = hitPositions;
    }

    /** Lays out the bands in one pass over the sequence. */
    static ThreadMap compute(Snapshot s) {
        int n = s.sequence().length;
        List<int[]> raw = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        int[] unread = new int[n];
        int[] fresh = new int[n];
        int[] hits = new int[n];
        int nu = 0;
        int nf = 0;
        int nh = 0;
        long sum = 0;
        int scored = 0;
        for (int p = 0; p < n; p++) {
            int item = s.sequence()[p];
            if (s.depth()[item] == 0 || raw.isEmpty()) {
                if (!raw.isEmpty()) {
                    scores.add(new double[] {scored == 0 ? Double.NaN : (double) sum / scored});
                }
                raw.add(new int[] {item, p});
                sum = 0;
                scored = 0;
            }
            if (s.score()[item] != Integer.MIN_VALUE) {
                sum += s.score()[item];
                scored++;
            }
            if (s.unread()[item]) {
                unread[nu++] = p;
            }
            if (s.fresh()[item]) {
                fresh[nf++] = p;
            }
            if (s.hit()[item]) {
                hits[nh++] = p;
            }
        }
        if (!raw.isEmpty()) {
            scores.add(new double[] {scored == 0 ? Double.NaN : (double) sum / scored});
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] sc : scores) {
            if (!Double.isNaN(sc[0])) {
                min = Math.min(min, sc[0]);
                max = Math.max(max, sc[0]);
            }
        }
        List<Band> bands = new ArrayList<>(raw.size());
        int[] starts = new int[raw.size()];
        for (int b = 0; b < raw.size(); b++) {
            int from = raw.get(b)[1];
            int to = b + 1 < raw.size() ? raw.get(b + 1)[1] : n;
            double score = scores.get(b)[0];
            double shade = Double.isNaN(score) ? 0.5 : max > min ? (score - min) / (max - min) : 0.5;
            bands.add(new Band(raw.get(b)[0], from, to - from, score, shade));
            starts[b] = from;
        }
        return new ThreadMap(n, List.copyOf(bands), starts, java.util.Arrays.copyOf(unread, nu),
                java.util.Arrays.copyOf(fresh, nf), java.util.Arrays.copyOf(hits, nh));
    }

    int size() {
        return size;
    }

    List<Band> bands() {
        return bands;
    }

    int[] unreadPositions() {
        return unreadPositions;
    }

    int[] freshPositions() {
        return freshPositions;
    }

    int[] hitPositions() {
        return hitPositions;
    }

    /** The band holding a sequence position (clamped to the thread), or -1 for an empty map. */
    int bandAt(int position) {
        if (bands.isEmpty()) {
            return -1;
        }
        int p = Math.max(0, Math.min(size - 1, position));
        int i = java.util.Arrays.binarySearch(bandStarts, p);
        return i >= 0 ? i : -i - 2;
    }
}
