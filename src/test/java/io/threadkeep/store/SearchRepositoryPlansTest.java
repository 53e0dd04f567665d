package io.threadkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.bench.ArchiveGenerator;
import io.threadkeep.search.QueryCompiler;
import io.threadkeep.search.QueryParser;
import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository picks a plan by how many comments match and how narrow the filters are. On a generated archive,
 * with thresholds lowered so every plan runs, the exact plans must agree with ranking every match, and the
 * windowed plan must return real, filtered matches in rank order.
 */
class SearchRepositoryPlansTest {

    @TempDir
    static Path dir;
    private static ArchiveStore store;

    @BeforeAll
    static void generate() {
        new ArchiveGenerator().generate(dir.resolve("plans.db"), 3_000, (done, total) -> {
        });
        store = ArchiveStore.open(dir.resolve("plans.db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static SearchSpec spec(String query, SortOrder sort) {
        return QueryCompiler.compile(QueryParser.parse(query, SearchContext.NONE, sort)).spec();
    }

    private static List<Long> ids(SearchRepository.Hits hits) {
        return hits.rows().stream().map(SearchRow::commentRowId).toList();
    }

    private static List<String> queries() {
        String common = ArchiveGenerator.word(1);
        String frequent = ArchiveGenerator.word(30);
        String medium = ArchiveGenerator.word(300);
        String prolific = ArchiveGenerator.authorName(1);
        String other = ArchiveGenerator.authorName(3);
        List<String> q = new ArrayList<>();
        String rare = ArchiveGenerator.word(3_000);
        for (String word : List.of(common, frequent, medium, common + " " + frequent, medium + "*",
                common + " " + medium, frequent + " " + rare, medium + " -" + frequent)) {
            q.add(word);
            q.add(word + " author:" + prolific);
            q.add(word + " author:" + prolific + " author:" + other);
            q.add(word + " score:>=3");
            q.add(word + " site:slashdot -author:" + prolific);
            q.add(word + " label:insightful");
            q.add(word + " after:2015");
            q.add(word + " story:" + frequent);
        }
        return q;
    }

    @Test
    void filterFirstAgreesWithRankingEveryMatch() {
        SearchRepository all = new SearchRepository(store, Integer.MAX_VALUE - 1, 0);
        SearchRepository filterFirst = new SearchRepository(store, 5, Integer.MAX_VALUE - 1);
        int compared = 0;
        for (String q : queries()) {
            SearchSpec spec = spec(q, SortOrder.RELEVANCE);
            SearchRepository.Hits expected = all.comments(spec, 30);
            assertEquals(0, expected.rankedAmong(), q);
            SearchRepository.Hits actual = filterFirst.comments(spec, 30);
            if (actual.rankedAmong() == 0) {
                assertEquals(ids(expected), ids(actual), q);
                compared++;
            }
        }
        assertTrue(compared >= 10, "the filter-first plan ran for the author and story queries: " + compared);
    }

    @Test
    void theWindowedPlanReturnsFilteredMatchesInRankOrder() {
        SearchRepository all = new SearchRepository(store, Integer.MAX_VALUE - 1, 0);
        SearchRepository windowed = new SearchRepository(store, 50, 0);
        int windowedRuns = 0;
        for (String q : queries()) {
            SearchSpec spec = spec(q, SortOrder.RELEVANCE);
            // Date order looks matches up without ranking: the reference for which comments match at all.
            Set<Long> every = all.comments(spec(q, SortOrder.NEWEST), 100_000).rows().stream()
                    .map(SearchRow::commentRowId).collect(Collectors.toSet());
            assertEquals(every, all.comments(spec, 100_000).rows().stream().map(SearchRow::commentRowId)
                    .collect(Collectors.toSet()), "ranking, even by fewer words, keeps exactly the matches: " + q);
            SearchRepository.Hits hits = windowed.comments(spec, 20);
            if (hits.rankedAmong() > 0) {
                windowedRuns++;
            }
            assertTrue(every.containsAll(ids(hits)), "only real matches that pass the filters: " + q);
            // Ranked hits come first in rank order; any that follow were added newest first to fill the page.
            List<SearchRow> rows = hits.rows();
            int ranked = 0;
            while (ranked + 1 < rows.size() && rows.get(ranked).rank() <= rows.get(ranked + 1).rank()) {
                ranked++;
            }
            for (int i = ranked + 2; i < rows.size(); i++) {
                assertFalse(rows.get(i).posted().isAfter(rows.get(i - 1).posted()), "fill is newest first: " + q);
            }
            assertEquals(Math.min(20, every.size()), hits.rows().size(), "a full page when there are matches: " + q);
        }
        assertTrue(windowedRuns > 5, "the window was used: " + windowedRuns);
    }

    @Test
    void dateOrderIsTheSameWhetherMatchesAreSortedOrTheDateIndexIsWalked() {
        SearchRepository sortMatches = new SearchRepository(store, Integer.MAX_VALUE - 1, 0);
        SearchRepository walkDates = new SearchRepository(store, 5, 0);
        for (String q : queries()) {
            SearchSpec spec = spec(q, SortOrder.NEWEST);
            List<Long> expected = ids(sortMatches.comments(spec, 25));
            assertEquals(expected, ids(walkDates.comments(spec, 25)), q);
            List<SearchRow> rows = walkDates.comments(spec, 25).rows();
            for (int i = 1; i < rows.size(); i++) {
                assertFalse(rows.get(i).posted().isAfter(rows.get(i - 1).posted()), "newest first: " + q);
            }
        }
    }
}
