package io.threadkeep.importer.slashdot;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import java.time.Instant;

/**
 * A comment while it is being read: filled from the markup first and then from the D2 table, so its fields are
 * mutable. Two kinds of parent are kept apart because they are not equally trustworthy: the one the page states
 * (a "Parent" link, a one-liner's {@code pid=}, the D2 table) and the one implied by where the comment is nested.
 */
final class CommentDraft {

    final String id;
    /** The parent the page states; only meaningful when {@link #parentStated}; null there means top level. */
    String statedParent;
    boolean parentStated;
    /** The comment whose reply list holds this one, or null at the top of the listing. */
    String nestedParent;
    String author;
    String authorId;
    boolean anonymous;
    Instant posted;
    String postedText;
    Integer score;
    String label;
    String subject;
    String html;
    String text;
    Completeness completeness = Completeness.METADATA_ONLY;

    CommentDraft(String id) {
        this.id = id;
    }

    void stateParent(String parentId) {
        statedParent = parentId == null || parentId.isEmpty() || parentId.equals("0") ? null : parentId;
        parentStated = true;
    }

    /** The parent the thread will use: what the page states wins over nesting. */
    String parent() {
        String p = parentStated ? statedParent : nestedParent;
        return p == null || p.equals(id) ? null : p;
    }

    /** Takes what {@code other} (the same comment seen again) knows and this draft does not. */
    void absorb(CommentDraft other) {
        if (!parentStated && other.parentStated) {
            stateParent(other.statedParent);
        }
        if (nestedParent == null) {
            nestedParent = other.nestedParent;
        }
        if (author == null && !anonymous) {
            author = other.author;
            anonymous = other.anonymous;
        }
        authorId = authorId != null ? authorId : other.authorId;
        posted = posted != null ? posted : other.posted;
        postedText = postedText != null ? postedText : other.postedText;
        if (score == null) {
            score = other.score;
            label = other.label;
        }
        subject = subject != null ? subject : other.subject;
        if (other.completeness.compareTo(completeness) > 0) {
            html = other.html;
            text = other.text;
            completeness = other.completeness;
        }
    }

    Comment toComment(String parentId) {
        boolean hasBody = completeness.hasBody() && text != null;
        return new Comment(id, parentId, anonymous ? null : author, authorId, posted,
                posted == null ? postedText : null, score, label, subject,
                hasBody ? html : null, hasBody ? text : null, completeness, null);
    }
}
