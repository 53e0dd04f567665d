package io.threadkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.ParsedThread;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-deriving stories in the store: what the reader made survives, stale pages are found. */
class DerivedStoreTest {

    @TempDir
    Path dir;
    private ArchiveStore store;

    @BeforeEach
    void open() {
        store = ArchiveStore.open(dir.resolve("archive.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ParsedThread page(Comment... comments) {
        return ArchiveStoreTest.thread(List.of(comments));
    }

    private static PageReparser reparsingAs(ParsedThread thread, String parser, int version) {
        return stored -> new PageReparser.Reparsed(thread, parser, version);
    }

    private Map<String, StoredComment> byId(long storyId) {
        return store.comments(storyId).stream().collect(Collectors.toMap(c -> c.comment().id(), c -> c));
    }

    @Test
    void aMarkOnACommentARebuildNoLongerFindsWaitsDormantUntilAPageBringsItBack() {
        Comment one = ArchiveStoreTest.full("1", null, "one", 1);
        Comment two = ArchiveStoreTest.full("2", "1", "two", 1);
        Comment three = ArchiveStoreTest.full("3", null, "three", 1);
        ParsedThread all = page(one, two, three);
        long id = store.save(all, ArchiveStoreTest.source("p")).storyId();
        Map<String, StoredComment> before = byId(id);
        store.markRead(before.values().stream().map(StoredComment::rowId).toList());

        store.rebuildStory(id, reparsingAs(page(one, three), "Test", 1));
        Map<String, StoredComment> without = byId(id);
        assertFalse(without.containsKey("2"), "the rebuilt thread lacks the comment");
        assertEquals(before.get("1").rowId(), without.get("1").rowId());
        assertTrue(without.get("3").read());
        store.checkSearchIndex();

        store.rebuildStory(id, reparsingAs(all, "Test", 1));
        Map<String, StoredComment> back = byId(id);
        assertTrue(back.get("2").read(), "the dormant mark wakes with its comment");
        assertEquals(before.get("3").rowId(), back.get("3").rowId());
        assertEquals(0, store.listStories().get(0).unreadCount());
    }

    @Test
    void pagesStoredUnderAParserClassNameCountAsReadByItsStableName() throws Exception {
        Path file = dir.resolve("older.db");
        long id;
        try (ArchiveStore older = ArchiveStore.open(file)) {
            id = older.save(page(ArchiveStoreTest.full("1", null, "one", 1)), new SourceFile("page.html", "page.html",
                    "p".getBytes(java.nio.charset.StandardCharsets.UTF_8), "XenForoParser", 1, null)).storyId();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            // as if the archive were written just before the migration that maps class names to stable names
            st.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION - 1));
        }
        try (ArchiveStore reopened = ArchiveStore.open(file)) {
            assertEquals(List.of(), reopened.staleStories(Map.of("xenforo", 1)));
            assertEquals(List.of(id), reopened.staleStories(Map.of("XenForoParser", 1)));
        }
    }

    @Test
    void storiesFedByPagesOfAnOlderParserVersionAreStale() {
        long id = store.save(page(ArchiveStoreTest.full("1", null, "one", 1)), ArchiveStoreTest.source("p"))
                .storyId();
        assertEquals(List.of(), store.staleStories(Map.of("Test", 1)));
        assertEquals(List.of(id), store.staleStories(Map.of("Test", 2)), "a newer version of the parser");
        assertEquals(List.of(id), store.staleStories(Map.of("Renamed", 1)), "a page read under an old name");

        SaveResult r = store.rebuildStory(id, reparsingAs(page(ArchiveStoreTest.full("1", null, "one, better", 1)),
                "Test", 2));
        assertEquals(SaveResult.Status.UPDATED, r.status());
        assertEquals(1, r.commentsUpdated());
        assertEquals(List.of(), store.staleStories(Map.of("Test", 2)), "rebuilt: nothing left behind");

        // A page no parser reads any more keeps its reading and is not retried on every open.
        store.rebuildStory(id, stored -> null);
        assertEquals("one, better", byId(id).get("1").comment().text());
        assertEquals(List.of(), store.staleStories(Map.of("Test", 3)));
    }

    @Test
    void pagesImportedBeforeParsesWereKeptAreFoldedOntoWithoutLosingARow() throws Exception {
        long id = store.save(page(ArchiveStoreTest.full("1", null, "one", 1), ArchiveStoreTest.full("2", null,
                "two", 1)), ArchiveStoreTest.source("old")).storyId();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("archive.db"));
             Statement st = c.createStatement()) {
            st.execute("UPDATE source_file SET parsed_deflated = NULL");
        }
        assertEquals(List.of(id), store.staleStories(Map.of("Test", 1)));
        store.save(ArchiveStoreTest.thread(List.of(ArchiveStoreTest.full("3", null, "three", 1)),
                Instant.parse("2021-01-01T00:00:00Z")), ArchiveStoreTest.source("new"));
        assertEquals(List.of("1", "2", "3"), store.comments(id).stream().map(c -> c.comment().id()).toList());
    }

    @Test
    void theOrderOfImportsDoesNotChangeTheThread() {
        ParsedThread a = page(ArchiveStoreTest.full("1", null, "one", 3), ArchiveStoreTest.full("3", null, "c", 1));
        ParsedThread b = page(ArchiveStoreTest.full("1", null, "one", 9), ArchiveStoreTest.full("2", null, "b", 1),
                ArchiveStoreTest.oneLine("3", null, 7));
        long first = store.save(a, ArchiveStoreTest.source("a")).storyId();
        store.save(b, ArchiveStoreTest.source("b"));
        try (ArchiveStore other = ArchiveStore.open(dir.resolve("other.db"))) {
            long second = other.save(b, ArchiveStoreTest.source("b")).storyId();
            other.save(a, ArchiveStoreTest.source("a"));
            assertEquals(store.comments(first).stream().map(StoredComment::comment).toList(),
                    other.comments(second).stream().map(StoredComment::comment).toList());
        }
    }
}
