package io.threadkeep.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story's thread as a pure function of its saved pages: the pages are put in one canonical order (capture time,
 * then place in a chain of "More" pages, complete before truncated, then the SHA-256 of their bytes; never the order
 * they were imported in)
 * and folded with {@link ThreadMerge}. Whatever order pages arrive in, the same pages give the same thread.
 */
public final class ThreadFold {

    /**
     * One saved page of a story as the fold sees it.
     *
     * @param sourceId   the archive's id of the page (which save first brought a comment)
     * @param capturedAt when it was saved, null when unknown (such pages come first: nothing says they are newer)
     * @param chainDepth 0 for a page with the story header, n for the n-th "More" page after it
     * @param sha256     the page bytes' SHA-256, the tie-breaker that makes the order total
     * @param story      the story header, null on a continuation page
     * @param comments   the page's comments in page order
     * @param truncated  whether the page was cut short (it may add comments, never replace what a complete page said)
     */
    public record Page(long sourceId, Instant capturedAt, int chainDepth, String sha256, Story story,
                       List<Comment> comments, boolean truncated) {
    }

    /**
     * A comment of the derived thread.
     *
     * @param position     sort key among siblings (page order, later saves' extra comments slotted where shown)
     * @param firstSource  the page that first brought it, in fold order
     * @param fromComplete whether its body, score and completeness come from a complete page
     */
    public record Entry(Comment comment, double position, long firstSource, boolean fromComplete) {
    }

    /**
     * The canonical page order. Among pages of one capture time a complete page comes before a truncated one, so the
     * thread's shape (the comments' places) is laid out by the page that shows all of it.
     */
    public static final Comparator<Page> ORDER = Comparator
            .comparing(Page::capturedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingInt(Page::chainDepth)
            .thenComparing(Page::truncated)
            .thenComparing(Page::sha256);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private Story story;
    private double maxPosition;
    private int pagesFolded;
    private Long latestAddingSource;
    private boolean hadEarlierSave;

    /** Folds the given pages in canonical order. */
    public static ThreadFold of(List<Page> pages) {
        List<Page> ordered = new ArrayList<>(pages);
        ordered.sort(ORDER);
        ThreadFold fold = new ThreadFold();
        for (Page page : ordered) {
            fold.add(page);
        }
        return fold;
    }

    /**
     * Starts from a thread already known (an archive written before pages kept their parse): what it holds counts as
     * learned from complete pages, and folding pages onto it can only add.
     */
    public static ThreadFold seeded(Story story, List<Entry> known) {
        ThreadFold fold = new ThreadFold();
        fold.story = story;
        for (Entry e : known) {
            fold.entries.put(e.comment().id(), e);
            fold.maxPosition = Math.max(fold.maxPosition, e.position());
        }
        return fold;
    }

    /** Folds one page after every page folded so far; returns how many comments it added. */
    public int add(Page page) {
        if (page.story() != null) {
            story = story == null ? page.story() : ThreadMerge.story(story, page.story());
        }
        List<Comment> comments = page.comments();
        double[] positions = newPositions(comments);
        boolean complete = !page.truncated();
        int added = 0;
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            Entry old = entries.get(c.id());
            if (old == null) {
                entries.put(c.id(), new Entry(c, positions[i], page.sourceId(), complete));
                maxPosition = Math.max(maxPosition, positions[i]);
                added++;
            } else {
                Comment merged = ThreadMerge.comment(old.comment(), old.fromComplete(), c, page.truncated());
                boolean fromComplete = old.fromComplete() || complete;
                if (merged != old.comment() || fromComplete != old.fromComplete()) {
                    entries.put(c.id(), new Entry(merged, old.position(), old.firstSource(), fromComplete));
                }
            }
        }
        if (added > 0) {
            latestAddingSource = page.sourceId();
            hadEarlierSave = pagesFolded > 0;
        }
        pagesFolded++;
        return added;
    }

    public Story story() {
        return story;
    }

    /** The derived comments, keyed by site id, in the order they were first seen. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The last page (in fold order) that added comments, or null. */
    public Long latestAddingSource() {
        return latestAddingSource;
    }

    /** Whether a page came before the one that last added comments: only then are its comments "new". */
    public boolean hadEarlierSave() {
        return hadEarlierSave;
    }

    /**
     * Positions for a page's comments: known ones keep theirs; a new one goes after the previous comment of this page
     * that is already known, so a fuller save slots its extra comments where the page shows them.
     */
    private double[] newPositions(List<Comment> comments) {
        double[] positions = new double[comments.size()];
        double[] nextKnown = new double[comments.size()];
        double following = Double.NaN;
        for (int i = comments.size() - 1; i >= 0; i--) {
            nextKnown[i] = following;
            Entry e = entries.get(comments.get(i).id());
            if (e != null) {
                following = e.position();
            }
        }
        double previous = Double.NaN;
        double appendAt = maxPosition;
        for (int i = 0; i < comments.size(); i++) {
            Entry e = entries.get(comments.get(i).id());
            if (e != null) {
                previous = e.position();
                positions[i] = e.position();
                continue;
            }
            double next = nextKnown[i];
            double pos;
            if (!Double.isNaN(previous) && !Double.isNaN(next) && next > previous) {
                pos = previous + (next - previous) / 2;
            } else if (Double.isNaN(previous) && !Double.isNaN(next)) {
                pos = next - 0.5;
            } else {
                appendAt += 1;
                pos = appendAt;
            }
            // Halving can run out of precision after very many merges; fall back to appending.
            if (pos == previous || pos == next) {
                appendAt += 1;
                pos = appendAt;
            }
            positions[i] = pos;
            previous = pos;
            appendAt = Math.max(appendAt, pos);
        }
        return positions;
    }
}
