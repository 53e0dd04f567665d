package io.threadkeep.model;

/** Moderation state of a comment as the page showed it. */
public enum CommentState {
    NORMAL,
    /** Deleted by its author ("[deleted]"). */
    DELETED,
    /** Removed by moderators ("[removed]", Lobsters "Comment removed by moderator"). */
    REMOVED,
    /** Hacker News [dead]/[flagged]. */
    DEAD
}
