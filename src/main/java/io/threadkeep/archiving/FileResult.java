package io.threadkeep.archiving;

import io.threadkeep.model.Site;

/**
 * The outcome for one file (or one page of a container).
 *
 * @param file            the path as given, plus {@code #page} for pages inside a container holding several
 * @param status          what happened
 * @param site            the site, when the page was recognised
 * @param storyId         the archive story id, when it went into a story
 * @param commentsAdded   new comments
 * @param commentsUpdated improved comments
 * @param message         the reason for skipped/failed, or a note (e.g. a continuation page waiting for its story)
 */
public record FileResult(String file, ImportStatus status, Site site, Long storyId, int commentsAdded,
                         int commentsUpdated, String message) {

    public boolean isProblem() {
        return status == ImportStatus.SKIPPED || status == ImportStatus.FAILED;
    }
}
