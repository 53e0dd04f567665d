package io.threadkeep.archiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.export.ThreadExport;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.Comment;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StoredComment;
import io.threadkeep.store.StoredStory;
import io.threadkeep.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story's thread is a function of its saved pages: the same pages give the same export whatever order they were
 * imported in, and a page cut short adds but never overwrites. Real pages from the shared corpus, read in place.
 */
class DerivedThreadsTest {

    private static final PageImporter IMPORTER = PageImporter.standard();

    @TempDir
    Path dir;

    private int archives;

    /** Imports the files, in the order given, into a new archive; returns the export of its only story, id aside. */
    private String importAndExport(List<Path> files) {
        try (ArchiveStore store = ArchiveStore.open(dir.resolve("a" + archives++ + ".db"))) {
            List<FileResult> results = new ImportService(IMPORTER, store).importPaths(files, ImportListener.NONE);
            assertTrue(results.stream().noneMatch(FileResult::isProblem), results.toString());
            assertEquals(1, store.listStories().size(), "one story");
            return export(store, store.listStories().get(0).id());
        }
    }

    static String export(ArchiveStore store, long storyId) {
        StoredStory story = store.story(storyId).orElseThrow();
        List<Comment> comments = store.comments(storyId).stream().map(StoredComment::comment).toList();
        return ThreadExport.toJsonString(0L, story.story(), comments);
    }

    private static List<List<Path>> permutations(List<Path> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<Path>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Path> rest = new ArrayList<>(items);
            Path first = rest.remove(i);
            for (List<Path> p : permutations(rest)) {
                List<Path> withFirst = new ArrayList<>();
                withFirst.add(first);
                withFirst.addAll(p);
                out.add(withFirst);
            }
        }
        return out;
    }

    @Test
    void theThreeHackerNewsPagesOfOneStoryGiveOneExportInEveryOrder() {
        Path hn = SharedCorpus.siteDir("hackernews");
        List<Path> pages = List.of(hn.resolve("hn-2012-01_whoishiring_page1-of-3.html"),
                hn.resolve("hn-2012-01_whoishiring_page2-of-3.html"),
                hn.resolve("hn-2012-01_whoishiring_page3-of-3.html"));
        String expected = importAndExport(pages);
        for (List<Path> order : permutations(pages)) {
            assertEquals(expected, importAndExport(order), "import order " + order.stream()
                    .map(p -> p.getFileName().toString().replaceAll(".*(page\\d).*", "$1")).toList());
        }
        // The "More" pages still attach: the comments of all three pages are in the one story.
        int comments = 0;
        for (Path p : pages) {
            comments += ((PageOutcome.Parsed) IMPORTER.importFile(p).get(0)).thread().comments().size();
        }
        assertTrue(expected.split("\"id\":").length - 2 >= comments * 9 / 10,
                "most comments of the three pages are in the story");
    }

    /** A save at a higher threshold: the same page with some comments (leaves, every other one) left out. */
    private Path cutDownCopy(Path page) throws IOException {
        Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
        List<Element> rows = doc.select("tr.athing.comtr");
        int removed = 0;
        for (int i = 0; i < rows.size(); i++) {
            int indent = indent(rows.get(i));
            boolean leaf = i + 1 == rows.size() || indent(rows.get(i + 1)) <= indent;
            if (leaf && i % 2 == 1) {
                rows.get(i).remove();
                removed++;
            }
        }
        assertTrue(removed > 5, "the copy lacks some comments");
        Path copy = dir.resolve("cut-down.html");
        Files.writeString(copy, doc.outerHtml(), StandardCharsets.UTF_8);
        return copy;
    }

    private static int indent(Element row) {
        Element ind = row.selectFirst("td.ind");
        return ind == null ? 0 : Integer.parseInt(ind.attr("indent").isEmpty() ? "0" : ind.attr("indent"));
    }

    @Test
    void aFullPageAndACutDownCopyOfItGiveOneExportInEitherOrder() throws IOException {
        Path full = SharedCorpus.siteDir("hackernews").resolve("hn-2023-07_best-papers_absolute-urls.html");
        Path copy = cutDownCopy(full);
        PageOutcome.Parsed thinner = (PageOutcome.Parsed) IMPORTER.importFile(copy).get(0);
        assertFalse(thinner.thread().truncated(), "a save with fewer comments is not a truncated save");
        String fullOnly = importAndExport(List.of(full));
        assertEquals(fullOnly, importAndExport(List.of(full, copy)));
        assertEquals(fullOnly, importAndExport(List.of(copy, full)));
    }

    private Path cutAt(Path page, int percent) throws IOException {
        byte[] bytes = Files.readAllBytes(page);
        Path cut = dir.resolve("cut-" + percent + ".html");
        Files.write(cut, Arrays.copyOf(bytes, (int) ((long) bytes.length * percent / 100)));
        return cut;
    }

    @Test
    void aTruncatedSaveIsReportedAndNeverDamagesWhatTheFullPageGave() throws IOException {
        Path full = SharedCorpus.siteDir("slashdot").resolve("sd-2013-12-31_d2-classic_ml-online-dating.html");
        String fullOnly = importAndExport(List.of(full));
        for (int percent : new int[] {10, 50, 90}) {
            Path cut = cutAt(full, percent);
            List<PageOutcome> outcomes = IMPORTER.importFile(cut);
            if (!(outcomes.get(0) instanceof PageOutcome.Parsed parsed)) {
                continue;
            }
            assertTrue(parsed.thread().truncated(), percent + "% cut is truncated");
            try (ArchiveStore store = ArchiveStore.open(dir.resolve("cut" + percent + ".db"))) {
                ImportService service = new ImportService(IMPORTER, store);
                service.importPaths(List.of(full), ImportListener.NONE);
                FileResult r = service.importPaths(List.of(cut), ImportListener.NONE).get(0);
                assertTrue(r.message() != null && r.message().startsWith("truncated page: ")
                        && r.message().contains(" comments kept, nothing overwritten"), r.toString());
                service.importPaths(List.of(full), ImportListener.NONE);
                assertEquals(fullOnly, export(store, store.listStories().get(0).id()),
                        percent + "%: full, cut, full gives the full page's thread");
            }
            // The other order: the cut page first, then the full page.
            assertEquals(fullOnly, importAndExport(List.of(cut, full)), percent + "%: cut, full");
        }
    }

    @Test
    void aCompleteSavedPageIsNotTruncated() {
        for (String site : List.of("slashdot", "hackernews", "reddit", "lobsters")) {
            for (Path page : SharedCorpus.pages(site)) {
                for (PageOutcome o : IMPORTER.importFile(page)) {
                    if (o instanceof PageOutcome.Parsed parsed) {
                        assertFalse(parsed.thread().truncated(), page.toString());
                    }
                }
            }
        }
    }

    @Test
    void aThreadComesOutTheSameFromAnyOrderOfTwoDifferentSaves() throws IOException {
        // Two different saves of one story: the page and a re-serialised copy with every other leaf comment gone.
        Path full = SharedCorpus.siteDir("hackernews").resolve("hn-2023-07_best-papers_absolute-urls.html");
        Path copy = cutDownCopy(full);
        byte[] a = Files.readAllBytes(full);
        byte[] b = Files.readAllBytes(copy);
        assertNotEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
        PageSource source = PageSource.of("x.html", b);
        assertTrue(IMPORTER.parse(source) instanceof PageOutcome.Parsed);
    }
}
