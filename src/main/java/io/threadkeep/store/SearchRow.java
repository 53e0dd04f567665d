package io.threadkeep.store;

import io.threadkeep.model.Site;
import java.time.Instant;

/**
 * One search hit as the archive returns it: a comment, or a story itself when {@code commentRowId} is null. The search
 * layer turns it into a {@code search.SearchHit}, which drops the rank and reads the snippet's match markers; the two
 * stay apart because the store cannot see the search layer.
 *
 * @param storyId         the archive's story id
 * @param storyTitle      the story's title
 * @param site            the story's site
 * @param commentRowId    the archive's comment id, null for a story-level hit
 * @param siteCommentId   the site's comment id, null for a story-level hit
 * @param parentCommentId the site's id of the comment's parent, or null
 * @param author          the comment's (or story's) author, null when anonymous or unknown
 * @param posted          when it was posted, or null
 * @param score           the comment's score, or null
 * @param label           the comment's moderation label, or null
 * @param subject         the comment's subject line, or null
 * @param rank            bm25 rank (lower is better), 0 when ordered by date
 * @param snippet         an excerpt with matched words between {@link #MATCH_START} and {@link #MATCH_END}, or null
 *                        until {@link SearchRepository#withSnippets} fills it
 */
public record SearchRow(
        long storyId,
        String storyTitle,
        Site site,
        Long commentRowId,
        String siteCommentId,
        String parentCommentId,
        String author,
        Instant posted,
        Integer score,
        String label,
        String subject,
        double rank,
        String snippet) {

    /** Opens a matched word in {@link #snippet}: a private-use character, so it cannot clash with page text. */
    public static final char MATCH_START = '\uE000';
    /** Closes a matched word in {@link #snippet}. */
    public static final char MATCH_END = '\uE001';

    public boolean isStory() {
        return commentRowId == null;
    }

    SearchRow withSnippet(String text) {
        return new SearchRow(storyId, storyTitle, site, commentRowId, siteCommentId, parentCommentId, author, posted,
                score, label, subject, rank, text);
    }
}
