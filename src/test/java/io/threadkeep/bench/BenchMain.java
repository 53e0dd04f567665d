package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.bench.gen.CorpusSpec;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import io.threadkeep.store.StoredComment;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * The benchmark harness: generates (or reuses) a corpus, measures import against its floor, opening threads,
 * memory, search, archive size and cold start, and writes every figure with the machine, JDK and commit to a
 * Markdown report. Run through the {@code bench} Maven profile (see docs/benchmarks.md); settings are system
 * properties: {@code bench.size} (tiny, small, large), {@code bench.runs}, {@code bench.report}, {@code
 * bench.work}, {@code bench.jar}.
 */
public final class BenchMain {

    private final CorpusSpec spec;
    private final int runs;
    private final Path report;
    private final Path work;
    private final Path jar;
    private final Path repo;
    private final Report md = new Report();
    private final Map<String, String[]> goals = new LinkedHashMap<>();
    private final java.util.Set<String> paths;

    private BenchMain(CorpusSpec spec, int runs, Path report, Path work, Path jar, Path repo, java.util.Set<String> paths) {
        this.spec = spec;
        this.paths = paths;
        this.runs = runs;
        this.report = report;
        this.work = work;
        this.jar = jar;
        this.repo = repo;
    }

    public static void main(String[] args) throws Exception {
        CorpusSpec spec = CorpusSpec.named(System.getProperty("bench.size", "small"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        Path repo = Path.of(System.getProperty("bench.repo", ".")).toAbsolutePath().normalize();
        Path report = repo.resolve(System.getProperty("bench.report", "docs/benchmarks.md"));
        Path work = repo.resolve(System.getProperty("bench.work", "target/bench"));
        Path jar = repo.resolve(System.getProperty("bench.jar", "target/threadkeep.jar"));
        // Which import paths to time: the large corpus can skip the floor and store-only passes.
        java.util.Set<String> paths = new java.util.LinkedHashSet<>(List.of(
                System.getProperty("bench.paths", "floor,store,real").split(",")));
        new BenchMain(spec, runs, report, work, jar, repo, paths).run();
    }

    /** Progress goes to stderr: the report file is the output. */
    private static void log(String message) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        log("corpus " + spec.name() + ": loading or generating");
        long g0 = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(spec);
        CorpusGenerator.Corpus corpus = generator.loadOrGenerate(work.resolve("corpus-" + spec.name()));
        double generateSeconds = (System.nanoTime() - g0) / 1e9;
        log(Report.fmt("corpus ready: %d pages, %d comments, %.1f MB (%.1f s)", corpus.pages().size(),
                corpus.totalComments(), corpus.totalBytes() / 1e6, generateSeconds));

        header(corpus, generateSeconds);
        Map<Era, String> parsers = ImportRuns.parserStatus(corpus);
        Path archive = importSection(corpus, generator, parsers);
        long[] threadIds = threadPages(generator, archive, parsers);
        openThreadSection(archive, threadIds);
        memorySection(corpus, archive, threadIds);
        SearchBench.section(md, corpus, archive, runs, goals, BenchMain::log);
        if (paths.contains("deep") || !spec.name().equals("large")) {
            DeepChainBench.section(md, work, goals, BenchMain::log);
        }
        sizeSection(corpus, archive);
        coldStartSection(archive);
        goalsSection();
        md.paragraph("Load average at the end of the run: " + Machine.loadAverage() + " (the machine is shared; "
                + "figures taken under load are slower and noisier than on an idle one).");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
        log("report written to " + report);
    }

    private void header(CorpusGenerator.Corpus corpus, double generateSeconds) {
        md.heading(1, "Threadkeep benchmarks");
        md.paragraph("Generated by the `bench` Maven profile on "
                + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0))
                + " UTC. Every figure is from that one run; times are median (min–max) over the repeats noted. "
                + "Re-run with:");
        String pathOption = paths.equals(java.util.Set.of("floor", "store", "real")) ? ""
                : " -Dbench.paths=" + String.join(",", paths);
        md.code("mvn -B -Pbench -DskipTests verify -Dbench.size=" + spec.name() + " -Dbench.runs=" + runs + pathOption);
        if (!spec.name().equals("large")) {
            md.paragraph("The same harness on the 1M-comment corpus (one import run, search on the 1M archive): "
                    + "[benchmarks-large.md](benchmarks-large.md), made with `-Dbench.size=large -Dbench.runs=1 "
                    + "-Dbench.paths=real -Dbench.report=docs/benchmarks-large.md`.");
        }
        md.heading(2, "Machine");
        Report.Table t = md.table("what", "value");
        Machine.describe(repo).forEach(t::row);
        t.end();
        md.heading(2, "Corpus");
        List<Long> sizes = corpus.pages().stream().map(CorpusGenerator.PageInfo::bytes).sorted().toList();
        Map<Era, long[]> byEra = new EnumMap<>(Era.class);
        for (CorpusGenerator.PageInfo p : corpus.pages()) {
            long[] a = byEra.computeIfAbsent(p.plan().era(), e -> new long[3]);
            a[0]++;
            a[1] += p.plan().comments();
            a[2] += p.bytes();
        }
        md.paragraph(Report.fmt("Size `%s`: %d pages, %,d comments, %.1f MB of HTML, generated deterministically "
                        + "(seed %d) by `io.threadkeep.bench.gen.CorpusGenerator` in %.1f s (reused from disk when "
                        + "present). Page sizes: smallest %.0f KB, median %.0f KB, largest %.1f MB. Text is invented "
                        + "(Zipf vocabulary with accented, Cyrillic, Greek and CJK words); threads have real shapes "
                        + "(top-level share 18–38%%, back-and-forth chains, preferential attachment, depth up to 80).",
                spec.name(), corpus.pages().size(), corpus.totalComments(), corpus.totalBytes() / 1e6, spec.seed(),
                generateSeconds, sizes.get(0) / 1e3, sizes.get(sizes.size() / 2) / 1e3,
                sizes.get(sizes.size() - 1) / 1e6));
        Report.Table eras = md.table("markup", "pages", "comments", "MB");
        byEra.forEach((era, a) -> eras.row(era, a[0], Report.fmt("%,d", a[1]), Report.fmt("%.1f", a[2] / 1e6)));
        eras.end();
    }

    // ------------------------------------------------------------------------------------------------ import

    private Path importSection(CorpusGenerator.Corpus corpus, CorpusGenerator generator, Map<Era, String> parsers)
            throws Exception {
        md.heading(2, "Import");
        if (paths.contains("reuse")) {
            // Re-measure everything but the import on an archive an earlier run of this harness built.
            Path existing = work.resolve("archive.db");
            if (!Files.isRegularFile(existing)) {
                throw new IllegalStateException("bench.paths=reuse needs " + existing + " from an earlier run");
            }
            md.paragraph("Import not measured in this run (`-Dbench.paths=reuse`): the sections below use the archive "
                    + "an earlier run of this harness imported from this corpus, " + existing + ".");
            return existing;
        }
        Report.Table status = md.table("markup", "standard importer on a generated page");
        parsers.forEach(status::row);
        status.end();

        // One untimed pass over a slice of the corpus lets the JIT compile the hot paths before the timed runs.
        CorpusGenerator.Corpus warmUp = new CorpusGenerator.Corpus(corpus.spec(), corpus.dir(),
                corpus.pages().subList(1, Math.min(corpus.pages().size(), 11)),
                corpus.terms());
        log("warm-up on " + warmUp.pages().size() + " pages");
        ImportFloor.run(warmUp, generator, work.resolve("warm-up.db"), ImportFloor.FullText.LIKE_STORE);
        ImportRuns.saveGroundTruth(warmUp, generator, work.resolve("warm-up.db"));
        ImportRuns.stages(warmUp, work.resolve("warm-up.db"));
        md.paragraph(Report.fmt("Each path first makes one untimed pass over %d pages (JIT warm-up), then %d timed "
                + "runs over the whole corpus, each into a fresh database file.", warmUp.pages().size(), runs));

        List<ImportFloor.Result> floor = new ArrayList<>();
        List<ImportFloor.Result> floorFts = new ArrayList<>();
        List<ImportFloor.Result> floorFtsNoPrefix = new ArrayList<>();
        for (int r = 0; r < runs && paths.contains("floor"); r++) {
            log("floor run " + (r + 1) + "/" + runs);
            floor.add(ImportFloor.run(corpus, generator, work.resolve("floor.db"), ImportFloor.FullText.NONE));
            log("floor+FTS run " + (r + 1) + "/" + runs);
            floorFts.add(ImportFloor.run(corpus, generator, work.resolve("floor-fts.db"),
                    ImportFloor.FullText.LIKE_STORE));
            log("floor+FTS without prefix indexes run " + (r + 1) + "/" + runs);
            floorFtsNoPrefix.add(ImportFloor.run(corpus, generator, work.resolve("floor-fts-noprefix.db"),
                    ImportFloor.FullText.NO_PREFIX_INDEXES));
        }
        List<ImportRuns.StoreOnly> storeOnly = new ArrayList<>();
        for (int r = 0; r < runs && paths.contains("store"); r++) {
            log("store-only run " + (r + 1) + "/" + runs);
            storeOnly.add(ImportRuns.saveGroundTruth(corpus, generator, work.resolve("ground-truth.db")));
        }
        boolean anyParser = parsers.values().stream().anyMatch(s -> s.startsWith("parsed"));
        List<ImportRuns.RealImport> real = new ArrayList<>();
        for (int r = 0; r < runs && anyParser && paths.contains("real"); r++) {
            log("real import run " + (r + 1) + "/" + runs);
            real.add(ImportRuns.importFolder(corpus, work.resolve("archive.db")));
        }
        md.paragraph("CPU s is the importing thread's CPU time (SQLite runs on it): the figure that does not grow "
                + "when other work on the machine takes the cores.");
        if (!paths.containsAll(List.of("floor", "store", "real"))) {
            md.paragraph("This run measured only these import paths: " + String.join(", ", paths) + ".");
        }

        long comments = corpus.totalComments();
        double mb = corpus.totalBytes() / 1e6;
        Report.Table t = md.table("path", "what it does", "seconds", "comments/s", "MB/s", "CPU s",
                "comments per CPU-second");
        if (!floor.isEmpty()) {
            addRate(t, "floor", "read + jsoup parse + batched plain INSERT of the ground-truth rows",
                    floor.stream().map(f -> f.totalNanos() / 1e9).toList(),
                    floor.stream().map(f -> f.cpuNanos() / 1e9).toList(), comments, mb);
            addRate(t, "floor + FTS5", "the same, with an FTS5 index kept by trigger like the store's",
                    floorFts.stream().map(f -> f.totalNanos() / 1e9).toList(),
                    floorFts.stream().map(f -> f.cpuNanos() / 1e9).toList(), comments, mb);
            addRate(t, "floor + FTS5 without prefix indexes", "the same, FTS5 without `prefix='3'` (for comparison)",
                    floorFtsNoPrefix.stream().map(f -> f.totalNanos() / 1e9).toList(),
                    floorFtsNoPrefix.stream().map(f -> f.cpuNanos() / 1e9).toList(), comments, mb);
        }
        if (!storeOnly.isEmpty()) {
            addRate(t, "store only", "`ArchiveStore.save` of the ground truth (no reading, no parsing)",
                    storeOnly.stream().map(s -> s.nanos() / 1e9).toList(),
                    storeOnly.stream().map(s -> s.cpuNanos() / 1e9).toList(), comments, mb);
        }
        if (!real.isEmpty()) {
            ImportRuns.RealImport last = real.get(real.size() - 1);
            addRate(t, "**Threadkeep import**", "`ImportService` + `PageImporter.standard()` + `ArchiveStore`, "
                            + "folder of pages, end to end",
                    real.stream().map(i -> i.nanos() / 1e9).toList(), real.stream().map(i -> i.cpuNanos() / 1e9).toList(),
                    last.commentsAdded(), last.bytesImported() / 1e6);
        }
        t.end();
        Stats floorParse = Stats.of(floor.stream().map(f -> f.readParseNanos() / 1e9).toList());
        if (!floor.isEmpty()) {
            Stats floorInsert = Stats.of(floor.stream().map(f -> f.insertNanos() / 1e9).toList());
            Stats ftsInsert = Stats.of(floorFts.stream().map(f -> f.insertNanos() / 1e9).toList());
            Stats noPrefixInsert = Stats.of(floorFtsNoPrefix.stream().map(f -> f.insertNanos() / 1e9).toList());
            md.paragraph(Report.fmt("Floor split: read + jsoup parse %s s, plain INSERT %s s; with FTS5 the INSERT "
                            + "takes %s s, and %s s without the prefix indexes. Runs: %d each.",
                    floorParse.summary("%.2f"), floorInsert.summary("%.2f"), ftsInsert.summary("%.2f"),
                    noPrefixInsert.summary("%.2f"), runs));
        }

        Path archive;
        if (real.isEmpty() && !paths.contains("real")) {
            archive = work.resolve("ground-truth.db");
        } else if (real.isEmpty()) {
            md.paragraph("**No end-to-end import figure yet:** no site parser in `PageImporter.standard()` accepts "
                    + "the generated pages on this commit. The sections below use the ground-truth archive (the "
                    + "store-only path), which holds the same rows a perfect parser would produce.");
            goals.put("import ≥ 25,000 comments/s", new String[] {"not measured", "no parser registered"});
            goals.put("import within 1.3× of the floor", new String[] {"not measured", "no parser registered"});
            archive = work.resolve("ground-truth.db");
        } else {
            ImportRuns.RealImport last = real.get(real.size() - 1);
            if (last.skipped() + last.failed() > 0) {
                Report.Table p = md.table("pages not imported (last run)", "count");
                last.problems().forEach(p::row);
                p.end();
            }
            // The floor on exactly the pages the importer imported, so the ratio compares like with like.
            List<Double> floorSame = new ArrayList<>();
            for (ImportFloor.Result f : floorFts) {
                long n = 0;
                for (int i = 0; i < f.pageNanos().length; i++) {
                    n += last.pageImported()[i] ? f.pageNanos()[i] : 0;
                }
                floorSame.add(n / 1e9);
            }
            Stats realSeconds = Stats.of(real.stream().map(i -> i.nanos() / 1e9).toList());
            Stats realCpu = Stats.of(real.stream().map(i -> i.cpuNanos() / 1e9).toList());
            double rate = last.commentsAdded() / realSeconds.median();
            goals.put("import ≥ 25,000 comments/s", new String[] {Report.fmt("%,.0f comments/s (%,.0f per CPU-second)",
                    rate, last.commentsAdded() / realCpu.median()), rate >= 25_000 ? "reached" : "missed"});
            if (!floorSame.isEmpty()) {
                Stats floorSeconds = Stats.of(floorSame);
                double ratio = realSeconds.median() / floorSeconds.median();
                md.paragraph(Report.fmt("Ratio to the floor (floor + FTS5 on the same %d imported pages, %.2f s): "
                        + "**%.2f×**.", last.imported(), floorSeconds.median(), ratio));
                goals.put("import within 1.3× of the floor", new String[] {Report.fmt("%.2f×", ratio),
                        ratio <= 1.3 ? "reached" : "missed"});
            }
            // The profiled pass is one more whole import: worth it on the small corpus, too long on the large one.
            if (paths.contains("profile") || corpus.totalComments() <= 200_000) {
                breakdown(corpus);
            }
            boolean fallback = !last.pagesImportedAll() && !storeOnly.isEmpty();
            archive = fallback ? work.resolve("ground-truth.db") : last.database();
            if (fallback) {
                md.paragraph("Not every page imported, so the sections below use the ground-truth archive (same "
                        + "rows as a perfect parser would produce).");
            }
        }
        return archive;
    }

    private static void addRate(Report.Table t, String name, String what, List<Double> seconds, List<Double> cpu,
                                long comments, double mb) {
        Stats s = Stats.of(seconds);
        Stats perSecond = Stats.of(seconds.stream().map(x -> comments / x).toList());
        Stats mbPerSecond = Stats.of(seconds.stream().map(x -> mb / x).toList());
        Stats cpuSeconds = Stats.of(cpu);
        Stats perCpuSecond = Stats.of(cpu.stream().map(x -> comments / x).toList());
        t.row(name, what, s.summary("%.2f"), perSecond.summary("%,.0f"), mbPerSecond.summary("%.1f"),
                cpuSeconds.summary("%.2f"), perCpuSecond.summary("%,.0f"));
    }

    private void breakdown(CorpusGenerator.Corpus corpus) throws Exception {
        log("profiled import (JFR)");
        Path jfr = work.resolve("import.jfr");
        String thread = Thread.currentThread().getName();
        ImportRuns.Breakdown b = Profiler.record(jfr, () -> ImportRuns.stages(corpus, work.resolve("profiled.db")));
        long decodeParseNanos = ImportRuns.decodeAndParse(corpus);
        md.heading(3, "Where import time goes");
        double total = (b.readNanos() + b.parseExtractNanos() + b.saveNanos()) / 1e9;
        Report.Table t = md.table("stage", "seconds", "share");
        t.row("read file", Report.fmt("%.2f", b.readNanos() / 1e9), pct(b.readNanos() / 1e9, total));
        t.row("decode + jsoup parse + extract (`parseAll`)", Report.fmt("%.2f", b.parseExtractNanos() / 1e9),
                pct(b.parseExtractNanos() / 1e9, total));
        t.row("  of which decode + jsoup parse (a separate pass over the same pages)",
                Report.fmt("%.2f", decodeParseNanos / 1e9), pct(decodeParseNanos / 1e9, total));
        t.row("  of which extraction (the difference)",
                Report.fmt("%.2f", (b.parseExtractNanos() - decodeParseNanos) / 1e9),
                pct((b.parseExtractNanos() - decodeParseNanos) / 1e9, total));
        t.row("store (`ArchiveStore.save`: merge, INSERT, FTS triggers, deflate + SHA-256 of the page)",
                Report.fmt("%.2f", b.saveNanos() / 1e9), pct(b.saveNanos() / 1e9, total));
        t.end();
        Report.Table eras = md.table("markup", "`parseAll` seconds", "µs per comment", "MB/s");
        b.parseByEra().forEach((era, a) -> eras.row(era, Report.fmt("%.2f", a[0] / 1e9),
                Report.fmt("%.0f", a[0] / 1e3 / a[1]), Report.fmt("%.1f", a[2] / 1e6 / (a[0] / 1e9))));
        eras.end();
        Profiler.Profile p = Profiler.summarise(jfr, thread);
        md.paragraph(Report.fmt("One instrumented pass under JFR (%.2f s; decode + jsoup alone timed in a separate "
                + "pass afterwards). JFR samples of the importing thread (Java and native, 10 ms period): %d. By "
                + "layer (innermost frame of a known library or package):", total, p.samples()));
        Report.Table layers = md.table("layer", "samples", "share");
        p.byLayer().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> layers.row(e.getKey(), e.getValue(), pct(e.getValue(), p.samples())));
        layers.end();
        Report.Table methods = md.table("hottest methods (self)", "samples", "share");
        p.byMethod().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> methods.row("`" + e.getKey() + "`", e.getValue(), pct(e.getValue(), p.samples())));
        methods.end();
    }

    private static String pct(double part, double total) {
        return total <= 0 ? "" : Report.fmt("%.0f%%", 100 * part / total);
    }

    // ------------------------------------------------------------------------------------------ open a thread

    private static final int[] THREAD_SIZES = {500, 5_000, 20_000};

    /** Adds one page each of 500, 5,000 and 20,000 comments to the archive; returns their story ids. */
    private long[] threadPages(CorpusGenerator generator, Path archive, Map<Era, String> parsers) throws IOException {
        boolean hnParses = parsers.getOrDefault(Era.HACKERNEWS, "").startsWith("parsed");
        long[] ids = new long[THREAD_SIZES.length];
        Path dir = work.resolve("thread-pages");
        Files.createDirectories(dir);
        int[] scratch = new int[generator.vocabulary().size()];
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            ImportService service = new ImportService(PageImporter.standard(), store);
            for (int i = 0; i < THREAD_SIZES.length; i++) {
                int index = 90_000 + i;
                CorpusGenerator.PagePlan plan = new CorpusGenerator.PagePlan(index, Era.HACKERNEWS, THREAD_SIZES[i],
                        false);
                Path file = dir.resolve("thread-" + THREAD_SIZES[i] + ".html");
                byte[] bytes = generator.render(plan, scratch);
                Files.write(file, bytes);
                Long id = null;
                if (hnParses) {
                    for (FileResult r : service.importFile(file)) {
                        id = r.storyId() != null ? r.storyId() : id;
                    }
                }
                if (id == null) {
                    ParsedThread truth = GroundTruth.parsed(generator.thread(plan, scratch));
                    id = store.save(truth, new SourceFile(file.toString(), file.getFileName().toString(), bytes,
                            "ground-truth", 1, null)).storyId();
                }
                ids[i] = id;
            }
        }
        return ids;
    }

    private void openThreadSection(Path archive, long[] ids) {
        md.heading(2, "Open a thread");
        md.paragraph("From story id to a ready view-model: `ArchiveStore.story(id)` + `ArchiveStore.comments(id)` "
                + "(depth-first order) + building the tree model (depth and subtree of every row, the visible rows). "
                + "The model is the benchmark's `ThreadView`, which does the work any tree view needs; it does not "
                + "include the window's `ThreadViewModel` nor painting cells (not measured here). The archive holds the whole corpus; each figure is 15 repeats after "
                + "3 warm-ups.");
        Report.Table t = md.table("comments", "open (ms)", "of which store load (ms)", "deepest reply");
        ThreadView big = null;
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            for (int i = 0; i < ids.length; i++) {
                Stats open = new Stats();
                Stats load = new Stats();
                ThreadView view = null;
                for (int rep = 0; rep < 18; rep++) {
                    long t0 = System.nanoTime();
                    store.story(ids[i]).orElseThrow();
                    List<StoredComment> comments = store.comments(ids[i]);
                    long t1 = System.nanoTime();
                    view = new ThreadView(comments);
                    view.visibleRows();
                    long t2 = System.nanoTime();
                    if (rep >= 3) {
                        open.add((t2 - t0) / 1e6);
                        load.add((t1 - t0) / 1e6);
                    }
                }
                t.row(Report.fmt("%,d", view.size()), open.summary("%.1f"), load.summary("%.1f"), view.maxDepth());
                if (THREAD_SIZES[i] == 5_000) {
                    goals.put("open a 5,000-comment thread ≤ 150 ms", new String[] {Report.fmt("%.0f ms", open.median()),
                            open.median() <= 150 ? "reached" : "missed"});
                }
                big = view;
            }
        }
        t.end();
        Stats expand = new Stats();
        Stats collapse = new Stats();
        int visibleCollapsed = 0;
        for (int rep = 0; rep < 23; rep++) {
            long t0 = System.nanoTime();
            visibleCollapsed = big.collapseAll().size();
            long t1 = System.nanoTime();
            int all = big.expandAll().size();
            long t2 = System.nanoTime();
            if (all != big.size()) {
                throw new IllegalStateException("expand-all shows " + all + " of " + big.size());
            }
            if (rep >= 3) {
                collapse.add((t1 - t0) / 1e6);
                expand.add((t2 - t1) / 1e6);
            }
        }
        md.paragraph(Report.fmt("On the %,d-comment thread: expand-all %s ms, collapse-all %s ms (%,d rows stay "
                        + "visible), 20 repeats each, bench model only (no JavaFX cells).", big.size(),
                expand.summary("%.2f"), collapse.summary("%.2f"), visibleCollapsed));
        goals.put("expand-all 20,000 ≤ 100 ms", new String[] {Report.fmt("%.1f ms (bench model)", expand.median()),
                expand.median() <= 100 ? "reached (model only)" : "missed"});
    }

    // ---------------------------------------------------------------------------------------------- memory

    private void memorySection(CorpusGenerator.Corpus corpus, Path archive, long[] ids) throws IOException {
        md.heading(2, "Memory");
        CorpusGenerator.PageInfo largest = corpus.largestPage();
        Path scratchArchive = work.resolve("memory.db");
        ImportRuns.deleteArchive(scratchArchive);
        long before = usedHeapAfterGc();
        resetPeaks();
        List<FileResult> results;
        try (ArchiveStore store = ArchiveStore.open(scratchArchive)) {
            results = new ImportService(PageImporter.standard(), store).importFile(largest.file());
        }
        long peak = peakHeap();
        boolean imported = results.stream().anyMatch(r -> r.storyId() != null);
        if (!imported) {
            // Without a parser the page still goes through read, decode and jsoup; saving the ground truth adds the store.
            try (ArchiveStore store = ArchiveStore.open(scratchArchive)) {
                resetPeaks();
                PageOutcome outcome = PageImporter.standard().parse(PageImporter.readFile(largest.file()));
                if (outcome == null) {
                    throw new IllegalStateException("no outcome");
                }
                org.jsoup.nodes.Document doc = PageImporter.parseHtml(Files.readString(largest.file()), null);
                ParsedThread truth = GroundTruth.parsed(new CorpusGenerator(spec).thread(largest.plan(),
                        new int[60_000]));
                store.save(truth, new SourceFile(largest.file().toString(), "largest", Files.readAllBytes(largest.file()),
                        "ground-truth", 1, null));
                peak = peakHeap();
                if (doc.childNodeSize() == 0) {
                    throw new IllegalStateException("empty document");
                }
            } catch (io.threadkeep.importer.ImportException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        Report.Table t = md.table("measurement", "MB");
        t.row(Report.fmt("peak heap while importing the largest page (%.1f MB, %,d comments)%s",
                largest.bytes() / 1e6, largest.plan().comments(), imported ? "" : " — read + jsoup + ground-truth save,"
                        + " no parser yet"), Report.fmt("%.0f (%.0f above the %.0f MB in use before)", peak / 1e6,
                (peak - before) / 1e6, before / 1e6));
        long baseline = usedHeapAfterGc();
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            List<StoredComment> comments = store.comments(ids[ids.length - 1]);
            ThreadView view = new ThreadView(comments);
            view.visibleRows();
            long held = usedHeapAfterGc();
            t.row(Report.fmt("heap held with the archive open and the %,d-comment thread loaded into the model",
                    view.size()), Report.fmt("%.0f (above a %.0f MB baseline)", (held - baseline) / 1e6, baseline / 1e6));
        }
        t.end();
        md.paragraph("Peak = sum of the heap pools' peak usage after a full GC and a peak reset (includes garbage not "
                + "yet collected, so it is an upper bound); held = heap in use after a full GC.");
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        usedHeapAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    // ------------------------------------------------------------------------------------------ archive size

    private void sizeSection(CorpusGenerator.Corpus corpus, Path archive) throws IOException {
        md.heading(2, "Archive size");
        long comments;
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            comments = store.counts().getOrDefault("comment", 0L);
        }
        long archiveBytes = ImportRuns.archiveBytes(archive);
        long raw = corpus.totalBytes();
        for (int size : THREAD_SIZES) {
            raw += Files.size(work.resolve("thread-pages").resolve("thread-" + size + ".html"));
        }
        long deflated = 0;
        for (CorpusGenerator.PageInfo p : corpus.pages()) {
            deflated += deflatedSize(Files.readAllBytes(p.file()));
        }
        double ratio = (double) archiveBytes / raw;
        Report.Table t = md.table("measurement", "value");
        t.row("comments in the archive", Report.fmt("%,d", comments));
        t.row("raw HTML of the imported pages", Report.fmt("%.1f MB (%.1f KB per 1,000 comments)", raw / 1e6,
                raw / 1e3 / (comments / 1000.0)));
        t.row("archive file (after close)", Report.fmt("%.1f MB (%.1f KB per 1,000 comments)", archiveBytes / 1e6,
                archiveBytes / 1e3 / (comments / 1000.0)));
        t.row("archive / raw HTML", Report.fmt("%.2f×", ratio));
        t.row("of which, estimated: the saved pages themselves, deflated (corpus pages only)",
                Report.fmt("%.1f MB", deflated / 1e6));
        Path floorDb = work.resolve("floor.db");
        Path floorFtsDb = work.resolve("floor-fts.db");
        Path noPrefixDb = work.resolve("floor-fts-noprefix.db");
        if (Files.exists(floorDb) && Files.exists(floorFtsDb)) {
            long plain = ImportRuns.archiveBytes(floorDb);
            long withFts = ImportRuns.archiveBytes(floorFtsDb);
            t.row("for comparison: the floor's plain comment table (corpus only, no pages, no FTS)",
                    Report.fmt("%.1f MB", plain / 1e6));
            t.row("for comparison: the same table with the FTS5 index (prefix='3', like the store's)",
                    Report.fmt("%.1f MB (the index adds %.1f MB)", withFts / 1e6, (withFts - plain) / 1e6));
            if (Files.exists(noPrefixDb)) {
                long noPrefix = ImportRuns.archiveBytes(noPrefixDb);
                t.row("for comparison: the same table with FTS5 without prefix indexes",
                        Report.fmt("%.1f MB (the index adds %.1f MB)", noPrefix / 1e6, (noPrefix - plain) / 1e6));
            }
        }
        t.end();
        goals.put("archive ≤ 0.5× raw HTML", new String[] {Report.fmt("%.2f×", ratio), ratio <= 0.5 ? "reached" : "missed"});
    }

    private static long deflatedSize(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[65536];
        long total = 0;
        while (!deflater.finished()) {
            total += deflater.deflate(buffer);
        }
        deflater.end();
        return total;
    }

    // -------------------------------------------------------------------------------------------- cold start

    private void coldStartSection(Path archive) throws IOException, InterruptedException {
        md.heading(2, "Cold start");
        if (!Files.isRegularFile(jar)) {
            md.paragraph("Not measured: " + jar + " is missing (run through `mvn -Pbench verify`, which packages it).");
            goals.put("cold start ≤ 1.0 s", new String[] {"not measured", "no jar"});
            return;
        }
        md.paragraph("This is the CLI's cold start (the window's time to a painted library is not measured here): "
                + "`java -jar target/threadkeep.jar "
                + "list --json --db ARCHIVE` on the benchmark archive, wall time from process start to exit, 10 "
                + "repeats after 1 warm-up (OS file cache warm). AppCDS: a dynamic archive written by "
                + "`-XX:ArchiveClassesAtExit` from one run, then used with `-XX:SharedArchiveFile`.");
        Path jsa = work.resolve("threadkeep-cds.jsa");
        Files.deleteIfExists(jsa);
        List<String> base = List.of(javaBinary(), "-jar", jar.toString(), "list", "--json", "--db", archive.toString());
        Stats plain = timeProcess(base, 10);
        List<String> dump = new ArrayList<>(base);
        dump.add(1, "-XX:ArchiveClassesAtExit=" + jsa);
        timeProcess(dump, 1);
        Report.Table t = md.table("variant", "seconds");
        t.row("plain", plain.summary("%.3f"));
        Stats cds = null;
        if (Files.isRegularFile(jsa)) {
            List<String> withCds = new ArrayList<>(base);
            withCds.add(1, "-XX:SharedArchiveFile=" + jsa);
            cds = timeProcess(withCds, 10);
            t.row("AppCDS", cds.summary("%.3f"));
        } else {
            t.row("AppCDS", "the JVM wrote no archive");
        }
        t.end();
        double best = cds == null ? plain.median() : Math.min(plain.median(), cds.median());
        goals.put("cold start ≤ 1.0 s", new String[] {Report.fmt("%.2f s plain, %s AppCDS (CLI `list --json`)",
                plain.median(), cds == null ? "n/a" : Report.fmt("%.2f s", cds.median())),
                best <= 1.0 ? "reached (CLI)" : "missed"});
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Stats timeProcess(List<String> command, int repeats) throws IOException, InterruptedException {
        Stats s = new Stats();
        for (int i = 0; i <= repeats; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            long t1 = System.nanoTime();
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + ": " + command);
            }
            if (i > 0 || repeats == 1) {
                s.add((t1 - t0) / 1e9);
            }
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ goals

    private void goalsSection() {
        md.heading(2, "Goals");
        Report.Table t = md.table("goal", "measured", "verdict");
        goals.forEach((goal, v) -> t.row(goal, v[0], v[1]));
        t.end();
    }
}
