package io.threadkeep.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The real saved pages of Hacker News, Reddit and Lobsters, checked against what {@link CorpusOracle} reads from
 * their raw markup: recall, parents, authors and text, at the thresholds the acceptance check uses.
 */
class OtherSitesCorpusTest {

    private static final double MIN_RECALL = 0.98;
    private static final double MIN_PARENT = 0.98;
    private static final double MIN_AUTHOR = 0.98;
    private static final double MIN_TEXT = 0.95;

    private final PageImporter importer = PageImporter.standard();

    private record Score(int expected, int found, int parentOk, int authorOk, int textOk, int textChecked) {
        String line(String name) {
            return String.format("%s: found %d/%d, parents %d, authors %d, text %d/%d", name, found, expected,
                    parentOk, authorOk, textOk, textChecked);
        }
    }

    private ParsedThread parse(Path page, Site site) {
        List<PageOutcome> outcomes = importer.importFile(page);
        assertEquals(1, outcomes.size(), outcomes::toString);
        PageOutcome.Parsed parsed = assertInstanceOf(PageOutcome.Parsed.class, outcomes.get(0),
                () -> outcomes.get(0).toString());
        assertEquals(site, parsed.site());
        return parsed.thread();
    }

    private Score check(Path page, Site site, Function<String, List<CorpusOracle.Expected>> oracle,
                        TestReporter reporter) throws IOException {
        String raw = Files.readString(page, StandardCharsets.UTF_8);
        List<CorpusOracle.Expected> expected = oracle.apply(raw);
        assertTrue(expected.size() > 5, () -> "the oracle found too few comments in " + page);
        ParsedThread thread = parse(page, site);
        Map<String, Comment> byId = new HashMap<>();
        for (Comment c : thread.comments()) {
            if (c.completeness() != Completeness.PLACEHOLDER) {
                byId.put(c.id(), c);
            }
        }
        int found = 0;
        int parents = 0;
        int authors = 0;
        int texts = 0;
        int textChecked = 0;
        for (CorpusOracle.Expected e : expected) {
            Comment c = byId.get(e.id());
            if (c == null) {
                continue;
            }
            found++;
            if (java.util.Objects.equals(e.parentId(), c.parentId())) {
                parents++;
            }
            if (java.util.Objects.equals(e.author(), c.author())) {
                authors++;
            }
            if (e.text() != null) {
                textChecked++;
                if (CorpusOracle.compactPlain(e.text()).equals(CorpusOracle.compactPlain(c.text()))) {
                    texts++;
                }
            }
        }
        Score score = new Score(expected.size(), found, parents, authors, texts, textChecked);
        String line = score.line(page.getFileName().toString());
        reporter.publishEntry("corpus", line);
        assertTrue(found >= MIN_RECALL * expected.size(), line);
        assertTrue(parents >= MIN_PARENT * found, line);
        assertTrue(authors >= MIN_AUTHOR * found, line);
        assertTrue(texts >= MIN_TEXT * textChecked, line);
        assertEquals(expected.size(), byId.size(), () -> "no comments beyond the oracle's: " + line);
        return score;
    }

    private static Path page(String site, String name) {
        Path file = SharedCorpus.siteDir(site).resolve(name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "missing " + file);
        return file;
    }

    @Test
    void hackerNewsTableEraPages(TestReporter reporter) throws IOException {
        for (String name : List.of("hn-2012-01_whoishiring_page1-of-3.html", "hn-2012-01_whoishiring_page2-of-3.html",
                "hn-2012-01_whoishiring_page3-of-3.html", "hn-2013-01_larry-page_small.html")) {
            check(page("hackernews", name), Site.HACKERNEWS, CorpusOracle::hackerNewsTable, reporter);
        }
    }

    @Test
    void hackerNewsReserialisedAthingPage(TestReporter reporter) throws IOException {
        Path file = page("hackernews", "hn-2023-07_best-papers_absolute-urls.html");
        check(file, Site.HACKERNEWS, CorpusOracle::hackerNewsAthing, reporter);
        ParsedThread thread = parse(file, Site.HACKERNEWS);
        assertEquals("36817231", thread.story().siteStoryId());
        assertEquals("https://news.ycombinator.com/item?id=36817231", thread.story().url());
        assertNotNull(thread.story().summaryText(), "Ask HN text");
        assertNull(thread.story().linkUrl(), "an Ask HN links to itself");
        assertEquals(100, thread.story().declaredCommentCount());
    }

    @Test
    void hackerNewsPaginatedThreadLinksUp() {
        ParsedThread first = parse(page("hackernews", "hn-2012-01_whoishiring_page1-of-3.html"), Site.HACKERNEWS);
        ParsedThread second = parse(page("hackernews", "hn-2012-01_whoishiring_page2-of-3.html"), Site.HACKERNEWS);
        ParsedThread third = parse(page("hackernews", "hn-2012-01_whoishiring_page3-of-3.html"), Site.HACKERNEWS);
        assertNotNull(first.story());
        assertEquals("3412900", first.story().siteStoryId());
        assertNull(first.continuationKey());
        assertNull(second.story(), "a More page has no story header");
        assertNull(third.story());
        assertTrue(first.nextPageKeys().contains(second.continuationKey()), () -> first.nextPageKeys() + " vs "
                + second.continuationKey());
        assertTrue(second.nextPageKeys().contains(third.continuationKey()), () -> second.nextPageKeys() + " vs "
                + third.continuationKey());
        assertTrue(third.nextPageKeys().isEmpty());
        assertNull(second.comments().get(0).parentId(), "the first comment of page 2 is top-level");
    }

    @Test
    void redditOldDesignInSlovak(TestReporter reporter) throws IOException {
        Path file = page("reddit", "reddit-2016-10_science-ama_sk-locale.html");
        check(file, Site.REDDIT, CorpusOracle::redditOld, reporter);
        ParsedThread thread = parse(file, Site.REDDIT);
        assertEquals("https://www.reddit.com/r/science/comments/579v6t/", thread.story().url());
        assertEquals(86, thread.story().declaredCommentCount());
        assertTrue(thread.comments().stream().noneMatch(c -> c.id().equals("d8q6yaj")),
                "a 'load more comments' stub is not a comment");
    }

    @Test
    void redditNewDesignWithPageState(TestReporter reporter) throws IOException {
        Path file = page("reddit", "reddit-2020-01_new-design_python-init.html");
        check(file, Site.REDDIT, CorpusOracle::redditNew, reporter);
        ParsedThread thread = parse(file, Site.REDDIT);
        assertEquals("https://www.reddit.com/r/Python/comments/1bbbwk/", thread.story().url());
    }

    @Test
    void lobstersBothPages(TestReporter reporter) throws IOException {
        for (String name : List.of("lobsters-2026-07_anubis_ktew3s.html",
                "lobsters-story2022_cap2026-07_ranking-comments_tdfoqh.html")) {
            check(page("lobsters", name), Site.LOBSTERS, CorpusOracle::lobsters, reporter);
        }
        ParsedThread thread = parse(page("lobsters", "lobsters-2026-07_anubis_ktew3s.html"), Site.LOBSTERS);
        assertEquals("https://lobste.rs/s/ktew3s", thread.story().url());
        assertNotNull(thread.capturedAt(), "the page's data-now-unix is its save time");
    }
}
