package io.threadkeep.model;

/**
 * How much of a comment a saved page held. Declared from least to most complete: merging keeps the
 * higher one, so a fuller save never loses to a thinner one.
 */
public enum Completeness {
    /** The comment is only known because a reply names it as parent; nothing of it was on the page. */
    PLACEHOLDER,
    /** Known from inline metadata (e.g. Slashdot's D2 comment table): ids, maybe subject/score, no body. */
    METADATA_ONLY,
    /** Shown as a one-line/abbreviated entry: subject and byline, at most a fragment of the body. */
    ABBREVIATED,
    /** The body was cut off ("Read the rest of this comment..."). */
    TRUNCATED,
    /** The whole body was on the page. */
    FULL;

    public boolean isFull() {
        return this == FULL;
    }

    public boolean hasBody() {
        return this == FULL || this == TRUNCATED || this == ABBREVIATED;
    }

    public static Completeness better(Completeness a, Completeness b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
