package io.threadkeep.model;

import java.time.Instant;
import java.util.List;

/**
 * What the importer made of one saved page.
 *
 * @param story            the story; null only for a continuation page that carries no story header
 *                         (HN "More" pages), which is then attached through {@code continuationKey}
 * @param comments         every comment the page held, parents before children (page order), placeholders
 *                         included for parents that replies name but the page lacks
 * @param warnings         things the importer noticed but could work around, one readable line each
 * @param capturedAt       when the page was saved, from the container or page (null if unknown)
 * @param continuationKey  the key by which this page was reached (HN fnid of the "More" link), or null
 * @param nextPageKeys     keys of "More"/next-page links on this page, through which continuation pages attach
 * @param truncated        whether the page was cut short (a save interrupted, a partly loaded page): its comments
 *                         may add to a thread but never replace what a complete page said
 */
public record ParsedThread(
        Story story,
        List<Comment> comments,
        List<String> warnings,
        Instant capturedAt,
        String continuationKey,
        List<String> nextPageKeys,
        boolean truncated) {

    public ParsedThread {
        comments = List.copyOf(comments);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        nextPageKeys = nextPageKeys == null ? List.of() : List.copyOf(nextPageKeys);
    }

    public ParsedThread(Story story, List<Comment> comments, List<String> warnings, Instant capturedAt,
                        String continuationKey, List<String> nextPageKeys) {
        this(story, comments, warnings, capturedAt, continuationKey, nextPageKeys, false);
    }

    public ParsedThread(Story story, List<Comment> comments, List<String> warnings) {
        this(story, comments, warnings, null, null, List.of());
    }

    /** The same thread, marked as read from a page that was cut short, with the given comments. */
    public ParsedThread asTruncated(List<Comment> keptComments) {
        return new ParsedThread(story, keptComments, warnings, capturedAt, continuationKey, nextPageKeys, true);
    }
}
