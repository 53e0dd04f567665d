package io.threadkeep.importer;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a page that was cut short (a save interrupted, a page not fully loaded, a file copied in part) from a page
 * that simply shows fewer comments. Every engine and era serialises a whole document with its closing
 * {@code </html>}; a cut page lost it with the rest of its tail, whether the cut fell inside the comment list, inside
 * an element or in the middle of the last comment's body. A save at a higher threshold, or with fewer comments
 * loaded, still ends properly and is not truncated.
 */
final class Truncation {

    /** How far from the end the closing tag is looked for (a Wayback snapshot appends its notes after it). */
    private static final int TAIL = 64 * 1024;

    private Truncation() {
    }

    /** Whether the decoded page text lacks its document end. */
    static boolean isCut(String text) {
        int from = Math.max(0, text.length() - TAIL);
        for (int i = text.length() - 7; i >= from; i--) {
            if (text.charAt(i) == '<' && text.regionMatches(true, i, "</html", 0, 6)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The thread marked as read from a cut page. The last comment on it is where the cut fell: whatever body it shows
     * may stop short, so it counts as truncated rather than complete. That is the last comment with a body: comments
     * known from metadata, and placeholders, come after it in some eras.
     */
    static ParsedThread marked(ParsedThread thread) {
        List<Comment> comments = new ArrayList<>(thread.comments());
        for (int i = comments.size() - 1; i >= 0; i--) {
            Comment c = comments.get(i);
            // Comments known only from metadata or as a reply's parent carry no body the cut could have fallen in.
            if (!c.completeness().hasBody()) {
                continue;
            }
            if (c.completeness() == Completeness.FULL) {
                comments.set(i, new Comment(c.id(), c.parentId(), c.author(), c.authorId(), c.posted(),
                        c.postedText(), c.score(), c.label(), c.subject(), c.html(), c.text(),
                        Completeness.TRUNCATED, c.state(), c.postNumber(), c.accepted()));
            }
            break;
        }
        return thread.asTruncated(comments);
    }
}
