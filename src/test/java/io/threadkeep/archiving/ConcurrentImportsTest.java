package io.threadkeep.archiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.testsupport.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two imports into one archive at once (two CLI runs, or the window and the CLI): each has its own connection, as
 * two processes would, and both must finish with every file imported.
 */
class ConcurrentImportsTest {

    @TempDir
    Path dir;

    @Test
    void twoImportersOpeningAndWritingOneNewArchiveAtOnceBothImportEveryFile() throws Exception {
        List<Path> pages = new ArrayList<>();
        for (String site : List.of("slashdot", "hackernews", "reddit", "lobsters")) {
            SharedCorpus.siteDir(site);
            pages.addAll(SharedCorpus.pages(site));
        }
        PageImporter importer = PageImporter.standard();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Path db = dir.resolve("round" + round + ".db");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<List<FileResult>>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // One importer goes through the pages backwards, so the two write the same stories at once.
                    List<Path> order = new ArrayList<>(pages);
                    if (i == 1) {
                        java.util.Collections.reverse(order);
                    }
                    runs.add(pool.submit(() -> {
                        start.await();
                        try (ArchiveStore store = ArchiveStore.open(db)) {
                            return new ImportService(importer, store).importPaths(order, ImportListener.NONE);
                        }
                    }));
                }
                for (Future<List<FileResult>> run : runs) {
                    List<FileResult> results = run.get();
                    assertEquals(pages.size(), results.size());
                    assertTrue(results.stream().noneMatch(FileResult::isProblem), "round " + round + ": "
                            + results.stream().filter(FileResult::isProblem).toList());
                }
                try (ArchiveStore store = ArchiveStore.open(db)) {
                    store.checkSearchIndex();
                    assertEquals(pages.size() - 2, store.listStories().size(),
                            "one story per page, the HN pages 2 and 3 in the story of page 1");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyOpensOfANewArchiveAtOnceAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                Path db = dir.resolve("open" + round + ".db");
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Integer>> opens = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    opens.add(pool.submit(() -> {
                        start.await();
                        try (ArchiveStore store = ArchiveStore.open(db)) {
                            return store.schemaVersion();
                        }
                    }));
                }
                for (Future<Integer> open : opens) {
                    assertTrue(open.get() > 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
