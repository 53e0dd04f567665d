package io.threadkeep.importer.forum;

import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.CommentState;
import java.util.List;

/**
 * One post as an engine parser read it, before the thread decides whether it is the opening post or a comment and
 * which post it answers.
 *
 * @param id        the post's own id from the markup
 * @param author    the poster's name; null for a guest without a name or a deleted account
 * @param authorId  the engine's user id where the markup has one
 * @param posted    when it was posted, as printed and as resolved
 * @param number    the post's number in the thread ("#34"), null when not shown
 * @param score     likes or reactions where shown
 * @param body      the cleaned body, null when the page did not hold one
 * @param quotedIds ids of the posts its quotes name, in order
 * @param state     deleted/removed where the page says so
 */
record ForumPost(
        String id,
        String author,
        String authorId,
        ForumDates.Posted posted,
        Integer number,
        Integer score,
        SafeHtml.Body body,
        List<String> quotedIds,
        CommentState state) {

    ForumPost {
        quotedIds = quotedIds == null ? List.of() : List.copyOf(quotedIds);
        posted = posted == null ? ForumDates.Posted.NONE : posted;
        state = state == null ? CommentState.NORMAL : state;
    }
}
