package io.threadkeep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.store.SearchSpec;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    private static SearchQuery parse(String text) {
        return QueryParser.parse(text, SearchContext.NONE);
    }

    private static List<List<String>> words(SearchQuery q) {
        return q.clauses().stream().map(c -> c.alternatives().get(0).words()).toList();
    }

    @Test
    void wordsAreAllRequiredAndLowerCased() {
        SearchQuery q = parse("Gnome  Panel");
        assertEquals(List.of(List.of("gnome"), List.of("panel")), words(q));
        assertTrue(q.runnable());
        assertEquals(SortOrder.RELEVANCE, q.sort());
    }

    @Test
    void quotedTextIsOnePhrase() {
        SearchQuery q = parse("\"exact Phrase here\" other");
        assertEquals(List.of(List.of("exact", "phrase", "here"), List.of("other")), words(q));
    }

    @Test
    void orJoinsTheWordsOnEitherSide() {
        SearchQuery q = parse("linux OR bsd kernel");
        assertEquals(2, q.clauses().size());
        assertEquals(List.of("linux", "bsd"), q.clauses().get(0).alternatives().stream()
                .map(p -> p.words().get(0)).toList());
        assertEquals("kernel", q.clauses().get(1).alternatives().get(0).words().get(0));
    }

    @Test
    void lowerCaseOrIsAWord() {
        SearchQuery q = parse("this or that");
        assertEquals(3, q.clauses().size());
    }

    @Test
    void minusExcludes() {
        SearchQuery q = parse("java -coffee -\"script kiddie\"");
        assertEquals(List.of(List.of("java")), words(q));
        assertEquals(List.of(List.of("coffee"), List.of("script", "kiddie")),
                q.excluded().stream().map(Phrase::words).toList());
        assertEquals("{subject text} : ((\"java\") NOT \"coffee\" NOT \"script kiddie\")",
                QueryCompiler.compile(q).spec().commentMatch());
    }

    @Test
    void notBeforeAWordExcludesIt() {
        SearchQuery q = parse("java NOT coffee");
        assertEquals(List.of(List.of("coffee")), q.excluded().stream().map(Phrase::words).toList());
    }

    @Test
    void starMakesAPrefix() {
        SearchQuery q = parse("linu* \"free softw\"*");
        assertTrue(q.clauses().get(0).alternatives().get(0).prefix());
        assertTrue(q.clauses().get(1).alternatives().get(0).prefix());
        assertEquals("{subject text} : (\"linu\"* AND \"free softw\"*)",
                QueryCompiler.compile(q).spec().commentMatch());
    }

    @Test
    void aOneLetterPrefixIsSearchedAsAWord() {
        SearchQuery q = parse("a*");
        assertFalse(q.clauses().get(0).alternatives().get(0).prefix());
        assertFalse(q.notes().isEmpty());
    }

    @Test
    void authorFilterKeepsTheNameWhole() {
        SearchQuery q = parse("author:\"Jane Doe\" author:bob -author:Eve");
        assertEquals(List.of("Jane Doe", "bob"), q.filters().authors());
        assertEquals(List.of("Eve"), q.filters().excludedAuthors());
        assertTrue(q.runnable(), "filters alone are a query");
        assertEquals(SortOrder.NEWEST, q.sort(), "without words there is no relevance");
    }

    @Test
    void siteFilterAcceptsSiteIdsAndAliases() {
        SearchQuery q = parse("site:slashdot site:HN -site:reddit");
        assertEquals(List.of(Site.SLASHDOT, Site.HACKERNEWS), q.filters().sites());
        assertEquals(List.of(Site.REDDIT), q.filters().excludedSites());
    }

    @Test
    void siteFilterKnowsTheNewSites() {
        SearchQuery q = parse("site:stackexchange site:soylentnews site:web");
        assertEquals(List.of(Site.STACKEXCHANGE, Site.SOYLENTNEWS, Site.WEB), q.filters().sites());
        assertEquals(List.of(), q.filters().hosts());
    }

    @Test
    void siteFilterTakesAHost() {
        SearchQuery q = parse("site:katzen-forum.net -site:Forum.Example.ORG site:https://www.pocketpc.ch/threads/1");
        assertEquals(List.of("katzen-forum.net", "pocketpc.ch"), q.filters().hosts(),
                "lower case, without scheme, path or a leading www.");
        assertEquals(List.of("forum.example.org"), q.filters().excludedHosts());
        assertEquals(List.of(), q.filters().sites());
        assertTrue(q.runnable(), "a host alone is a query");
        assertTrue(q.notes().isEmpty(), q.notes()::toString);
    }

    @Test
    void aWordWithoutADotIsNoHost() {
        SearchQuery q = parse("site:katzenforum panel");
        assertEquals(List.of(), q.filters().hosts());
        assertTrue(q.notes().get(0).contains("katzenforum"), q.notes()::toString);
        assertTrue(parse("site:bad..host").filters().hosts().isEmpty());
        assertTrue(parse("site:-x-.org").filters().hosts().isEmpty());
    }

    @Test
    void unknownSiteIsExplained() {
        SearchQuery q = parse("site:myspace");
        assertFalse(q.runnable());
        assertTrue(q.problem().contains("myspace"), q.problem());
    }

    @Test
    void scoreFilterComparisons() {
        assertEquals(4, parse("score:>=4").filters().minScore());
        assertEquals(5, parse("score:>4").filters().minScore());
        assertEquals(2, parse("score:<3").filters().maxScore());
        assertEquals(3, parse("score:<=3").filters().maxScore());
        SearchQuery exact = parse("score:-1");
        assertEquals(-1, exact.filters().minScore());
        assertEquals(-1, exact.filters().maxScore());
        SearchQuery range = parse("score:2..4");
        assertEquals(2, range.filters().minScore());
        assertEquals(4, range.filters().maxScore());
    }

    @Test
    void invalidScoreAloneCannotBeRun() {
        SearchQuery q = parse("score:>=abc");
        assertFalse(q.runnable());
        assertTrue(q.problem().contains("score"), q.problem());
    }

    @Test
    void invalidFilterBesideWordsIsANote() {
        SearchQuery q = parse("gnome score:>=abc");
        assertTrue(q.runnable());
        assertEquals(1, q.notes().size());
        assertNull(q.filters().minScore());
    }

    @Test
    void labelFilter() {
        SearchQuery q = parse("label:insightful -label:funny");
        assertEquals(List.of("insightful"), q.filters().labels());
        assertEquals(List.of("funny"), q.filters().excludedLabels());
        assertNull(QueryCompiler.compile(parse("x label:funny")).spec().storyMatch(),
                "stories have no labels, so they cannot be hits");
    }

    @Test
    void storyFilterMatchesTitles() {
        SearchQuery q = parse("story:\"gnome 2\" panel");
        assertEquals(List.of(List.of("gnome", "2")), q.filters().storyWords().stream().map(Phrase::words).toList());
        assertEquals("{title} : (\"gnome 2\")", QueryCompiler.compile(q).spec().storyTitleMatch());
    }

    @Test
    void inThisUsesTheCurrentStory() {
        SearchQuery q = QueryParser.parse("in:this panel", new SearchContext(42L));
        assertEquals(42L, q.filters().storyId());
        SearchQuery not = QueryParser.parse("-in:this panel", new SearchContext(42L));
        assertEquals(42L, not.filters().excludedStoryId());
    }

    @Test
    void inThisWithoutAStoryIsExplained() {
        SearchQuery q = parse("in:this");
        assertFalse(q.runnable());
        assertTrue(q.problem().contains("open story"), q.problem());
        assertTrue(parse("in:this gnome").runnable());
    }

    @Test
    void dateFiltersCoverWholePeriods() {
        SearchQuery q = parse("before:2010 after:2008-02");
        assertEquals(Instant.parse("2010-01-01T00:00:00Z"), q.filters().postedBefore());
        assertEquals(Instant.parse("2008-03-01T00:00:00Z"), q.filters().postedFrom());
        assertEquals(Instant.parse("2008-03-01T00:00:00Z"), parse("after:2008-02-29").filters().postedFrom());
        assertEquals(Instant.parse("2020-10-07T00:00:00Z"), parse("before:2020-10-07").filters().postedBefore());
    }

    @Test
    void invalidDatesAreExplained() {
        for (String bad : List.of("before:yesterday", "after:2019-13", "before:2019-02-30", "after:1e9")) {
            SearchQuery q = parse(bad);
            assertFalse(q.runnable(), bad);
            assertTrue(q.problem().contains("date"), q.problem());
        }
    }

    @Test
    void isUnreadAndIsRead() {
        assertEquals(Boolean.FALSE, parse("is:unread").filters().read());
        assertEquals(Boolean.TRUE, parse("is:read").filters().read());
        assertEquals(Boolean.TRUE, parse("-is:unread").filters().read());
        assertFalse(parse("is:bookmarked").runnable());
        assertEquals(Boolean.TRUE, parse("is:starred").filters().starred());
        assertEquals(Boolean.FALSE, parse("-is:starred").filters().starred());
        assertEquals(Boolean.TRUE, parse("has:note").filters().hasNote());
        assertFalse(parse("has:stars").runnable());
    }

    @Test
    void sortFilter() {
        assertEquals(SortOrder.NEWEST, parse("x sort:newest").sort());
        assertEquals(SortOrder.OLDEST, parse("x sort:oldest").sort());
        assertEquals(SortOrder.RELEVANCE, QueryParser.parse("x sort:relevance", SearchContext.NONE,
                SortOrder.NEWEST).sort());
        assertEquals(SortOrder.NEWEST, QueryParser.parse("x", SearchContext.NONE, SortOrder.NEWEST).sort());
    }

    @Test
    void unknownKeyIsSearchedAsWords() {
        SearchQuery q = parse("a:b http://example.org/x");
        assertEquals(List.of(List.of("a", "b"), List.of("http", "example", "org", "x")), words(q));
        assertTrue(q.notes().isEmpty());
    }

    @Test
    void diacriticsAndCaseAreLeftToTheIndexButWordsStayWhole() {
        SearchQuery q = parse("Café naïve");
        assertEquals(List.of(List.of("café"), List.of("naïve")), words(q));
    }

    @Test
    void aPlainListOfWordsAlsoRunsAsOneExactPhrase() {
        SearchQuery q = parse("the quick brown fox");
        QueryCompiler.Compiled c = QueryCompiler.compile(q);
        assertEquals("{subject text} : (\"the quick brown fox\")", c.exactPhrase().commentMatch());
        assertNull(QueryCompiler.compile(parse("quick OR slow fox")).exactPhrase());
        assertNull(QueryCompiler.compile(parse("fox")).exactPhrase());
        assertNull(QueryCompiler.compile(parse("quick fox sort:newest")).exactPhrase());
    }

    @Test
    void manyTermsAreCut() {
        String text = "word ".repeat(100);
        SearchQuery q = parse(text);
        assertEquals(QueryParser.MAX_TERMS, q.clauses().size());
        assertTrue(q.notes().stream().anyMatch(n -> n.contains("first")));
    }

    @Test
    void aLongPhraseIsCutToItsFirstWords() {
        SearchQuery q = parse("\"" + "many words ".repeat(100) + "\"");
        assertEquals(QueryParser.MAX_PHRASE_WORDS, q.clauses().get(0).alternatives().get(0).words().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't", "C++", "multi-agent", "\"unclosed", "(a", "NEAR(", "a:b", "50%", "@user",
        "OR", "AND", "NOT", "a OR", "OR a", "-", "--", "\"\"", "\"", "'", "a\"b", "col:", "author:",
        "{subject}:x", "^start", "a AND OR b", "x*y", "**", "🙂 smile", "ünïcödé", "日本語", "a\u0000b",
        "subject:foo", "text:bar", "NEAR(a b, 3)", "a + b", "rank:1", "rowid:1", "\\", "'; DROP TABLE comment;--"})
    void hostileStringsGiveAQueryOrAnExplanation(String text) {
        SearchQuery q = parse(text);
        assertTrue(q.runnable() || (q.problem() != null && !q.problem().isBlank()), text);
        if (q.runnable()) {
            assertSafe(QueryCompiler.compile(q).spec());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "", "   ", "-foo", "score:>=abc", "%%%", "@", "site:nowhere", "sort:newest"})
    void queriesWithNothingToSearchForSayWhy(String text) {
        SearchQuery q = parse(text);
        assertFalse(q.runnable(), text);
        assertNotNull(q.problem());
        assertFalse(q.problem().isBlank());
        assertTrue(q.problem().length() < 300, "a message, not an echo: " + q.problem());
    }

    @Test
    void tenKilobytesOfTextIsParsedAndCut() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        while (text.length() < 10_240) {
            text.append((char) ('a' + random.nextInt(26)));
            if (random.nextInt(6) == 0) {
                text.append(random.nextBoolean() ? ' ' : '"');
            }
        }
        SearchQuery q = parse(text.toString());
        assertTrue(q.runnable());
        assertSafe(QueryCompiler.compile(q).spec());
    }

    /** Random strings over an alphabet rich in syntax: the compiled expressions stay quoted tokens and operators. */
    @Test
    void randomHostileStringsAlwaysCompileToQuotedTokens() {
        String alphabet = "aZé9 \"'*-+():{}^,.;%@#$&|\\/<>=!?~`[]\t\nNEAROTAND日🙂\u0301";
        Random random = new Random(20240501);
        for (int i = 0; i < 5000; i++) {
            int length = random.nextInt(40);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                int pick = random.nextInt(alphabet.length());
                s.append(alphabet.charAt(pick));
                if (random.nextInt(12) == 0) {
                    s.append(List.of("OR ", "NOT ", "AND ", "author:", "score:", "site:", "in:this", "before:",
                            "story:", "-", "\"", "NEAR(").get(random.nextInt(12)));
                }
            }
            String text = s.toString();
            SearchQuery q = QueryParser.parse(text, new SearchContext(random.nextBoolean() ? 5L : null));
            assertTrue(q.runnable() || q.problem() != null, text);
            if (q.runnable()) {
                assertSafe(QueryCompiler.compile(q).spec());
            }
        }
    }

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"\\*?");
    private static final Pattern OPERATORS_ONLY = Pattern.compile(
            "(\\{subject text\\} : |\\{title summary_text\\} : |\\{title\\} : |[() ]|AND|OR|NOT|Q)*");
    private static final Pattern TOKEN_TEXT = Pattern.compile("\"[\\p{L}\\p{N}\\p{M}\\p{Co}]+( [\\p{L}\\p{N}\\p{M}"
            + "\\p{Co}]+)*\"\\*?");

    /** Every FTS5 expression is quoted tokens (letters, digits, marks) joined by operators and fixed filters. */
    static void assertSafe(SearchSpec spec) {
        for (String match : new String[] {spec.commentMatch(), spec.storyMatch(), spec.excludeMatch(),
            spec.storyTitleMatch()}) {
            if (match == null) {
                continue;
            }
            java.util.regex.Matcher m = QUOTED.matcher(match);
            while (m.find()) {
                assertTrue(TOKEN_TEXT.matcher(m.group()).matches(), "quoted part " + m.group() + " in " + match);
            }
            String skeleton = QUOTED.matcher(match).replaceAll("Q");
            assertTrue(OPERATORS_ONLY.matcher(skeleton).matches(), "unexpected syntax in " + match);
        }
    }
}
