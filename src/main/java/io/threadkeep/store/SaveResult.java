package io.threadkeep.store;

/**
 * What importing one page did to the archive.
 *
 * @param status          IMPORTED (new story), UPDATED (story existed, something changed), UNCHANGED, or
 *                        PENDING (a continuation page kept until its story's first page arrives)
 * @param storyId         the story's archive id, null for a pending continuation page
 * @param commentsAdded   comments that were not in the archive before
 * @param commentsUpdated comments that got better (fuller body, newer score, parent found...)
 */
public record SaveResult(Status status, Long storyId, int commentsAdded, int commentsUpdated) {

    public enum Status { IMPORTED, UPDATED, UNCHANGED, PENDING }
}
