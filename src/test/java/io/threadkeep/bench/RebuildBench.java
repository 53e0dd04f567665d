package io.threadkeep.bench;

import com.sun.management.OperatingSystemMXBean;
import io.threadkeep.archiving.RebuildService;
import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.bench.gen.CorpusSpec;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.store.ArchiveStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 10's "how long does rebuild take on the 1M-comment archive": one import of a generated corpus through the
 * application's import path, then a rebuild of every story of that archive from its stored pages, both in this one
 * process so that the ratio between them holds even on a loaded machine. Args: work dir, corpus size
 * ({@code small} or {@code large}). The rebuild finds nothing stale, so it re-parses and re-derives every story but
 * writes no change: that is the cost a parser upgrade pays before any of its fixes reach the rows.
 */
final class RebuildBench {

    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        CorpusSpec spec = CorpusSpec.named(args.length > 1 ? args[1] : "large");
        Files.createDirectories(work);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long g0 = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(spec);
        CorpusGenerator.Corpus corpus = generator.loadOrGenerate(work.resolve("corpus-" + spec.name()));
        System.out.printf("corpus %s: %d pages, %.1f MB, ready in %.1f s%n", spec.name(), corpus.pages().size(),
                corpus.totalBytes() / 1e6, (System.nanoTime() - g0) / 1e9);
        Path db = work.resolve("rebuild-" + spec.name() + ".db");
        double load0 = os.getSystemLoadAverage();
        long p0 = os.getProcessCpuTime();
        ImportRuns.RealImport imported = ImportRuns.importFolder(corpus, db);
        long p1 = os.getProcessCpuTime();
        System.out.printf("import load %.1f→%.1f | %d comments, %d pages imported, %d failed | %.1f s wall,"
                        + " %.1f s process CPU | archive %.1f MB%n", load0, os.getSystemLoadAverage(),
                imported.commentsAdded(), imported.imported(), imported.failed(), imported.nanos() / 1e9,
                (p1 - p0) / 1e9, ImportRuns.archiveBytes(db) / 1e6);
        try (ArchiveStore store = ArchiveStore.open(db)) {
            double load1 = os.getSystemLoadAverage();
            long q0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            RebuildService.Summary summary = new RebuildService(PageImporter.standard(), store)
                    .rebuildAll(RebuildService.Progress.NONE);
            long t1 = System.nanoTime();
            long q1 = os.getProcessCpuTime();
            System.out.printf("rebuild load %.1f→%.1f | %d stories (%d changed, %d failed) | %.1f s wall,"
                            + " %.1f s process CPU | rebuild/import: wall %.2f×, CPU %.2f×%n", load1,
                    os.getSystemLoadAverage(), summary.stories(), summary.changed(), summary.failed(),
                    (t1 - t0) / 1e9, (q1 - q0) / 1e9, (t1 - t0) / (double) imported.nanos(),
                    (q1 - q0) / (double) (p1 - p0));
        }
    }
}
