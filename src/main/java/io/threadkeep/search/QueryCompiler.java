package io.threadkeep.search;

import io.threadkeep.model.Site;
import io.threadkeep.store.SearchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the archive's search spec from a parsed query. The FTS5 expressions it writes consist only of quoted
 * tokens (which hold letters, digits and marks, never a quote), the operators AND, OR, NOT, parentheses and fixed
 * column filters, so no user input can change their syntax.
 */
public final class QueryCompiler {

    private static final String COMMENT_COLUMNS = "{subject text} : ";
    private static final String STORY_COLUMNS = "{title summary_text} : ";
    private static final String TITLE_COLUMN = "{title} : ";

    private QueryCompiler() {
    }

    /**
     * What the archive runs for a query.
     *
     * @param spec        the search
     * @param exactPhrase the same search with all the words as one exact phrase, whose hits rank first; null when
     *                    the query is not a plain list of words ordered by relevance
     */
    public record Compiled(SearchSpec spec, SearchSpec exactPhrase) {
    }

    /** Compiles a runnable query; throws {@link IllegalArgumentException} for one with a problem. */
    public static Compiled compile(SearchQuery query) {
        if (!query.runnable()) {
            throw new IllegalArgumentException(query.problem());
        }
        Filters f = query.filters();
        String positive = query.clauses().stream().map(Clause::toFts).collect(Collectors.joining(" AND "));
        String text = positive.isEmpty() ? null : withExclusions(positive, query.excluded());
        String commentMatch = text == null ? null : COMMENT_COLUMNS + "(" + text + ")";
        String storyMatch = text == null || f.needsComment() ? null : STORY_COLUMNS + "(" + text + ")";
        String excludeMatch = text == null && !query.excluded().isEmpty()
                ? COMMENT_COLUMNS + "(" + query.excluded().stream().map(Phrase::toFts)
                        .collect(Collectors.joining(" OR ")) + ")"
                : null;
        String titleMatch = f.storyWords().isEmpty() ? null
                : TITLE_COLUMN + "(" + f.storyWords().stream().map(Phrase::toFts)
                        .collect(Collectors.joining(" AND ")) + ")";
        SearchSpec spec = new SearchSpec(commentMatch, storyMatch, excludeMatch, titleMatch, f.authors(),
                f.excludedAuthors(), ids(f.sites()), ids(f.excludedSites()), f.labels(), f.excludedLabels(),
                f.minScore(), f.maxScore(), f.storyId(), f.excludedStoryId(), f.postedBefore(), f.postedFrom(),
                f.read(), order(query.sort()), query.clauses().stream()
                        .map(c -> COMMENT_COLUMNS + "(" + c.toFts() + ")").toList(), f.hosts(), f.excludedHosts(),
                f.starred(), f.hasNote(), f.adjustedScore());
        SearchSpec exact = exactPhrase(query).map(p -> spec.withCommentMatch(
                COMMENT_COLUMNS + "(" + withExclusions(p.toFts(), query.excluded()) + ")")).orElse(null);
        return new Compiled(spec, exact);
    }

    /**
     * All the words as one phrase, when the query is two or more plain words (or phrases) ordered by relevance:
     * a comment holding them in that order is what someone pasting a sentence is looking for.
     */
    static java.util.Optional<Phrase> exactPhrase(SearchQuery query) {
        List<Clause> clauses = query.clauses();
        if (query.sort() != SortOrder.RELEVANCE || clauses.size() < 2) {
            return java.util.Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (c.alternatives().size() != 1 || (c.alternatives().get(0).prefix() && i < clauses.size() - 1)) {
                return java.util.Optional.empty();
            }
            words.addAll(c.alternatives().get(0).words());
        }
        if (words.size() > QueryParser.MAX_PHRASE_WORDS) {
            return java.util.Optional.empty();
        }
        boolean prefix = clauses.get(clauses.size() - 1).alternatives().get(0).prefix();
        return java.util.Optional.of(new Phrase(words, prefix));
    }

    private static String withExclusions(String positive, List<Phrase> excluded) {
        if (excluded.isEmpty()) {
            return positive;
        }
        return "(" + positive + ")" + excluded.stream().map(p -> " NOT " + p.toFts()).collect(Collectors.joining());
    }

    private static List<String> ids(List<Site> sites) {
        return sites.stream().map(Site::id).distinct().toList();
    }

    private static SearchSpec.Order order(SortOrder sort) {
        return switch (sort) {
            case RELEVANCE -> SearchSpec.Order.RANK;
            case NEWEST -> SearchSpec.Order.NEWEST;
            case OLDEST -> SearchSpec.Order.OLDEST;
        };
    }
}
