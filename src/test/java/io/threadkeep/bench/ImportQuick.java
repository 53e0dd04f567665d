package io.threadkeep.bench;

import com.sun.management.OperatingSystemMXBean;
import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.bench.gen.CorpusSpec;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.archiving.RebuildService;
import io.threadkeep.store.ArchiveStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A focused import measurement for a loaded machine: the plain floor and Threadkeep's import over the same corpus,
 * in one process, alternating, with wall time, the importing thread's CPU and the whole process's CPU (the import's
 * parse runs on a second thread, so the thread figure alone would flatter it), then a rebuild of the archive
 * imported last. Args: work dir, runs.
 */
final class ImportQuick {

    private ImportQuick() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Files.createDirectories(work);
        CorpusGenerator generator = new CorpusGenerator(CorpusSpec.SMALL);
        CorpusGenerator.Corpus corpus = generator.loadOrGenerate(work.resolve("corpus-small"));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path db = work.resolve("quick.db");
        // Warm-up: one floor and one import, untimed.
        ImportFloor.run(corpus, generator, work.resolve("floor.db"), ImportFloor.FullText.NONE);
        ImportRuns.importFolder(corpus, db);
        for (int r = 0; r < runs; r++) {
            long p0 = os.getProcessCpuTime();
            ImportFloor.Result floor = ImportFloor.run(corpus, generator, work.resolve("floor.db"),
                    ImportFloor.FullText.NONE);
            long p1 = os.getProcessCpuTime();
            ImportRuns.RealImport real = ImportRuns.importFolder(corpus, db);
            long p2 = os.getProcessCpuTime();
            double floorS = floor.totalNanos() / 1e9;
            double realS = real.nanos() / 1e9;
            System.out.printf("run %d load %.1f | floor %.2f s %.0f c/s thread-cpu %.2f s process-cpu %.2f s"
                            + " | import %.2f s %.0f c/s thread-cpu %.2f s process-cpu %.2f s (%d comments)"
                            + " | wall ratio %.3f cpu/comment ratio %.2f | archive %.1f MB raw %.1f MB = %.2fx%n",
                    r, os.getSystemLoadAverage(), floorS, floor.comments() / floorS, floor.cpuNanos() / 1e9,
                    (p1 - p0) / 1e9, realS, real.commentsAdded() / realS, real.cpuNanos() / 1e9, (p2 - p1) / 1e9,
                    real.commentsAdded(), floorS / realS,
                    ((p2 - p1) / (double) real.commentsAdded()) / ((p1 - p0) / (double) floor.comments()),
                    ImportRuns.archiveBytes(db) / 1e6, corpus.totalBytes() / 1e6,
                    ImportRuns.archiveBytes(db) / (double) corpus.totalBytes());
        }
        // Rebuild of the archive just imported: every story derived again from its stored pages.
        try (ArchiveStore store = ArchiveStore.open(db)) {
            long p0 = os.getProcessCpuTime();
            long c0 = Cpu.nanos();
            long t0 = System.nanoTime();
            RebuildService.Summary summary = new RebuildService(PageImporter.standard(), store)
                    .rebuildAll(RebuildService.Progress.NONE);
            long t1 = System.nanoTime();
            System.out.printf("rebuild load %.1f | %d stories (%d changed, %d failed) %.2f s thread-cpu %.2f s"
                            + " process-cpu %.2f s%n", os.getSystemLoadAverage(), summary.stories(),
                    summary.changed(), summary.failed(), (t1 - t0) / 1e9, (Cpu.nanos() - c0) / 1e9,
                    (os.getProcessCpuTime() - p0) / 1e9);
        }
    }
}
