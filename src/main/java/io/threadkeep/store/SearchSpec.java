package io.threadkeep.store;

import java.time.Instant;
import java.util.List;

/**
 * A search as the archive runs it: FTS5 expressions that the search layer built from quoted tokens only (never raw
 * user text) and filter values that are bound as parameters. It parallels {@code search.Filters} on purpose: those
 * are the reader's typed filters (sites, phrases), these the compiled form the store binds, and the store cannot see
 * the search layer.
 *
 * @param commentMatch    FTS5 expression over {@code comment_fts}, or null for a query without words
 * @param storyMatch      FTS5 expression over {@code story_fts} for story-level hits, or null when stories cannot be
 *                        hits (a filter only comments have)
 * @param excludeMatch    for a query without words: comments matching this FTS5 expression are left out, or null
 * @param storyTitleMatch FTS5 expression the story must match ({@code story:}), or null
 * @param authors         comment author is one of these (case-insensitive); empty = any
 * @param excludedAuthors comment author is none of these
 * @param sites           story site id is one of these; empty = any
 * @param excludedSites   story site id is none of these
 * @param labels          comment label is one of these (case-insensitive); empty = any
 * @param excludedLabels  comment label is none of these
 * @param minScore        score at least, or null
 * @param maxScore        score at most, or null
 * @param storyId         only this story, or null
 * @param excludedStoryId not this story, or null
 * @param postedBefore    posted strictly before, or null
 * @param postedFrom      posted at or after, or null
 * @param read            read state wanted, or null for either
 * @param order           result order
 * @param starred         starred state wanted, or null for either
 * @param hasNote         whether a note is wanted, or null for either
 * @param adjustedScore   whether min/maxScore compare the reader's adjusted score (friends, foes, label bonuses)
 * @param commentClauses  each required part of {@code commentMatch} on its own (a complete FTS5 expression), so
 *                        that parts too common to tell comments apart can be left out of the ranking; empty
 *                        without words
 * @param hosts           story URL host is one of these or a subdomain of one (lower case, no "www."); with
 *                        {@code sites}, either may match; empty = any
 * @param excludedHosts   story URL host is none of these nor a subdomain of one
 */
public record SearchSpec(
        String commentMatch,
        String storyMatch,
        String excludeMatch,
        String storyTitleMatch,
        List<String> authors,
        List<String> excludedAuthors,
        List<String> sites,
        List<String> excludedSites,
        List<String> labels,
        List<String> excludedLabels,
        Integer minScore,
        Integer maxScore,
        Long storyId,
        Long excludedStoryId,
        Instant postedBefore,
        Instant postedFrom,
        Boolean read,
        Order order,
        List<String> commentClauses,
        List<String> hosts,
        List<String> excludedHosts,
        Boolean starred,
        Boolean hasNote,
        boolean adjustedScore) {

    /**
     * Result order as the archive runs it; {@code search.QueryCompiler} maps the reader's {@code search.SortOrder}
     * onto it, since the store cannot depend on the search layer above it.
     */
    public enum Order {
        /** bm25 rank, best first; without words it falls back to newest first. */
        RANK,
        NEWEST,
        OLDEST
    }

    /** A search without host conditions or the reader's marks. */
    public SearchSpec(String commentMatch, String storyMatch, String excludeMatch, String storyTitleMatch,
                      List<String> authors, List<String> excludedAuthors, List<String> sites,
                      List<String> excludedSites, List<String> labels, List<String> excludedLabels, Integer minScore,
                      Integer maxScore, Long storyId, Long excludedStoryId, Instant postedBefore, Instant postedFrom,
                      Boolean read, Order order, List<String> commentClauses) {
        this(commentMatch, storyMatch, excludeMatch, storyTitleMatch, authors, excludedAuthors, sites, excludedSites,
                labels, excludedLabels, minScore, maxScore, storyId, excludedStoryId, postedBefore, postedFrom, read,
                order, commentClauses, List.of(), List.of(), null, null, false);
    }

    /** The same search with the reader's marks as filters. */
    public SearchSpec withMarks(Boolean starredWanted, Boolean noteWanted, boolean adjusted) {
        return new SearchSpec(commentMatch, storyMatch, excludeMatch, storyTitleMatch, authors, excludedAuthors, sites,
                excludedSites, labels, excludedLabels, minScore, maxScore, storyId, excludedStoryId, postedBefore,
                postedFrom, read, order, commentClauses, hosts, excludedHosts, starredWanted, noteWanted, adjusted);
    }

    public SearchSpec {
        authors = List.copyOf(authors);
        excludedAuthors = List.copyOf(excludedAuthors);
        sites = List.copyOf(sites);
        excludedSites = List.copyOf(excludedSites);
        labels = List.copyOf(labels);
        excludedLabels = List.copyOf(excludedLabels);
        commentClauses = List.copyOf(commentClauses);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        excludedHosts = excludedHosts == null ? List.of() : List.copyOf(excludedHosts);
    }

    /** The same search with another comment expression (an exact-phrase pass of the same words, for instance). */
    public SearchSpec withCommentMatch(String match) {
        return new SearchSpec(match, storyMatch, excludeMatch, storyTitleMatch, authors, excludedAuthors, sites,
                excludedSites, labels, excludedLabels, minScore, maxScore, storyId, excludedStoryId, postedBefore,
                postedFrom, read, order, match == null ? List.of() : List.of(match), hosts, excludedHosts,
                starred, hasNote, adjustedScore);
    }

    /** The same search in another order. */
    public SearchSpec withOrder(Order other) {
        return new SearchSpec(commentMatch, storyMatch, excludeMatch, storyTitleMatch, authors, excludedAuthors, sites,
                excludedSites, labels, excludedLabels, minScore, maxScore, storyId, excludedStoryId, postedBefore,
                postedFrom, read, other, commentClauses, hosts, excludedHosts, starred, hasNote, adjustedScore);
    }

    boolean hasCommentFilters() {
        return !authors.isEmpty() || !excludedAuthors.isEmpty() || !sites.isEmpty() || !excludedSites.isEmpty()
                || !hosts.isEmpty() || !excludedHosts.isEmpty() || !labels.isEmpty() || !excludedLabels.isEmpty()
                || minScore != null || maxScore != null
                || storyId != null || excludedStoryId != null || postedBefore != null || postedFrom != null
                || read != null || storyTitleMatch != null || excludeMatch != null || starred != null
                || hasNote != null;
    }
}
