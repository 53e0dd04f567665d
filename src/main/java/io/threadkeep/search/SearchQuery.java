package io.threadkeep.search;

import java.util.List;

/**
 * A query as {@link QueryParser} understood it.
 *
 * @param clauses  required parts, each an OR of phrases; all must match
 * @param excluded phrases no result may contain ({@code -word}, {@code -"a phrase"})
 * @param filters  the filters
 * @param sort     the order asked for
 * @param notes    readable explanations of what was ignored or changed, one sentence each
 * @param problem  why the query cannot be run (nothing to search for), or null when it can
 */
public record SearchQuery(List<Clause> clauses, List<Phrase> excluded, Filters filters, SortOrder sort,
                          List<String> notes, String problem) {

    public SearchQuery {
        clauses = List.copyOf(clauses);
        excluded = List.copyOf(excluded);
        notes = List.copyOf(notes);
    }

    public boolean runnable() {
        return problem == null;
    }

    public boolean hasText() {
        return !clauses.isEmpty();
    }

    /** Every word the results should show highlighted, for callers that highlight outside the index. */
    public List<Phrase> positivePhrases() {
        return clauses.stream().flatMap(c -> c.alternatives().stream()).toList();
    }
}
