package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export rules of issue 12 on the command line, and backup, check, delete and stats. */
class ExportAndCareCommandsTest {

    @TempDir
    Path dir;

    private Path db;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void archive() {
        db = dir.resolve("archive.db");
        try (ArchiveStore store = ArchiveStore.open(db)) {
            store.save(thread("1", "Kernel news: ümlauts & more", List.of(
                    comment("10", null, "alice", "<p>The scheduler patch is out.</p>"),
                    comment("11", "10", "bob", "<p>Which scheduler?</p>"),
                    comment("12", "11", "alice", "<p>The <b>new</b> one, with zebras.</p>"),
                    comment("13", null, "carol", "<p>Nothing about zebras here.</p>"))), source("a"));
            store.save(thread("2", "Second story", List.of(
                    comment("20", null, "dave", "<p>zebras again</p>"),
                    comment("21", "20", "alice", "<p>No.</p>"))), source("b"));
        }
    }

    @Test
    void withNotesCarriesTheStarsAndNotesTheReaderKeepsInTheArchive() {
        try (ArchiveStore store = ArchiveStore.open(db)) {
            long storyId = store.listStories().stream().filter(s -> s.title().startsWith("Kernel")).findFirst()
                    .orElseThrow().id();
            store.readerMarks().setStarred(storyId, "11", true);
            store.readerMarks().setNote(storyId, "12", "zebras: check this");
        }
        String plain = run("export", "--db", db.toString(), "--story", "1").out();
        assertFalse(plain.contains("zebras: check this"), plain);
        Run withNotes = run("export", "--db", db.toString(), "--story", "1", "--with-notes");
        assertEquals(0, withNotes.code(), withNotes.err());
        JsonArray comments = JsonParser.parseString(withNotes.out()).getAsJsonObject().getAsJsonArray("comments");
        Map<String, JsonObject> byId = new java.util.HashMap<>();
        comments.forEach(c -> byId.put(c.getAsJsonObject().get("id").getAsString(), c.getAsJsonObject()));
        assertTrue(byId.get("11").get("starred").getAsBoolean(), withNotes.out());
        assertEquals("zebras: check this", byId.get("12").get("note").getAsString());
        assertFalse(byId.get("10").has("note"));
    }

    @Test
    void oneStoryGoesToStandardOutputOrToTheFileOutNames() throws Exception {
        Run json = run("export", "--db", db.toString(), "--story", "1");
        assertEquals(0, json.code(), json.err());
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(4, o.getAsJsonArray("comments").size());
        for (String format : List.of("markdown", "html", "mbox", "json")) {
            Path out = dir.resolve("one." + format);
            Run r = run("export", "--db", db.toString(), "--story", "1", "--format", format, "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            String stdout = run("export", "--db", db.toString(), "--story", "1", "--format", format).out();
            assertEquals(stdout, Files.readString(out, StandardCharsets.UTF_8), "file and stdout agree, " + format);
        }
    }

    @Test
    void aSearchExportsMatchedCommentsWithTheirAncestorsAsAnArray() {
        Run r = run("export", "--db", db.toString(), "--search", "zebras");
        assertEquals(0, r.code(), r.err());
        JsonArray stories = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, stories.size());
        Set<String> ids = new HashSet<>();
        for (JsonElement s : stories) {
            s.getAsJsonObject().getAsJsonArray("comments").forEach(c -> ids.add(c.getAsJsonObject().get("id")
                    .getAsString()));
        }
        assertEquals(Set.of("10", "11", "12", "13", "20"), ids, "matches (12, 13, 20) and the ancestors of 12");

        Run author = run("export", "--db", db.toString(), "--author", "alice");
        JsonArray byAlice = JsonParser.parseString(author.out()).getAsJsonArray();
        Set<String> aliceIds = new HashSet<>();
        byAlice.forEach(s -> s.getAsJsonObject().getAsJsonArray("comments").forEach(c -> aliceIds.add(
                c.getAsJsonObject().get("id").getAsString())));
        assertEquals(Set.of("10", "11", "12", "20", "21"), aliceIds);
    }

    @Test
    void markdownOrHtmlOfSeveralStoriesNeedsAFolder() throws Exception {
        Run r = run("export", "--db", db.toString(), "--search", "zebras", "--format", "markdown");
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().contains("--out DIR"), r.err());
        Files.writeString(dir.resolve("file.md"), "x");
        Run onFile = run("export", "--db", db.toString(), "--search", "zebras", "--format", "html", "--out",
                dir.resolve("file.md").toString());
        assertEquals(Cli.USAGE, onFile.code());

        Path out = dir.resolve("md");
        Run ok = run("export", "--db", db.toString(), "--search", "zebras", "--format", "markdown", "--out",
                out.toString());
        assertEquals(0, ok.code(), ok.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("slashdot-1-kernel-news-umlauts-more.md", "slashdot-2-second-story.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Run mbox = run("export", "--db", db.toString(), "--search", "zebras", "--format", "mbox");
        assertEquals(0, mbox.code());
        assertEquals(2, mbox.out().lines().filter(l -> l.startsWith("Message-ID: <story.")).count(),
                "both stories in one mailbox");
    }

    @Test
    void unknownStoriesAndBadChoicesAreUsageErrors() {
        assertEquals(Cli.USAGE, run("export", "--db", db.toString(), "--story", "99").code());
        assertEquals(Cli.USAGE, run("export", "--db", db.toString()).code());
        assertEquals(Cli.USAGE, run("export", "--db", db.toString(), "--story", "1", "--search", "x").code());
        assertEquals(Cli.USAGE, run("export", "--db", db.toString(), "--story", "1", "--format", "pdf").code());
    }

    @Test
    void theSameArchiveGivesByteIdenticalExports() {
        for (String format : List.of("json", "markdown", "html", "mbox")) {
            assertEquals(run("export", "--db", db.toString(), "--story", "1", "--format", format).out(),
                    run("export", "--db", db.toString(), "--story", "1", "--format", format).out());
        }
    }

    @Test
    void backupWhileTheArchiveIsOpenGivesAnArchiveThatChecksClean() throws Exception {
        Path copy = dir.resolve("backup.db");
        try (ArchiveStore open = ArchiveStore.open(db)) {
            open.markStoryRead(1, true);
            Run r = run("backup", "--db", db.toString(), copy.toString());
            assertEquals(0, r.code(), r.err());
        }
        Run check = run("check", "--db", copy.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("counts: 2 stories, 6 comments"), check.out());
        assertEquals(Cli.USAGE, run("backup", "--db", db.toString(), copy.toString()).code(), "no silent overwrite");
        assertEquals(0, run("backup", "--db", db.toString(), "--force", copy.toString()).code());
        assertEquals(run("export", "--db", db.toString(), "--story", "1").out(),
                run("export", "--db", copy.toString(), "--story", "1").out());
    }

    @Test
    void checkReportsAPageWhoseBytesNoLongerMatchTheirHash() throws Exception {
        assertEquals(0, run("check", "--db", db.toString()).code());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE source_file SET sha256 = 'feed' WHERE id = 1");
        }
        Run r = run("check", "--db", db.toString());
        assertEquals(Cli.SOME_FAILED, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("PROBLEM saved page 1")), r.out());
        assertFalse(r.out().contains("\tat "));
    }

    @Test
    void checkOfAFileThatIsNoArchiveIsAProblemNotACrash() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not sqlite at all, just text that goes on long enough".repeat(100));
        Run r = run("check", "--db", junk.toString());
        assertEquals(Cli.SOME_FAILED, r.code());
        assertTrue(r.out().startsWith("PROBLEM"), r.out());
    }

    @Test
    void deleteAndStats() {
        Run stats = run("stats", "--db", db.toString());
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("stories   2"), stats.out());
        assertTrue(stats.out().contains("Slashdot       6"), stats.out());
        assertTrue(stats.out().contains("search index"), stats.out());
        Run del = run("delete", "--db", db.toString(), "--story", "2");
        assertEquals(0, del.code(), del.err());
        assertTrue(run("stats", "--db", db.toString()).out().contains("stories   1"));
        assertEquals(Cli.USAGE, run("delete", "--db", db.toString(), "--story", "2").code());
        assertEquals(0, run("check", "--db", db.toString()).code(), "the indexes follow a delete");
    }

    private static ParsedThread thread(String sid, String title, List<Comment> comments) {
        return new ParsedThread(new Story(Site.SLASHDOT, sid, "https://slashdot.org/story/" + sid, title, "editor",
                Instant.parse("2024-05-0" + sid + "T10:00:00Z"), "zebra-crossing", List.of("Linux"), List.of(),
                "<p>Summary " + sid + "</p>", "Summary " + sid, comments.size(), null), comments, List.of());
    }

    private static Comment comment(String id, String parent, String author, String html) {
        return new Comment(id, parent, author, null, Instant.parse("2024-05-01T12:00:00Z").plusSeconds(
                Long.parseLong(id) * 60), null, 2, "Interesting", "Re: " + id, html,
                org.jsoup.Jsoup.parse(html).text(), Completeness.FULL, CommentState.NORMAL);
    }

    private static SourceFile source(String name) {
        return new SourceFile(name + ".html", name + ".html", ("<html>" + name + "</html>").getBytes(
                StandardCharsets.UTF_8), "test", 1, null);
    }
}
