package io.threadkeep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import io.threadkeep.testsupport.SearchArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site:HOST}: stories whose URL host is that host or a subdomain of it, beside {@code site:NAME}. */
class HostSearchTest {

    @TempDir
    Path dir;
    private ArchiveStore store;
    private SearchService search;

    @BeforeEach
    void setUp() {
        store = SearchArchive.open(dir);
        SearchArchive.fill(store);
        save(Site.WEB, "https://www.katzen-forum.net/threads/pepe.123/", "Pepe kratzt", "k1",
                "Unser Kater kratzt sich an den Ohren, seit Wochen schon.");
        save(Site.WEB, "https://forum.example.org:8443/t/ohren/9", "Ohren", "e1",
                "Ohren reinigen: lieber zum Tierarzt als selbst kratzen.");
        save(Site.WEB, "https://notexample.org/t/ohren/10", "Ohren", "n1",
                "Kratzen an den Ohren heisst oft Milben.");
        search = new SearchService(store);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void save(Site site, String url, String title, String commentId, String text) {
        Story story = new Story(site, url, url, title, null, null, null, List.of(), List.of(), null, null, null,
                null);
        Comment comment = new Comment(commentId, null, "mieze", null, Instant.parse("2019-03-12T10:15:00Z"), null,
                null, null, null, "<p>" + text + "</p>", text, Completeness.FULL, CommentState.NORMAL);
        store.save(new ParsedThread(story, List.of(comment), List.of()), new SourceFile("test", commentId + ".html",
                url.getBytes(StandardCharsets.UTF_8), "test", 1, null));
    }

    private Set<String> ids(String query) {
        SearchOutcome outcome = search.search(query, 50);
        assertTrue(outcome.ran(), () -> query + ": " + outcome.problem());
        return outcome.hits().stream().filter(h -> !h.isStory()).map(SearchHit::commentId)
                .collect(Collectors.toSet());
    }

    @Test
    void aHostMatchesItselfAndItsSubdomainsOnly() {
        assertEquals(Set.of("k1"), ids("site:katzen-forum.net"), "www. is a subdomain of the host");
        assertEquals(Set.of("k1"), ids("site:www.katzen-forum.net"));
        assertEquals(Set.of("e1"), ids("site:example.org"), "a subdomain with a port, not notexample.org");
        assertEquals(Set.of("e1"), ids("site:forum.example.org ohren"));
        assertEquals(Set.of("n1"), ids("site:notexample.org"));
    }

    @Test
    void hostsAndSitesWidenEachOtherAndCanBeExcluded() {
        assertEquals(Set.of("k1", "e1", "n1"), ids("site:web"));
        assertEquals(Set.of("k1", "e1"), ids("kratzen OR kratzt OR ohren -site:notexample.org"));
        Set<String> either = ids("site:katzen-forum.net site:hackernews");
        assertTrue(either.contains("k1") && either.contains("5001") && !either.contains("e1"), either::toString);
    }
}
