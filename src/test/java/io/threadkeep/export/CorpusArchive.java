package io.threadkeep.export;

import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.ExportService;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.StorySummary;
import io.threadkeep.testsupport.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The real saved pages of ../shared/corpus imported in place into a temporary archive, and their exports. */
final class CorpusArchive {

    static final List<String> SITES = List.of("slashdot", "hackernews", "reddit", "lobsters");

    private CorpusArchive() {
    }

    /** Imports the corpus into {@code db} and returns its stories, ordered by URL; skips when the corpus is absent. */
    static List<ExportStory> stories(Path db) {
        Path shared = SharedCorpus.sharedDir();
        Assumptions.assumeTrue(shared != null, "../shared/corpus is not present; skipping real-page tests");
        List<Path> dirs = new ArrayList<>();
        for (String site : SITES) {
            Path dir = shared.resolve("corpus").resolve(site);
            if (Files.isDirectory(dir)) {
                dirs.add(dir);
            }
        }
        try (ArchiveStore store = ArchiveStore.open(db)) {
            new ImportService(PageImporter.standard(), store).importPaths(dirs, ImportListener.NONE);
            ExportService export = new ExportService(store);
            List<ExportStory> out = new ArrayList<>();
            for (StorySummary s : store.listStories()) {
                out.add(export.story(s.id(), false).orElseThrow());
            }
            out.sort(Comparator.comparing(s -> s.story().url()));
            Assumptions.assumeFalse(out.isEmpty(), "no corpus page imports in this build");
            return out;
        }
    }
}
