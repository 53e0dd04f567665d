package io.threadkeep.search;

/** How results are ordered. */
public enum SortOrder {
    /** Best match first (bm25; subjects and titles weigh more than body text). */
    RELEVANCE,
    /** Newest first. */
    NEWEST,
    /** Oldest first. */
    OLDEST
}
