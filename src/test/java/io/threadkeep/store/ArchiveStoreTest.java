package io.threadkeep.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveStoreTest {

    private static final String URL = "https://slashdot.org/story/20/10/07/2020214";

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

    static Story story(String title, Integer declared) {
        return new Story(Site.SLASHDOT, "20/10/07/2020214", URL, title, "BeauHD",
                Instant.parse("2020-10-07T22:00:00Z"), "follow-the-money", List.of("China"), List.of(),
                "<p>Summary</p>", "Summary", declared, null);
    }

    static Comment full(String id, String parent, String text, int score) {
        return new Comment(id, parent, "alice", "42", Instant.parse("2020-10-07T23:00:00Z"), null, score,
                "Insightful", "Re: " + id, "<p>" + text + "</p>", text, Completeness.FULL, CommentState.NORMAL);
    }

    static Comment oneLine(String id, String parent, int score) {
        return new Comment(id, parent, "alice", null, null, null, score, null, "Re: " + id, null, null,
                Completeness.ABBREVIATED, CommentState.NORMAL);
    }

    static ParsedThread thread(List<Comment> comments) {
        return new ParsedThread(story("US Explores Curbs", 66), comments, List.of());
    }

    static ParsedThread thread(List<Comment> comments, Instant capturedAt) {
        return new ParsedThread(story("US Explores Curbs", 66), comments, List.of(), capturedAt, null, List.of());
    }

    static SourceFile source(String content) {
        return new SourceFile("page.html", "page.html", content.getBytes(StandardCharsets.UTF_8), "Test", 1, null);
    }

    private Map<String, Comment> commentsById(long storyId) {
        return store.comments(storyId).stream().map(StoredComment::comment)
                .collect(Collectors.toMap(Comment::id, Function.identity()));
    }

    @Test
    void newArchiveHasCurrentSchemaAndReopeningChangesNothing() {
        assertEquals(Schema.CURRENT_VERSION, store.schemaVersion());
        store.close();
        store = ArchiveStore.open(dir.resolve("archive.db"));
        assertEquals(Schema.CURRENT_VERSION, store.schemaVersion());
    }

    @Test
    void archiveFromNewerVersionIsRefusedAndLeftUntouched() throws Exception {
        Path newer = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE future(x)");
            st.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION + 5));
        }
        byte[] before = Files.readAllBytes(newer);
        StoreException e = assertThrows(StoreException.class, () -> ArchiveStore.open(newer));
        assertTrue(e.getMessage().contains("newer Threadkeep"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(newer));
    }

    @Test
    void foreignSqliteDatabaseIsRefused() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE unrelated(x)");
        }
        StoreException e = assertThrows(StoreException.class, () -> ArchiveStore.open(other));
        assertTrue(e.getMessage().contains("not a Threadkeep archive"), e.getMessage());
    }

    @Test
    void sameSaveTwiceIsUnchanged() {
        ParsedThread t = thread(List.of(full("1", null, "first", 2), full("2", "1", "reply", 1)));
        SaveResult first = store.save(t, source("a"));
        assertEquals(SaveResult.Status.IMPORTED, first.status());
        assertEquals(2, first.commentsAdded());
        Map<String, Long> countsBefore = store.counts();

        SaveResult second = store.save(t, source("a"));
        assertEquals(SaveResult.Status.UNCHANGED, second.status());
        assertEquals(0, second.commentsAdded());
        assertEquals(0, second.commentsUpdated());
        assertEquals(countsBefore, store.counts());
    }

    @Test
    void fullerBodyReplacesAbbreviatedAndNeverTheReverse() {
        long id = store.save(thread(List.of(oneLine("1", null, 3))), source("thin")).storyId();
        assertEquals(Completeness.ABBREVIATED, commentsById(id).get("1").completeness());

        SaveResult fuller = store.save(thread(List.of(full("1", null, "the whole body", 3))), source("full"));
        assertEquals(SaveResult.Status.UPDATED, fuller.status());
        assertEquals(1, fuller.commentsUpdated());
        assertEquals("the whole body", commentsById(id).get("1").text());

        SaveResult thinner = store.save(thread(List.of(oneLine("1", null, 3))), source("thin"));
        assertEquals(SaveResult.Status.UNCHANGED, thinner.status());
        Comment kept = commentsById(id).get("1");
        assertEquals(Completeness.FULL, kept.completeness());
        assertEquals("the whole body", kept.text());
    }

    @Test
    void laterSaveAddsCommentsWhereThePageShowsThem() {
        long id = store.save(thread(List.of(full("1", null, "a", 1), full("3", null, "c", 1))), source("p1"))
                .storyId();
        SaveResult r = store.save(thread(List.of(full("1", null, "a", 1), full("2", "1", "b", 1),
                full("3", null, "c", 1))), source("p2"));
        assertEquals(SaveResult.Status.UPDATED, r.status());
        assertEquals(1, r.commentsAdded());
        List<String> order = store.comments(id).stream().map(c -> c.comment().id()).toList();
        assertEquals(List.of("1", "2", "3"), order);
    }

    @Test
    void latestScoreByCaptureTimeIsKept() {
        Instant older = Instant.parse("2020-10-08T00:00:00Z");
        Instant newer = Instant.parse("2020-10-15T00:00:00Z");
        long id = store.save(thread(List.of(full("1", null, "x", 5)), newer), source("new")).storyId();
        store.save(thread(List.of(full("1", null, "x", 1)), older), source("old"));
        assertEquals(5, commentsById(id).get("1").score());
        store.save(thread(List.of(full("1", null, "x", 4)), Instant.parse("2020-10-20T00:00:00Z")), source("newest"));
        assertEquals(4, commentsById(id).get("1").score());
    }

    @Test
    void placeholderIsFilledWhenTheParentArrives() {
        long id = store.save(thread(List.of(Comment.placeholder("10", null), full("11", "10", "reply", 1))),
                source("child")).storyId();
        assertEquals(Completeness.PLACEHOLDER, commentsById(id).get("10").completeness());
        store.save(thread(List.of(full("9", null, "root", 2), full("10", "9", "the parent", 2))), source("parent"));
        Comment parent = commentsById(id).get("10");
        assertEquals(Completeness.FULL, parent.completeness());
        assertEquals("9", parent.parentId());
        assertEquals("alice", parent.author());
        List<String> order = store.comments(id).stream().map(c -> c.comment().id()).toList();
        assertEquals(List.of("9", "10", "11"), order);
    }

    @Test
    void searchIndexFollowsMerges() throws Exception {
        store.save(thread(List.of(oneLine("1", null, 1))), source("thin"));
        store.save(thread(List.of(full("1", null, "zanzibar marmalade", 1))), source("full"));
        store.checkSearchIndex();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("archive.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM comment_fts WHERE comment_fts MATCH 'zanzibar'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
        store.deleteStory(store.listStories().get(0).id());
        store.checkSearchIndex();
        assertEquals(0L, store.counts().get("comment"));
    }

    @Test
    void failedImportLeavesArchiveAsBefore() throws Exception {
        store.save(thread(List.of(full("1", null, "a", 1))), source("p1"));
        Map<String, Long> before = store.counts();
        // A trigger that fails on the third new comment stands in for a crash in the middle of a page.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("archive.db"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER boom BEFORE INSERT ON comment WHEN new.text = 'boom' "
                    + "BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
        }
        List<Comment> page = new ArrayList<>(List.of(full("1", null, "a", 1), full("2", "1", "b", 1),
                full("3", "1", "boom", 1)));
        assertThrows(StoreException.class, () -> store.save(thread(page), source("p2")));
        assertEquals(before, store.counts());
        store.checkSearchIndex();
    }

    @Test
    void continuationPageWaitsForItsStoryThenMerges() {
        ParsedThread page2 = new ParsedThread(null, List.of(full("5", null, "on page two", 1)), List.of(), null,
                "fnidA", List.of("fnidB"));
        ParsedThread page3 = new ParsedThread(null, List.of(full("6", null, "on page three", 1)), List.of(), null,
                "fnidB", List.of());
        assertEquals(SaveResult.Status.PENDING, store.save(page3, source("p3")).status());
        assertEquals(SaveResult.Status.PENDING, store.save(page2, source("p2")).status());
        assertEquals(SaveResult.Status.UNCHANGED, store.save(page2, source("p2")).status());
        assertTrue(store.listStories().isEmpty());

        ParsedThread page1 = new ParsedThread(story("Who is hiring", null), List.of(full("1", null, "one", 1)),
                List.of(), null, null, List.of("fnidA"));
        SaveResult r = store.save(page1, source("p1"));
        assertEquals(SaveResult.Status.IMPORTED, r.status());
        assertEquals(List.of("1", "5", "6"), store.comments(r.storyId()).stream().map(c -> c.comment().id()).toList());
        assertEquals(0L, store.counts().get("pending_page"));
    }

    @Test
    void commentsAddedByTheLatestSaveAreNewSinceLastSave() {
        // "Latest" is by the pages' order (capture time), not by import order.
        long id = store.save(thread(List.of(full("1", null, "a", 1)), Instant.parse("2020-10-08T00:00:00Z")),
                source("p1")).storyId();
        assertFalse(store.comments(id).get(0).newSinceLastSave(), "first save marks nothing as new");
        store.save(thread(List.of(full("1", null, "a", 1), full("2", null, "b", 1)),
                Instant.parse("2020-10-09T00:00:00Z")), source("p2"));
        Map<String, Boolean> isNew = store.comments(id).stream()
                .collect(Collectors.toMap(c -> c.comment().id(), StoredComment::newSinceLastSave));
        assertEquals(Map.of("1", false, "2", true), isNew);
    }

    @Test
    void readStateIsPersisted() {
        long id = store.save(thread(List.of(full("1", null, "a", 1), full("2", null, "b", 1))), source("p"))
                .storyId();
        assertEquals(2, store.listStories().get(0).unreadCount());
        store.markRead(List.of(store.comments(id).get(0).rowId()));
        store.close();
        store = ArchiveStore.open(dir.resolve("archive.db"));
        assertEquals(1, store.listStories().get(0).unreadCount());
        store.markStoryRead(id, true);
        assertEquals(0, store.listStories().get(0).unreadCount());
    }

    @Test
    void rawPageIsKeptCompressedForReparsing() {
        String page = "<html>" + "x".repeat(100_000) + "</html>";
        long id = store.save(thread(List.of(full("1", null, "a", 1))), source(page)).storyId();
        assertEquals(page, new String(store.sourcePages(id).get(0), StandardCharsets.UTF_8));
    }

    @Test
    void storyFieldsAreFilledFromLaterSaves() {
        Story sparse = new Story(Site.SLASHDOT, null, URL, "Title", null, null, null, List.of(), List.of(), null, null,
                null, null);
        long id = store.save(new ParsedThread(sparse, List.of(), List.of()), source("sparse")).storyId();
        SaveResult r = store.save(thread(List.of()), source("rich"));
        assertEquals(SaveResult.Status.UPDATED, r.status());
        Story merged = store.story(id).orElseThrow().story();
        assertEquals("BeauHD", merged.author());
        assertEquals("follow-the-money", merged.department());
        assertEquals(66, merged.declaredCommentCount());
        assertNull(store.story(id + 1).orElse(null));
    }

    @Test
    void defaultLocationFollowsTheOperatingSystem() {
        assertEquals(Path.of("/home/u/.local/share/threadkeep/archive.db"),
                ArchiveLocation.resolve(null, Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/x/data/threadkeep/archive.db"),
                ArchiveLocation.resolve(null, Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/u"));
        assertEquals(Path.of("/custom.db"),
                ArchiveLocation.resolve(null, Map.of("THREADKEEP_DB", "/custom.db"), "Linux", "/home/u"));
        assertEquals(Path.of("/given.db"),
                ArchiveLocation.resolve(Path.of("/given.db"), Map.of("THREADKEEP_DB", "/custom.db"), "Linux", "/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/Threadkeep/archive.db"),
                ArchiveLocation.resolve(null, Map.of(), "Mac OS X", "/Users/u"));
    }
}
