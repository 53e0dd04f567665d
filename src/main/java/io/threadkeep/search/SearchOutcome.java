package io.threadkeep.search;

import java.util.List;

/**
 * What a search gave.
 *
 * @param query   the query as understood (its notes say what was ignored)
 * @param hits    this page of results, best first (or in the date order asked for)
 * @param hasMore whether results follow this page
 * @param notes   what was ignored or approximated, one readable sentence each (the query's notes first)
 * @param problem why nothing was searched (an empty or meaningless query, an archive that could not be read),
 *                readable and one line; null when the search ran
 */
public record SearchOutcome(SearchQuery query, List<SearchHit> hits, boolean hasMore, List<String> notes,
                            String problem) {

    public SearchOutcome {
        hits = List.copyOf(hits);
        notes = List.copyOf(notes);
    }

    /** An outcome with the query's own notes. */
    public SearchOutcome(SearchQuery query, List<SearchHit> hits, boolean hasMore, String problem) {
        this(query, hits, hasMore, query.notes(), problem);
    }

    public boolean ran() {
        return problem == null;
    }

    static SearchOutcome failed(SearchQuery query, String problem) {
        return new SearchOutcome(query, List.of(), false, problem);
    }
}
