package io.threadkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StorySummary;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threadkeep rebuild}: the thread comes back from the saved pages, whatever happened to the comment rows. */
class RebuildCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    private List<String> corpusPages() {
        List<String> out = new ArrayList<>();
        for (String site : List.of("slashdot", "hackernews", "reddit", "lobsters")) {
            SharedCorpus.siteDir(site);
            SharedCorpus.pages(site).forEach(p -> out.add(p.toString()));
        }
        return out;
    }

    private void importAll(Path db, List<String> pages) {
        List<String> args = new ArrayList<>(List.of("import", "--db", db.toString()));
        args.addAll(pages);
        Run r = run(args.toArray(String[]::new));
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
    }

    private static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private List<Long> storyIds(Path db) {
        try (ArchiveStore store = ArchiveStore.open(db)) {
            return store.listStories().stream().map(StorySummary::id).sorted().toList();
        }
    }

    private String export(Path db, long id) {
        Run r = run("export", "--db", db.toString(), "--story", String.valueOf(id), "--format", "json");
        assertEquals(Cli.OK, r.code(), r.err());
        return r.out();
    }

    @Test
    void afterDamagingTheCommentRowsRebuildGivesExactlyTheCleanImport() throws Exception {
        List<String> pages = corpusPages();
        Path clean = dir.resolve("clean.db");
        Path damaged = dir.resolve("damaged.db");
        importAll(clean, pages);
        importAll(damaged, pages);
        List<Long> ids = storyIds(clean);
        assertEquals(ids, storyIds(damaged));
        assertTrue(ids.size() >= 8, "stories: " + ids);

        sql(damaged,
                "DELETE FROM comment WHERE id % 7 = 0",
                "UPDATE comment SET text = 'vandalised', html = '<p>vandalised</p>' WHERE id % 5 = 0",
                "UPDATE comment SET score = coalesce(score, 0) + 40, completeness = 4 WHERE id % 3 = 0",
                "UPDATE comment SET parent_site_id = NULL WHERE id % 11 = 0",
                "UPDATE story SET title = 'wrong' WHERE id % 2 = 0");
        long differing = ids.stream().filter(id -> !export(clean, id).equals(export(damaged, id))).count();
        assertEquals(ids.size(), differing, "the damage shows in every story's export");

        Run r = run("rebuild", "--db", damaged.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(ids.size() + " stories rebuilt"), r.out());
        for (long id : ids) {
            assertEquals(export(clean, id), export(damaged, id), "story " + id);
        }
        try (ArchiveStore store = ArchiveStore.open(damaged)) {
            store.checkSearchIndex();
            assertEquals(ArchiveStore.open(clean).counts().get("comment"), store.counts().get("comment"));
        }

        // A second rebuild of one story changes nothing.
        Run again = run("rebuild", "--db", damaged.toString(), "--story", String.valueOf(ids.get(0)));
        assertEquals(Cli.OK, again.code(), again.err());
        assertTrue(again.out().contains("1 stories rebuilt: 0 changed"), again.out());
    }

    @Test
    void rebuildKeepsStoryIdsReadMarksAndCommentRowIds() throws Exception {
        Path db = dir.resolve("a.db");
        SharedCorpus.siteDir("hackernews");
        importAll(db, SharedCorpus.pages("hackernews").stream().map(Path::toString).toList());
        List<Long> rowIdsBefore;
        int unreadBefore;
        try (ArchiveStore store = ArchiveStore.open(db)) {
            long story = store.listStories().get(0).id();
            rowIdsBefore = store.comments(story).stream().map(c -> c.rowId()).toList();
            store.markRead(rowIdsBefore.subList(0, 3));
            unreadBefore = store.listStories().get(0).unreadCount();
        }
        sql(db, "UPDATE comment SET text = 'vandalised' WHERE is_read = 1");
        assertEquals(Cli.OK, run("rebuild", "--db", db.toString()).code());
        try (ArchiveStore store = ArchiveStore.open(db)) {
            long story = store.listStories().get(0).id();
            assertEquals(rowIdsBefore, store.comments(story).stream().map(c -> c.rowId()).toList(),
                    "comments keep their row ids (the last-read place names one)");
            assertEquals(unreadBefore, store.listStories().get(0).unreadCount());
            assertTrue(store.comments(story).stream().noneMatch(c -> "vandalised".equals(c.comment().text())));
        }
    }

    @Test
    void rebuildOfAMissingStoryIsAUsageError() {
        Run r = run("rebuild", "--db", dir.resolve("x.db").toString(), "--story", "42");
        assertEquals(Cli.USAGE, r.code());
        assertTrue(r.err().contains("no story with id 42"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void pagesReadByAnOlderParserAreRebuiltWhenAnImportRuns() throws Exception {
        Path db = dir.resolve("old.db");
        Path sd = SharedCorpus.siteDir("slashdot");
        importAll(db, List.of(sd.resolve("sd-2008-09-24_d2_gnome-2-24.html").toString()));
        String clean = export(db, 1);
        // As an archive from before looks: the parser known by its class name, no parse kept, a damaged body.
        sql(db, "UPDATE source_file SET parser = 'SlashdotD2Parser', parser_version = 1, parsed_deflated = NULL",
                "UPDATE comment SET text = 'from an older, buggier parser' WHERE id % 4 = 0");
        assertNotEquals(clean, export(db, 1));
        assertNotEquals(clean, export(db, 1), "export only reads: it never rebuilds");

        Run r = run("import", "--db", db.toString(), sd.resolve("sd-2007-07-06_pre-d2_threaded_ms-gpl3.html").toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("rebuilt 1 of 1 stories read by an older parser"), r.out());
        assertEquals(clean, export(db, 1));
    }
}
