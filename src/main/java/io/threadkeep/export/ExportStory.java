package io.threadkeep.export;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Story;
import io.threadkeep.model.ThreadOrder;
import java.util.List;

/**
 * One story as it is exported: the archived story, its comments in depth-first thread order, and optionally what
 * the reader added.
 *
 * @param storyId  the archive's id of the story (names the files, identifies it in JSON)
 * @param story    the story
 * @param comments its comments (all of them, or for a search only the matches and their ancestors), in thread
 *                 order
 * @param notes    stars and notes to include, or null to include none
 */
public record ExportStory(long storyId, Story story, List<Comment> comments, ReaderNotes notes) {

    public ExportStory {
        comments = ThreadOrder.depthFirst(comments);
    }

    public ExportStory(long storyId, Story story, List<Comment> comments) {
        this(storyId, story, comments, null);
    }

    /** How many comments hold something of their own (placeholders for missing parents are not counted). */
    public int savedCommentCount() {
        int n = 0;
        for (Comment c : comments) {
            if (c.completeness() != io.threadkeep.model.Completeness.PLACEHOLDER) {
                n++;
            }
        }
        return n;
    }
}
