package io.threadkeep.export;

import java.util.Map;

/**
 * What the reader added to a story (stars and notes), exported only when asked for ({@code --with-notes}). Kept
 * apart from the thread itself so the export can be written with or without it and so the store decides where it
 * comes from.
 *
 * @param story    the story's own star and note, or null
 * @param comments stars and notes by the site's comment id
 */
public record ReaderNotes(Note story, Map<String, Note> comments) {

    public ReaderNotes {
        comments = comments == null ? Map.of() : Map.copyOf(comments);
    }

    /** None at all: what an archive without stars and notes gives. */
    public static final ReaderNotes NONE = new ReaderNotes(null, Map.of());

    public Note forComment(String commentId) {
        return comments.get(commentId);
    }

    public boolean isEmpty() {
        return story == null && comments.isEmpty();
    }

    /**
     * One star and/or note.
     *
     * @param starred whether the reader starred it
     * @param text    the reader's note, or null
     */
    public record Note(boolean starred, String text) {
        public boolean isEmpty() {
            return !starred && (text == null || text.isBlank());
        }
    }
}
