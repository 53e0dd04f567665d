package io.threadkeep.model;

import java.time.Instant;
import java.util.List;

/**
 * The merge rules: what the archive keeps when two saves of one thread disagree. Pure functions of the two values
 * and which of them is later in the story's page order; the fold ({@link ThreadFold}) decides that order, so the
 * rules never look at capture times themselves.
 */
public final class ThreadMerge {

    private ThreadMerge() {
    }

    /**
     * The better of what is known ({@code known}) and what a later page shows ({@code shown}).
     *
     * @param knownFromComplete whether body, score and completeness of {@code known} came from a complete page
     * @param shownTruncated    whether {@code shown} comes from a page cut short: such a page may fill gaps but never
     *                          replaces a body, a score or a completeness learned from a complete page
     */
    public static Comment comment(Comment known, boolean knownFromComplete, Comment shown, boolean shownTruncated) {
        Comment o = known;
        Comment c = shown;
        boolean protectedValues = shownTruncated && knownFromComplete;
        boolean fuller = c.completeness().compareTo(o.completeness()) > 0;
        boolean sameLevelLonger = c.completeness() == o.completeness() && c.completeness().hasBody()
                && c.text() != null && (o.text() == null || c.text().length() > o.text().length())
                && c.completeness() != Completeness.FULL;
        boolean takeBody = !protectedValues && (fuller || sameLevelLonger);
        // The later page in the story's order knows the newer score.
        boolean newerScore = c.score() != null && (!protectedValues || o.score() == null);
        Integer score = newerScore ? c.score() : o.score();
        // A one-line view shows the score without the label: keep the label we know rather than lose it.
        String label = newerScore ? firstNonBlank(c.label(), o.label()) : firstNonBlank(o.label(), c.label());
        boolean wasPlaceholder = o.completeness() == Completeness.PLACEHOLDER;
        String parent = o.parentId() != null ? o.parentId() : c.parentId();
        if (wasPlaceholder && c.parentId() != null) {
            parent = c.parentId();
        }
        String author = wasPlaceholder && c.completeness() != Completeness.PLACEHOLDER ? c.author()
                : (o.author() != null ? o.author() : c.author());
        CommentState state = o.state() == CommentState.NORMAL && !protectedValues ? c.state() : o.state();
        if (c.state() == CommentState.NORMAL && takeBody) {
            state = CommentState.NORMAL;
        }
        Instant posted = o.posted() != null ? o.posted() : c.posted();
        Comment merged = new Comment(o.id(), parent, author,
                o.authorId() != null ? o.authorId() : c.authorId(),
                posted,
                o.postedText() != null ? o.postedText() : c.postedText(),
                score, label,
                firstNonBlank(o.subject(), c.subject()),
                takeBody ? c.html() : o.html(),
                takeBody ? c.text() : o.text(),
                takeBody ? c.completeness() : o.completeness(),
                state,
                o.postNumber() != null ? o.postNumber() : c.postNumber(),
                // an accepted mark can move to another answer: the later page knows, unless it was cut short
                protectedValues ? o.accepted() || c.accepted() : (newerScore || c.accepted() ? c.accepted()
                        : o.accepted()));
        return merged.equals(o) ? o : merged;
    }

    /** Fills what {@code known} lacks from a later save of the story; never empties a field. */
    public static Story story(Story known, Story shown) {
        Story old = known;
        Story s = shown;
        String title = firstNonBlank(old.title(), s.title());
        String author = firstNonBlank(old.author(), s.author());
        Instant posted = old.posted() != null ? old.posted() : s.posted();
        String department = firstNonBlank(old.department(), s.department());
        List<String> topics = old.topics().isEmpty() ? s.topics() : old.topics();
        List<String> tags = s.tags().size() > old.tags().size() ? s.tags() : old.tags();
        boolean longerSummary = s.summaryText() != null
                && (old.summaryText() == null || s.summaryText().length() > old.summaryText().length());
        String summaryHtml = longerSummary ? s.summaryHtml() : old.summaryHtml();
        String summaryText = longerSummary ? s.summaryText() : old.summaryText();
        Integer declared = max(old.declaredCommentCount(), s.declaredCommentCount());
        String siteStoryId = firstNonBlank(old.siteStoryId(), s.siteStoryId());
        String link = firstNonBlank(old.linkUrl(), s.linkUrl());
        Story merged = new Story(old.site(), siteStoryId, old.url(), title, author, posted, department, topics, tags,
                summaryHtml, summaryText, declared, link);
        return merged.equals(old) ? old : merged;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
