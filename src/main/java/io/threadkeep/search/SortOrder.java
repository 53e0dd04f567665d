package io.threadkeep.search;

/**
 * How the reader asked for results to be ordered ({@code sort:} or the pane's menu). Two enums on purpose:
 * {@code store.SearchSpec.Order} is what the archive runs ({@code store} sits below {@code search} and cannot see this
 * one), and {@code ui.thread.ThreadModel.SortOrder} orders siblings inside one thread, not results.
 */
public enum SortOrder {
    /** Best match first (bm25; subjects and titles weigh more than body text). */
    RELEVANCE,
    /** Newest first. */
    NEWEST,
    /** Oldest first. */
    OLDEST
}
