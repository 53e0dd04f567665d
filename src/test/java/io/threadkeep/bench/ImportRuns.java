package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.bench.gen.Era;
import io.threadkeep.importer.ImportException;
import io.threadkeep.importer.PageImporter;
import io.threadkeep.importer.PageOutcome;
import io.threadkeep.importer.PageSource;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.archiving.FileResult;
import io.threadkeep.archiving.ImportListener;
import io.threadkeep.archiving.ImportService;
import io.threadkeep.archiving.ImportStatus;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The import measurements that go through the application's own code. */
final class ImportRuns {

    /** One end-to-end import of the corpus folder through {@link ImportService}. */
    record RealImport(long nanos, long cpuNanos, long commentsAdded, long bytesImported, int imported, int skipped, int failed,
                      Map<String, Integer> problems, boolean[] pageImported, Path database) {
        boolean pagesImportedAll() {
            for (boolean b : pageImported) {
                if (!b) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Store-only: saving the ground truth, no reading or parsing. */
    record StoreOnly(long nanos, long cpuNanos, long comments, Path database) {
    }

    /** One instrumented pass, stage by stage. */
    record Breakdown(long readNanos, long parseExtractNanos, long saveNanos, long comments,
                     Map<Era, long[]> parseByEra) {
    }

    private ImportRuns() {
    }

    /** Which eras the standard importer parses now (the parsers land while this harness is written). */
    static Map<Era, String> parserStatus(CorpusGenerator.Corpus corpus) throws ImportException {
        PageImporter importer = PageImporter.standard();
        Map<Era, String> status = new EnumMap<>(Era.class);
        for (CorpusGenerator.PageInfo page : corpus.pages()) {
            if (status.containsKey(page.plan().era()) || page.bytes() > 2_000_000) {
                continue;
            }
            PageOutcome outcome = importer.parse(PageImporter.readFile(page.file()));
            status.put(page.plan().era(), outcome instanceof PageOutcome.Parsed parsed
                    ? "parsed by " + parsed.parserId() + " (" + parsed.thread().comments().size() + " of "
                    + page.plan().comments() + " comments)"
                    : outcome.getClass().getSimpleName().toLowerCase() + ": " + reason(outcome));
        }
        return status;
    }

    private static String reason(PageOutcome outcome) {
        if (outcome instanceof PageOutcome.Skipped s) {
            return s.reason();
        }
        return outcome instanceof PageOutcome.Failed f ? f.reason() : "";
    }

    static RealImport importFolder(CorpusGenerator.Corpus corpus, Path database) throws IOException {
        deleteArchive(database);
        long t0;
        long c0;
        List<FileResult> results;
        long t1;
        long c1;
        try (ArchiveStore store = ArchiveStore.open(database)) {
            ImportService service = new ImportService(PageImporter.standard(), store);
            c0 = Cpu.nanos();
            t0 = System.nanoTime();
            results = service.importPaths(List.of(CorpusGenerator.pagesDir(corpus.dir())), ImportListener.NONE);
            t1 = System.nanoTime();
            c1 = Cpu.nanos();
        }
        Map<String, Integer> problems = new TreeMap<>();
        long added = 0;
        long bytes = 0;
        int imported = 0;
        int skipped = 0;
        int failed = 0;
        boolean[] pageImported = new boolean[corpus.pages().size()];
        Map<String, Integer> indexByName = new java.util.HashMap<>();
        for (int i = 0; i < corpus.pages().size(); i++) {
            indexByName.put(corpus.pages().get(i).file().getFileName().toString(), i);
        }
        for (FileResult r : results) {
            Integer index = indexByName.get(Path.of(r.file()).getFileName().toString());
            if (r.status() == ImportStatus.IMPORTED || r.status() == ImportStatus.UPDATED) {
                imported++;
                added += r.commentsAdded();
                if (index != null) {
                    pageImported[index] = true;
                    bytes += corpus.pages().get(index).bytes();
                }
            } else {
                if (r.status() == ImportStatus.SKIPPED) {
                    skipped++;
                } else {
                    failed++;
                }
                String era = index == null ? "?" : corpus.pages().get(index).plan().era().name();
                String message = r.message() == null ? "" : r.message();
                int title = message.indexOf(" (title:");
                problems.merge(era + ": " + r.status() + " " + (title > 0 ? message.substring(0, title) : message), 1,
                        Integer::sum);
            }
        }
        return new RealImport(t1 - t0, c1 - c0, added, bytes, imported, skipped, failed, problems, pageImported, database);
    }

    static StoreOnly saveGroundTruth(CorpusGenerator.Corpus corpus, CorpusGenerator generator, Path database)
            throws IOException {
        deleteArchive(database);
        int[] scratch = new int[generator.vocabulary().size()];
        long nanos = 0;
        long cpu = 0;
        long comments = 0;
        try (ArchiveStore store = ArchiveStore.open(database)) {
            for (CorpusGenerator.PageInfo page : corpus.pages()) {
                ParsedThread thread = GroundTruth.parsed(generator.thread(page.plan(), scratch));
                byte[] raw = Files.readAllBytes(page.file());
                long c0 = Cpu.nanos();
                long t0 = System.nanoTime();
                store.save(thread, new SourceFile(page.file().toString(), page.file().getFileName().toString(), raw,
                        "ground-truth", 1, null));
                nanos += System.nanoTime() - t0;
                cpu += Cpu.nanos() - c0;
                comments += thread.comments().size();
            }
        }
        return new StoreOnly(nanos, cpu, comments, database);
    }

    /** The importer's path, timed per stage: read the file, parse and extract, save. */
    static Breakdown stages(CorpusGenerator.Corpus corpus, Path database) throws IOException {
        deleteArchive(database);
        PageImporter importer = PageImporter.standard();
        long read = 0;
        long parse = 0;
        long save = 0;
        long comments = 0;
        Map<Era, long[]> byEra = new EnumMap<>(Era.class);
        try (ArchiveStore store = ArchiveStore.open(database)) {
            for (CorpusGenerator.PageInfo page : corpus.pages()) {
                long t0 = System.nanoTime();
                PageSource source;
                try {
                    source = PageImporter.readFile(page.file());
                } catch (ImportException e) {
                    throw new IOException(page.file() + ": " + e.getMessage(), e);
                }
                long t1 = System.nanoTime();
                List<PageOutcome> outcomes = importer.parseAll(source);
                long t2 = System.nanoTime();
                for (PageOutcome outcome : outcomes) {
                    if (outcome instanceof PageOutcome.Parsed parsed) {
                        store.save(parsed.thread(), new SourceFile(page.file().toString(), parsed.name(),
                                parsed.source().bytes(), parsed.parserId(), ImportService.PARSER_VERSION,
                                parsed.source().capturedAt()));
                        comments += parsed.thread().comments().size();
                    }
                }
                long t3 = System.nanoTime();
                read += t1 - t0;
                parse += t2 - t1;
                long[] era = byEra.computeIfAbsent(page.plan().era(), e -> new long[3]);
                era[0] += t2 - t1;
                era[1] += page.plan().comments();
                era[2] += page.bytes();
                save += t3 - t2;
            }
        }
        return new Breakdown(read, parse, save, comments, byEra);
    }

    /**
     * Decoding and jsoup parsing alone, the importer's way ({@code HtmlDecoder}, {@code PageImporter.parseHtml}),
     * over every page: what {@code parseAll} spends before the site parser starts.
     */
    static long decodeAndParse(CorpusGenerator.Corpus corpus) throws IOException {
        long nanos = 0;
        for (CorpusGenerator.PageInfo page : corpus.pages()) {
            byte[] bytes = Files.readAllBytes(page.file());
            long t0 = System.nanoTime();
            org.jsoup.nodes.Document doc = PageImporter.parseHtml(
                    io.threadkeep.importer.HtmlDecoder.decode(bytes, null).text(), null);
            nanos += System.nanoTime() - t0;
            if (doc.childNodeSize() == 0) {
                throw new IOException("jsoup gave an empty document for " + page.file());
            }
        }
        return nanos;
    }

    static void deleteArchive(Path database) throws IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + "-wal"));
        Files.deleteIfExists(Path.of(database + "-shm"));
        Files.deleteIfExists(Path.of(database + "-journal"));
    }

    static long archiveBytes(Path database) throws IOException {
        long total = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path p = Path.of(database + suffix);
            if (Files.exists(p)) {
                total += Files.size(p);
            }
        }
        return total;
    }
}
