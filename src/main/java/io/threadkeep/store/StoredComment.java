package io.threadkeep.store;

import io.threadkeep.model.Comment;

/**
 * A comment as the archive holds it.
 *
 * @param rowId           the archive's id of the comment (stable across merges)
 * @param comment         the merged comment
 * @param read            whether the reader has been shown it
 * @param newSinceLastSave whether the latest save of its story that added comments added this one (and it was not
 *                        the story's first save)
 */
public record StoredComment(long rowId, Comment comment, boolean read, boolean newSinceLastSave) {
}
