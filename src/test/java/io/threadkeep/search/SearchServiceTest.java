package io.threadkeep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Site;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.AuthorStats;
import io.threadkeep.store.StoredComment;
import io.threadkeep.testsupport.SearchArchive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchServiceTest {

    @TempDir
    Path dir;
    private ArchiveStore store;
    private SearchArchive archive;
    private SearchService search;

    @BeforeEach
    void setUp() {
        store = SearchArchive.open(dir);
        archive = SearchArchive.fill(store);
        search = new SearchService(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<SearchHit> hits(String query) {
        SearchOutcome outcome = search.search(query, 50);
        assertTrue(outcome.ran(), () -> query + ": " + outcome.problem());
        return outcome.hits();
    }

    private List<String> ids(String query) {
        return hits(query).stream().map(h -> h.isStory() ? "story:" + h.storyId() : h.commentId()).toList();
    }

    @Test
    void aPhraseFindsItsCommentFirstEvenWhenAReplyQuotesIt() {
        assertEquals("101", ids("\"drag an applet across the screen\"").get(0));
        assertEquals(Set.of("101", "102"), Set.copyOf(ids("\"drag an applet across the screen\"")));
        assertEquals("101", ids("crashes whenever I drag an applet").get(0), "unquoted words too");
    }

    @Test
    void wordsMustAllMatch() {
        assertEquals(List.of("5001"), ids("emacs panel"));
        assertTrue(ids("emacs vim").isEmpty());
    }

    @Test
    void authorFilterReturnsOnlyThatAuthorCaseInsensitively() {
        List<SearchHit> hits = hits("author:alice");
        assertEquals(Set.of("101", "5003"), hits.stream().map(SearchHit::commentId).collect(Collectors.toSet()));
        assertTrue(hits.stream().allMatch(h -> h.author().equalsIgnoreCase("alice")));
        assertEquals(List.of("101"), ids("author:Alice panel"));
        assertEquals(List.of("5001"), ids("author:bob emacs"));
        assertTrue(ids("author:alice emacs").isEmpty());
    }

    @Test
    void excludedAuthorKeepsAnonymousComments() {
        List<String> ids = ids("-author:alice -author:alicex desktop OR culture OR applet");
        assertTrue(ids.contains("103"), ids.toString());
        assertFalse(ids.contains("101"));
        assertFalse(ids.contains("104"));
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        assertEquals(List.of("103"), ids("cafe naive resume"));
        assertEquals(List.of("103"), ids("CAFÉ"));
        assertEquals(List.of("103"), ids("Résumé"));
        assertEquals(List.of("103"), ids("caf*"));
        // Two letters (café, and can't in 5002): no prefix index of that length, answered from the main index.
        assertEquals(List.of("103", "5002"), ids("ca*"));
    }

    @Test
    void storiesMatchOnTitleAndSummary() {
        List<SearchHit> hits = hits("panel discussion");
        SearchHit first = hits.get(0);
        assertTrue(first.isStory());
        assertEquals(archive.funding, first.storyId());
        assertNull(first.commentId());
        assertEquals("Panel discussion on open source funding", first.snippet().text());
        assertEquals(List.of(new Snippet.Range(0, 16)), first.snippet().matches());
        assertTrue(ids("reworked file manager").contains("story:" + archive.gnome), "summary words");
    }

    @Test
    void snippetsMarkTheMatchedWords() {
        SearchHit hit = hits("regression bug").get(0);
        assertEquals("101", hit.commentId());
        String marked = hit.snippet().marked("[", "]");
        assertTrue(marked.contains("[regression]"), marked);
        assertTrue(marked.contains("[bug]"), marked);
        assertEquals("GNOME 2.24 Released", hit.storyTitle());
        assertEquals(Site.SLASHDOT, hit.site());
    }

    @Test
    void subjectsWeighMoreThanBodies() {
        // "applets" is 104's subject; 101 and 102 only have "applet" in the body.
        assertEquals("104", ids("applet*").get(0));
    }

    @Test
    void orAndExclusion() {
        assertEquals(Set.of("5001", "5002"), Set.copyOf(ids("emacs OR vim")));
        assertEquals(List.of("102"), ids("applet -bug -favourite"));
    }

    @Test
    void scoreLabelSiteAndDateFilters() {
        assertEquals(Set.of("101", "104", "t1a"), Set.copyOf(ids("score:>=4")));
        assertEquals(List.of("t1b"), ids("score:<0"));
        assertEquals(List.of("101"), ids("label:insightful"));
        assertEquals(Set.of("5001", "5002", "5003"), Set.copyOf(ids("site:hn")));
        assertEquals(Set.of("5001"), Set.copyOf(ids("site:hackernews panel")));
        assertEquals(Set.of("t1a", "t1b"), Set.copyOf(ids("after:2019")));
        assertEquals(Set.of("101", "102", "103", "104"), Set.copyOf(ids("before:2009")));
        assertEquals(List.of("5003"), ids("after:2015-03-01 before:2016"));
    }

    @Test
    void storyFilterAndInThis() {
        assertEquals(Set.of("101", "102", "103", "104"), Set.copyOf(ids("story:gnome")));
        assertEquals(List.of("5001"), ids("story:editor panel"));
        SearchOutcome inThis = search.search("in:this panel", new SearchContext(archive.editors),
                SortOrder.RELEVANCE, 0, 20);
        assertEquals(List.of("5001"), inThis.hits().stream().map(SearchHit::commentId).toList());
        SearchOutcome notThis = search.search("-in:this panel", new SearchContext(archive.editors),
                SortOrder.RELEVANCE, 0, 20);
        assertFalse(notThis.hits().stream().anyMatch(h -> h.storyId() == archive.editors));
    }

    @Test
    void unreadFilterFollowsReadState() {
        List<Long> editorRows = store.comments(archive.editors).stream().map(StoredComment::rowId).toList();
        store.markRead(editorRows);
        List<String> unread = ids("is:unread");
        assertFalse(unread.contains("5001"));
        assertTrue(unread.contains("101"));
        assertEquals(Set.of("5001", "5002", "5003"), Set.copyOf(ids("is:read")));
    }

    @Test
    void dateOrder() {
        assertEquals(List.of("t1b", "t1a", "5003", "5002", "5001"), ids("after:2010").subList(0, 5));
        assertEquals("101", ids("sort:oldest panel OR vim").get(0));
        List<SearchHit> newest = hits("sort:newest panel");
        for (int i = 1; i < newest.size(); i++) {
            assertFalse(newest.get(i).posted().isAfter(newest.get(i - 1).posted()), "newest first");
        }
    }

    @Test
    void pagingWalksThroughEveryHitOnce() {
        List<String> all = ids("author:alice OR author:carol OR author:bob");
        assertEquals(all, ids("author:alice author:carol author:bob"), "repeated filters are alternatives anyway");
        assertEquals(6, all.size());
        List<String> paged = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 2) {
            SearchOutcome page = search.search("author:alice author:carol author:bob", SearchContext.NONE,
                    SortOrder.RELEVANCE, offset, 2);
            page.hits().forEach(h -> paged.add(h.commentId()));
            if (!page.hasMore()) {
                break;
            }
        }
        assertEquals(hits("author:alice author:carol author:bob").stream().map(SearchHit::commentId).toList(),
                paged);
    }

    @Test
    void authorStats() {
        AuthorStats alice = search.author("ALICE").orElseThrow();
        assertEquals(2, alice.comments());
        assertEquals(2, alice.stories());
        assertEquals(1, alice.unscored());
        assertEquals(Map.of(5, 1), alice.scoreDistribution());
        assertTrue(alice.name().equalsIgnoreCase("alice"), alice.name());
        assertTrue(search.author("nobody-here").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"don't", "C++", "multi-agent", "\"unclosed", "(a", "NEAR(", "a:b", "*", "50%", "@user",
        "OR", "", "NEAR(a b, 3)", "{subject}:x", "subject:panel", "'; DROP TABLE comment;--", "\"\"", "-", "a*",
        "ü*", "score:>=abc", "author:", "in:this", "x OR", "NOT", "AND OR NOT"})
    void hostileStringsRunOrExplain(String query) {
        SearchOutcome outcome = search.search(query, 20);
        if (!outcome.ran()) {
            assertFalse(outcome.problem().startsWith("The search could not run"), outcome.problem());
            assertFalse(outcome.problem().isBlank());
        }
    }

    @Test
    void hostileStringsFindWhatTheyContain() {
        assertEquals("5002", ids("can't").get(0));
        assertEquals("5002", ids("multi-agent").get(0));
        assertEquals("5003", ids("C++").get(0));
        assertEquals("5003", ids("50%").get(0));
    }

    @Test
    void tenKilobytesOfTextRuns() {
        String text = "panel ".repeat(2000);
        SearchOutcome outcome = search.search(text, 20);
        assertTrue(outcome.ran(), outcome.problem());
        assertFalse(outcome.notes().isEmpty());
        StringBuilder noise = new StringBuilder();
        Random random = new Random(3);
        while (noise.length() < 10_240) {
            noise.append((char) (32 + random.nextInt(95)));
        }
        SearchOutcome noisy = search.search(noise.toString(), 20);
        assertTrue(noisy.ran() || !noisy.problem().startsWith("The search could not run"), noisy.problem());
    }

    /** Random strings rich in syntax never reach the index as syntax: every one runs or is explained. */
    @Test
    void randomHostileStringsNeverFailInTheIndex() {
        String alphabet = "aeilnprst AEOR9é\"'*-+():{}^,.;%@#|\\/<>=!?~`[]\tNEAR日🙂\u0301";
        List<String> pieces = List.of("OR ", "NOT ", "AND ", "author:", "score:", "site:", "in:this ", "before:",
                "story:", "-", "\"", "NEAR(", "label:", "is:", "sort:", "after:", "*");
        Random random = new Random(99);
        for (int i = 0; i < 1500; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(30);
            for (int k = 0; k < length; k++) {
                s.append(random.nextInt(6) == 0 ? pieces.get(random.nextInt(pieces.size()))
                        : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            String query = s.toString();
            SearchOutcome outcome = search.search(query, new SearchContext(random.nextBoolean() ? archive.gnome : null),
                    SortOrder.values()[random.nextInt(3)], random.nextInt(3), 1 + random.nextInt(10));
            assertNotNull(outcome);
            if (!outcome.ran()) {
                assertFalse(outcome.problem().startsWith("The search could not run"), query + " → "
                        + outcome.problem());
            }
        }
        store.checkSearchIndex();
    }
}
