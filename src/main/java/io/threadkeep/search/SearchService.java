package io.threadkeep.search;

import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.AuthorStats;
import io.threadkeep.store.SearchRepository;
import io.threadkeep.store.SearchRow;
import io.threadkeep.store.SearchSpec;
import io.threadkeep.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Searches the archive: the one engine behind the CLI's {@code search} and the window's search pane. Never throws
 * for anything a user can type; a query that cannot be run comes back with a readable problem.
 *
 * <p>Thread-safe (the archive serialises access); a search may run on any thread.
 */
public final class SearchService {

    /** The most results one call returns; paging goes further. */
    public static final int MAX_LIMIT = 1000;

    private final SearchRepository repository;

    public SearchService(ArchiveStore store) {
        this.repository = new SearchRepository(store);
    }

    /** Parses and runs {@code text}; {@code offset} and {@code limit} select the page. */
    public SearchOutcome search(String text, SearchContext context, SortOrder defaultSort, int offset, int limit) {
        return run(QueryParser.parse(text, context, defaultSort), offset, limit);
    }

    /** Parses and runs {@code text}, best first, first page of {@code limit}. */
    public SearchOutcome search(String text, int limit) {
        return search(text, SearchContext.NONE, SortOrder.RELEVANCE, 0, limit);
    }

    /** Runs a parsed query. */
    public SearchOutcome run(SearchQuery query, int offset, int limit) {
        if (!query.runnable()) {
            return SearchOutcome.failed(query, query.problem());
        }
        if (offset < 0 || limit < 1) {
            return SearchOutcome.failed(query, "The page asked for is empty (offset " + offset + ", limit " + limit
                    + ").");
        }
        int pageSize = Math.min(limit, MAX_LIMIT);
        QueryCompiler.Compiled compiled = QueryCompiler.compile(query);
        SearchSpec spec = compiled.spec();
        // One more than the page, to tell whether another page follows.
        int need = offset + pageSize + 1;
        try {
            SearchRepository.Hits found = comments(compiled, need);
            List<SearchRow> comments = found.rows();
            List<SearchRow> stories = repository.stories(spec, need);
            List<SearchRow> merged = merge(comments, stories, spec.order());
            if (spec.order() == SearchSpec.Order.RANK && hasPhrase(query, compiled)) {
                merged = parentsBeforeQuotingReplies(merged);
            }
            boolean more = merged.size() > offset + pageSize;
            List<SearchRow> page = offset >= merged.size() ? List.of()
                    : merged.subList(offset, Math.min(merged.size(), offset + pageSize));
            List<SearchHit> hits = repository.withSnippets(spec, page).stream().map(SearchHit::of).toList();
            List<String> notes = new ArrayList<>(query.notes());
            if (found.newestInstead()) {
                notes.add("These words are in most comments, so they rank nothing: newest first. Add a rarer word"
                        + " to rank by relevance.");
            } else if (found.rankedAmong() > 0) {
                notes.add(String.format(java.util.Locale.ROOT, "So many comments match that the best were picked"
                        + " from the %,d most recently imported; add a word or a filter to search them all.",
                        found.rankedAmong()));
            }
            return new SearchOutcome(query, hits, more, notes, null);
        } catch (StoreException e) {
            return SearchOutcome.failed(query, "The search could not run: " + e.getMessage());
        }
    }

    /** What the archive holds of an author, matched case-insensitively; empty when they wrote nothing saved. */
    public Optional<AuthorStats> author(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return repository.author(name.strip());
    }

    /** Comment hits; with an exact-phrase pass, its hits come first and the rest follow in their own order. */
    private SearchRepository.Hits comments(QueryCompiler.Compiled compiled, int need) {
        // The exact-phrase pass is for text pasted from a comment: rare by nature. When the phrase is everywhere it
        // sorts nothing out, and ranking a phrase of common words costs a positional pass over long posting lists.
        if (compiled.exactPhrase() == null
                || !repository.fewMatches(compiled.exactPhrase(), SearchRepository.RANK_WINDOW)) {
            return repository.comments(compiled.spec(), need);
        }
        SearchRepository.Hits exact = repository.comments(compiled.exactPhrase(), need);
        if (exact.rows().size() >= need) {
            return exact;
        }
        SearchRepository.Hits rest = repository.comments(compiled.spec(), need + exact.rows().size());
        List<SearchRow> out = new ArrayList<>(exact.rows());
        Set<Long> seen = new HashSet<>();
        exact.rows().forEach(r -> seen.add(r.commentRowId()));
        for (SearchRow r : rest.rows()) {
            if (seen.add(r.commentRowId())) {
                out.add(r);
            }
        }
        return new SearchRepository.Hits(out, Math.max(exact.rankedAmong(), rest.rankedAmong()),
                exact.newestInstead() || rest.newestInstead());
    }

    /** Merges comment and story hits in the spec's order; each input is already in that order. */
    static List<SearchRow> merge(List<SearchRow> comments, List<SearchRow> stories, SearchSpec.Order order) {
        if (stories.isEmpty()) {
            return comments;
        }
        Comparator<SearchRow> cmp = switch (order) {
            case RANK -> Comparator.comparingDouble(SearchRow::rank);
            case NEWEST -> Comparator.comparing(SearchRow::posted, Comparator.nullsLast(
                    Comparator.<Instant>reverseOrder()));
            case OLDEST -> Comparator.comparing(SearchRow::posted, Comparator.nullsLast(
                    Comparator.<Instant>naturalOrder()));
        };
        List<SearchRow> out = new ArrayList<>(comments.size() + stories.size());
        int i = 0;
        int j = 0;
        while (i < comments.size() || j < stories.size()) {
            if (j >= stories.size() || (i < comments.size() && cmp.compare(comments.get(i), stories.get(j)) <= 0)) {
                out.add(comments.get(i++));
            } else {
                out.add(stories.get(j++));
            }
        }
        return out;
    }

    private static boolean hasPhrase(SearchQuery query, QueryCompiler.Compiled compiled) {
        return compiled.exactPhrase() != null
                || query.positivePhrases().stream().anyMatch(p -> p.words().size() > 1);
    }

    /**
     * A reply that quotes its parent holds the same phrase and, being shorter, often outranks it; the parent is
     * the comment the phrase is from, so it moves to just before its first quoting reply.
     */
    static List<SearchRow> parentsBeforeQuotingReplies(List<SearchRow> rows) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            SearchRow r = rows.get(i);
            if (!r.isStory()) {
                index.putIfAbsent(r.storyId() + "/" + r.siteCommentId(), i);
            }
        }
        List<SearchRow> out = new ArrayList<>(rows.size());
        Set<Integer> placed = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (placed.contains(i)) {
                continue;
            }
            SearchRow r = rows.get(i);
            List<Integer> ancestors = new ArrayList<>();
            SearchRow at = r;
            // Walk up through ancestors that are also hits further down (a quote of a quote); bounded by the list.
            while (!at.isStory() && at.parentCommentId() != null && ancestors.size() < rows.size()) {
                Integer p = index.get(at.storyId() + "/" + at.parentCommentId());
                if (p == null || p <= i || placed.contains(p) || ancestors.contains(p)) {
                    break;
                }
                ancestors.add(p);
                at = rows.get(p);
            }
            for (int k = ancestors.size() - 1; k >= 0; k--) {
                out.add(rows.get(ancestors.get(k)));
                placed.add(ancestors.get(k));
            }
            out.add(r);
            placed.add(i);
        }
        return out;
    }
}
