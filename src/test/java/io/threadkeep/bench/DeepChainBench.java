package io.threadkeep.bench;

import io.threadkeep.bench.gen.DeepChain;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reply chains thousands deep (every comment answers the one before it, one-line bodies): import time must grow
 * linearly with depth. Each era's page is parsed ({@code parseAll}) and imported end to end into a fresh archive;
 * CPU seconds are the importing thread's, which the other work on a shared machine does not inflate. A depth is
 * skipped once the one before it took over a minute of CPU, so a quadratic era cannot stall the run.
 */
final class DeepChainBench {

    private static final int[] DEPTHS = {5_000, 10_000, 20_000};
    private static final List<Era> ERAS = List.of(Era.HACKERNEWS, Era.SLASHDOT_D2, Era.SLASHDOT_CURRENT,
            Era.REDDIT_OLD, Era.LOBSTERS);
    private static final double GOAL_SECONDS = 2.0;
    private static final double GIVE_UP_SECONDS = 60.0;

    private DeepChainBench() {
    }

    /** Standalone: {@code java -cp ... io.threadkeep.bench.DeepChainBench WORK_DIR} prints the table. */
    public static void main(String[] args) throws Exception {
        Report md = new Report();
        section(md, Path.of(args.length > 0 ? args[0] : "target/bench"), new java.util.LinkedHashMap<>(),
                System.err::println);
        System.out.println(md);
    }

    static void section(Report md, Path work, Map<String, String[]> goals, Consumer<String> log) throws Exception {
        Path dir = Files.createDirectories(work.resolve("deep-chains"));
        md.heading(2, "Deep reply chains");
        md.paragraph("One page per era whose comments form a single reply chain (`bench.gen.DeepChain`: a generated "
                + "thread re-parented so each comment answers the one before, one-line bodies). `parseAll` is "
                + "decode + jsoup + extraction; import is `ImportService` end to end into a fresh archive. CPU "
                + "seconds of the importing thread. Goal: a 20,000-deep chain imports in at most 2 s.");
        Report.Table t = md.table("markup", "depth", "page MB", "parseAll CPU s", "import CPU s", "import wall s",
                "CPU per comment (µs)");
        for (Era era : ERAS) {
            double previous = 0;
            for (int depth : DEPTHS) {
                if (previous > GIVE_UP_SECONDS) {
                    t.row(era, depth, "", "not run", Report.fmt("(the depth before took %.0f s)", previous), "", "");
                    record(goals, era, depth, Double.NaN);
                    continue;
                }
                log.accept("deep chain " + era + " " + depth);
                byte[] page = DeepChain.page(era, depth);
                long c0 = Cpu.nanos();
                List<PageOutcome> outcomes = PageImporter.standard().parseAll(PageSource.of("deep.html", page));
                double parseCpu = (Cpu.nanos() - c0) / 1e9;
                if (!(outcomes.get(0) instanceof PageOutcome.Parsed)) {
                    t.row(era, depth, Report.fmt("%.1f", page.length / 1e6), "not parsed: " + outcomes.get(0), "", "",
                            "");
                    break;
                }
                Path file = dir.resolve(era.name().toLowerCase(java.util.Locale.ROOT) + "-" + depth + ".html");
                Files.write(file, page);
                Path db = dir.resolve("deep.db");
                Files.deleteIfExists(db);
                long w1 = System.nanoTime();
                long c1 = Cpu.nanos();
                try (ArchiveStore store = ArchiveStore.open(db)) {
                    List<FileResult> results = new ImportService(PageImporter.standard(), store).importFile(file);
                    if (results.get(0).isProblem()) {
                        throw new IllegalStateException("deep chain not imported: " + results);
                    }
                }
                double importCpu = (Cpu.nanos() - c1) / 1e9;
                double importWall = (System.nanoTime() - w1) / 1e9;
                t.row(era, Report.fmt("%,d", depth), Report.fmt("%.1f", page.length / 1e6),
                        Report.fmt("%.2f", parseCpu), Report.fmt("%.2f", importCpu), Report.fmt("%.2f", importWall),
                        Report.fmt("%.0f", importCpu * 1e6 / depth));
                record(goals, era, depth, importCpu);
                previous = importCpu;
                Files.deleteIfExists(file);
            }
        }
        t.end();
    }

    private static void record(Map<String, String[]> goals, Era era, int depth, double seconds) {
        if (depth != DEPTHS[DEPTHS.length - 1]) {
            return;
        }
        goals.put("20,000-deep chain ≤ 2 s (" + era + ")", Double.isNaN(seconds)
                ? new String[] {"not run", "missed"}
                : new String[] {Report.fmt("%.2f s CPU", seconds), seconds <= GOAL_SECONDS ? "reached" : "missed"});
    }
}
