package io.threadkeep.model;

import java.time.Instant;

/**
 * One comment as parsed from a saved page.
 *
 * @param id           the site's own comment id as a string (Slashdot cid, HN item id, Reddit id without t1_)
 * @param parentId     the parent comment's id, null for a top-level comment
 * @param author       author name, null for anonymous (Slashdot's Anonymous Coward)
 * @param authorId     the site's user id where it has one (Slashdot uid), may be null
 * @param posted       when it was posted, null when the page only has relative/unparseable text
 * @param postedText   the date text as the page showed it, kept when {@code posted} could not be resolved
 * @param score        score/points, null when not shown
 * @param label        Slashdot moderation label ("Insightful", "Funny"), null when none
 * @param subject      subject line (Slashdot), null for sites without subjects
 * @param html         body as safe HTML subset, null when the page did not hold the body
 * @param text         body as plain text (quoted text included, markup dropped), null when no body
 * @param completeness how much of it the page held
 * @param state        moderation state
 * @param postNumber   the post's number in its thread where the page shows one (forums: "#34"), else null
 * @param accepted     whether the page marks it as the accepted answer (Q&A sites)
 */
public record Comment(
        String id,
        String parentId,
        String author,
        String authorId,
        Instant posted,
        String postedText,
        Integer score,
        String label,
        String subject,
        String html,
        String text,
        Completeness completeness,
        CommentState state,
        Integer postNumber,
        boolean accepted) {

    public Comment {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("comment id is required");
        }
        if (completeness == null) {
            completeness = html == null ? Completeness.METADATA_ONLY : Completeness.FULL;
        }
        if (state == null) {
            state = CommentState.NORMAL;
        }
    }

    /** A comment of a site without post numbers or accepted answers. */
    public Comment(String id, String parentId, String author, String authorId, Instant posted, String postedText,
                   Integer score, String label, String subject, String html, String text,
                   Completeness completeness, CommentState state) {
        this(id, parentId, author, authorId, posted, postedText, score, label, subject, html, text, completeness,
                state, null, false);
    }

    /** A stand-in for a parent that replies name but the page did not hold. */
    public static Comment placeholder(String id, String parentId) {
        return new Comment(id, parentId, null, null, null, null, null, null, null, null, null,
                Completeness.PLACEHOLDER, CommentState.NORMAL);
    }

    /**
     * Whether the page showed the comment as anonymous. A comment known only from metadata or as a placeholder has
     * no author because the page did not say, which is not the same thing.
     */
    public boolean isAnonymous() {
        return author == null && completeness.compareTo(Completeness.ABBREVIATED) >= 0;
    }
}
