package io.threadkeep.search;

import io.threadkeep.model.Site;
import io.threadkeep.store.SearchRow;
import java.time.Instant;

/**
 * One result: a comment, or a story itself (its title or summary matched) when {@code commentId} is null.
 *
 * @param storyId         the archive's story id
 * @param storyTitle      the story's title
 * @param site            the story's site
 * @param commentRowId    the archive's comment id, null for a story hit
 * @param commentId       the site's comment id, null for a story hit
 * @param parentCommentId the site's id of the comment's parent, or null
 * @param author          author, null when anonymous or unknown
 * @param posted          when it was posted, or null
 * @param score           the comment's score, or null
 * @param label           the comment's moderation label, or null
 * @param subject         the comment's subject line, or null
 * @param snippet         the excerpt with the matched words
 */
public record SearchHit(
        long storyId,
        String storyTitle,
        Site site,
        Long commentRowId,
        String commentId,
        String parentCommentId,
        String author,
        Instant posted,
        Integer score,
        String label,
        String subject,
        Snippet snippet) {

    public boolean isStory() {
        return commentRowId == null;
    }

    static SearchHit of(SearchRow row) {
        return new SearchHit(row.storyId(), row.storyTitle(), row.site(), row.commentRowId(), row.siteCommentId(),
                row.parentCommentId(), row.author(), row.posted(), row.score(), row.label(), row.subject(),
                Snippet.fromMarked(row.snippet()));
    }
}
