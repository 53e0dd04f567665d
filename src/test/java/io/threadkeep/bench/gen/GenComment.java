package io.threadkeep.bench.gen;

import io.threadkeep.model.CommentState;
import java.time.Instant;

/**
 * One generated comment: the ground truth a writer renders and the floor benchmark inserts.
 *
 * @param id          the site's id as the page shows it (Slashdot cid, HN item id, Reddit id without t1_...)
 * @param parentId    null for a top-level comment
 * @param depth       0 for a top-level comment
 * @param author      null for anonymous (Slashdot's Anonymous Coward) and deleted comments
 * @param authorId    the site's numeric user id where it has one (Slashdot uid), else null
 * @param score       points as shown, null where the site hides them (HN)
 * @param label       Slashdot moderation label or null
 * @param subject     Slashdot subject line, null elsewhere
 * @param body        the body; its text is empty for deleted/removed comments
 * @param abbreviated shown as a one-line entry (Slashdot "oneline": no date in the byline)
 * @param replies     number of direct replies (for "N children" and D2 kids lists)
 */
public record GenComment(
        String id,
        String parentId,
        int depth,
        String author,
        String authorId,
        Instant posted,
        Integer score,
        String label,
        String subject,
        Body body,
        CommentState state,
        boolean abbreviated,
        int replies) {
}
