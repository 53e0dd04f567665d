package io.threadkeep.search;

import io.threadkeep.model.Site;
import java.time.Instant;
import java.util.List;

/**
 * The filters of a query. Repeating a filter widens it ({@code site:reddit site:lobsters} is either site); different
 * filters must all hold. {@code QueryCompiler} turns them into the store's {@code SearchSpec}: these stay typed and
 * as the reader wrote them, that one holds FTS5 expressions and bound values.
 *
 * @param authors          comments by any of these authors (case-insensitive), empty = any
 * @param excludedAuthors  not by these authors
 * @param sites            stories from any of these sites, empty = any
 * @param excludedSites    not from these sites
 * @param labels           comments with any of these moderation labels (case-insensitive)
 * @param excludedLabels   not with these labels
 * @param minScore         score at least this, or null
 * @param maxScore         score at most this, or null
 * @param storyWords       words (phrases) that must all be in the story's title
 * @param storyId          only this story (archive id), from {@code in:this}
 * @param excludedStoryId  not this story, from {@code -in:this}
 * @param postedBefore     posted strictly before this instant
 * @param postedFrom       posted at or after this instant
 * @param read             only read (true) or unread (false) comments, null = either
 * @param hosts            stories whose URL host is one of these or a subdomain of one ({@code site:example.org});
 *                         with {@code sites}, either may match
 * @param excludedHosts    not from these hosts or their subdomains
 * @param starred          only starred (true) or unstarred (false) comments, null = either ({@code is:starred})
 * @param hasNote          only comments with (true) or without (false) a note, null = either ({@code has:note})
 * @param adjustedScore    whether the score filters compare the reader's adjusted scores
 */
public record Filters(
        List<String> authors,
        List<String> excludedAuthors,
        List<Site> sites,
        List<Site> excludedSites,
        List<String> labels,
        List<String> excludedLabels,
        Integer minScore,
        Integer maxScore,
        List<Phrase> storyWords,
        Long storyId,
        Long excludedStoryId,
        Instant postedBefore,
        Instant postedFrom,
        Boolean read,
        List<String> hosts,
        List<String> excludedHosts,
        Boolean starred,
        Boolean hasNote,
        boolean adjustedScore) {

    public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, List.of(), null, null, null, null, null, List.of(), List.of(), null, null, false);

    /** Filters without host conditions or the reader's marks. */
    public Filters(List<String> authors, List<String> excludedAuthors, List<Site> sites, List<Site> excludedSites,
                   List<String> labels, List<String> excludedLabels, Integer minScore, Integer maxScore,
                   List<Phrase> storyWords, Long storyId, Long excludedStoryId, Instant postedBefore,
                   Instant postedFrom, Boolean read) {
        this(authors, excludedAuthors, sites, excludedSites, labels, excludedLabels, minScore, maxScore, storyWords,
                storyId, excludedStoryId, postedBefore, postedFrom, read, List.of(), List.of(), null, null, false);
    }

    public Filters {
        authors = List.copyOf(authors);
        excludedAuthors = List.copyOf(excludedAuthors);
        sites = List.copyOf(sites);
        excludedSites = List.copyOf(excludedSites);
        labels = List.copyOf(labels);
        excludedLabels = List.copyOf(excludedLabels);
        storyWords = List.copyOf(storyWords);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        excludedHosts = excludedHosts == null ? List.of() : List.copyOf(excludedHosts);
    }

    /** Whether any filter is set. */
    public boolean any() {
        // Comparing adjusted scores is how score: is read, not a filter of its own.
        return !new Filters(authors, excludedAuthors, sites, excludedSites, labels, excludedLabels, minScore,
                maxScore, storyWords, storyId, excludedStoryId, postedBefore, postedFrom, read, hosts, excludedHosts,
                starred, hasNote, false).equals(NONE);
    }

    /** Whether a filter holds that only comments have (so a story itself cannot be a hit). */
    public boolean needsComment() {
        return !authors.isEmpty() || !excludedAuthors.isEmpty() || !labels.isEmpty() || !excludedLabels.isEmpty()
                || minScore != null || maxScore != null || read != null || starred != null || hasNote != null;
    }
}
