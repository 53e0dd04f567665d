package io.threadkeep.bench;

import io.threadkeep.search.SearchContext;
import io.threadkeep.search.SearchOutcome;
import io.threadkeep.search.SearchService;
import io.threadkeep.search.SortOrder;
import io.threadkeep.store.ArchiveStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times first-page search latency on a generated archive (built first when absent) over a fixed query set, and
 * prints a Markdown report: per query the median and 95th percentile of repeated runs, and the result count.
 *
 * <p>Usage: {@code SearchBenchmark ARCHIVE [COMMENTS [RUNS [REPORT.md]]]}; the archive is built with
 * {@link ArchiveGenerator} when the file does not exist. Not part of {@code mvn verify}: run it by hand, or through
 * {@code SearchBenchmarkTest} with {@code -Dbench=true}.
 */
public final class SearchBenchmark {

    /** A query of the set, with the class it stands for. */
    record Query(String kind, String text, SortOrder sort) {
    }

    record Timing(Query query, double medianMs, double p95Ms, double firstMs, double cpuMedianMs, int hits,
                  String mark) {
    }

    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args[0]);
        int comments = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        Path report = args.length > 3 ? Path.of(args[3]) : null;
        String markdown = run(archive, comments, runs);
        if (report != null) {
            Files.writeString(report, markdown);
        }
        System.out.println(markdown);
    }

    static String run(Path archive, int comments, int runs) {
        long buildMs = -1;
        if (!Files.exists(archive)) {
            long t0 = System.nanoTime();
            new ArchiveGenerator().generate(archive, comments, (done, total) -> {
            });
            buildMs = (System.nanoTime() - t0) / 1_000_000;
        }
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            Map<String, Long> counts = store.counts();
            SearchService search = new SearchService(store);
            List<Query> queries = querySet(store);
            List<Timing> timings = new ArrayList<>();
            for (Query q : queries) {
                timings.add(time(search, q, runs));
            }
            return report(archive, counts, buildMs, runs, timings);
        }
    }

    /** The query set: words picked by frequency rank from the generator's vocabulary, so sizes are known. */
    static List<Query> querySet(ArchiveStore store) {
        long stories = store.counts().get("story");
        ZipfVocabulary words = ArchiveGenerator.vocabulary();
        ZipfVocabulary authors = new ZipfVocabulary(ArchiveGenerator.SEED + 1, ArchiveGenerator.AUTHORS, 0.9);
        String rare = words.word(52_000);
        String rare2 = words.word(31_000);
        String medium = words.word(800);
        String medium2 = words.word(2_500);
        String common = words.word(1);
        String common2 = words.word(4);
        String frequent = words.word(40);
        String prolific = ArchiveGenerator.authorName(authors, 1);
        String occasional = ArchiveGenerator.authorName(authors, 400);
        String phrase = phraseFrom(store, 3, Math.max(1, stories / 2));
        String pasted = phraseFrom(store, 8, Math.max(1, stories * 3 / 4));
        List<Query> q = new ArrayList<>();
        q.add(new Query("rare word", rare, SortOrder.RELEVANCE));
        q.add(new Query("rare word", rare2, SortOrder.RELEVANCE));
        q.add(new Query("medium word", medium, SortOrder.RELEVANCE));
        q.add(new Query("medium word", medium2, SortOrder.RELEVANCE));
        q.add(new Query("common word", frequent, SortOrder.RELEVANCE));
        q.add(new Query("most common word", common, SortOrder.RELEVANCE));
        q.add(new Query("two words", medium + " " + medium2, SortOrder.RELEVANCE));
        q.add(new Query("two words", rare + " " + common, SortOrder.RELEVANCE));
        q.add(new Query("two common words", common + " " + common2, SortOrder.RELEVANCE));
        q.add(new Query("phrase", "\"" + phrase + "\"", SortOrder.RELEVANCE));
        q.add(new Query("pasted sentence", pasted, SortOrder.RELEVANCE));
        q.add(new Query("prefix", medium.substring(0, Math.min(4, medium.length())) + "*", SortOrder.RELEVANCE));
        q.add(new Query("prefix", common2.substring(0, 2) + "*", SortOrder.RELEVANCE));
        q.add(new Query("OR", rare + " OR " + rare2 + " OR " + medium2, SortOrder.RELEVANCE));
        q.add(new Query("exclusion", medium + " -" + frequent, SortOrder.RELEVANCE));
        q.add(new Query("author filter", "author:" + occasional, SortOrder.RELEVANCE));
        q.add(new Query("author filter", "author:" + prolific, SortOrder.RELEVANCE));
        q.add(new Query("author filter", "author:" + occasional + " " + frequent, SortOrder.RELEVANCE));
        q.add(new Query("author filter", "author:" + prolific + " " + medium, SortOrder.RELEVANCE));
        q.add(new Query("author filter", "author:" + occasional + " " + medium, SortOrder.RELEVANCE));
        q.add(new Query("score filter", "score:>=4 " + medium, SortOrder.RELEVANCE));
        q.add(new Query("score filter", "score:>=4 " + common, SortOrder.RELEVANCE));
        q.add(new Query("score filter", "score:5", SortOrder.RELEVANCE));
        q.add(new Query("site + label", "site:slashdot label:insightful " + medium, SortOrder.RELEVANCE));
        q.add(new Query("story filter", "story:" + medium2 + " " + frequent, SortOrder.RELEVANCE));
        q.add(new Query("date range", "after:2019 before:2020 " + medium, SortOrder.RELEVANCE));
        q.add(new Query("newest first", medium, SortOrder.NEWEST));
        q.add(new Query("newest first", frequent, SortOrder.NEWEST));
        q.add(new Query("newest first", common, SortOrder.NEWEST));
        return q;
    }

    /** A run of {@code words} consecutive words from the middle of a comment of story {@code storyId}. */
    private static String phraseFrom(ArchiveStore store, int words, long storyId) {
        for (var c : store.comments(storyId)) {
            String[] parts = c.comment().text().replaceAll("[^\\p{L}\\p{N} ]", " ").trim().split("\\s+");
            if (parts.length >= words * 3) {
                int start = parts.length / 2;
                return String.join(" ", Arrays.copyOfRange(parts, start, start + words));
            }
        }
        throw new IllegalStateException("story " + storyId + " has no comment long enough");
    }

    private static Timing time(SearchService search, Query q, int runs) {
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        int hits = 0;
        double first = 0;
        String mark = "";
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SearchOutcome outcome = search.search(q.text(), SearchContext.NONE, q.sort(), 0, 20);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            mark = outcome.notes().stream().anyMatch(n -> n.startsWith("So many comments match")) ? " ¹"
                    : outcome.notes().stream().anyMatch(n -> n.startsWith("These words are in most")) ? " ²" : "";
            if (!outcome.ran()) {
                throw new IllegalStateException(q.text() + ": " + outcome.problem());
            }
            hits = outcome.hits().size();
            if (i == 0) {
                first = ms[i];
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        Arrays.sort(cpu);
        return new Timing(q, percentile(sorted, 50), percentile(sorted, 95), first, percentile(cpu, 50), hits,
                mark);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String report(Path archive, Map<String, Long> counts, long buildMs, int runs,
                                 List<Timing> timings) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Archive: %,d comments in %,d stories (%s, %,d MB)%s.%n%n",
                counts.get("comment"), counts.get("story"), archive.getFileName(), size(archive) >> 20,
                buildMs >= 0 ? String.format(Locale.ROOT, ", built in %.0f s", buildMs / 1000.0) : ""));
        md.append(String.format(Locale.ROOT, "First page (20 results with snippets), %d runs per query; "
                + "\"first\" is the first run of each query.%n%n", runs));
        md.append("| kind | query | results | median ms | p95 ms | first ms | CPU median ms |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Timing t : timings) {
            md.append(String.format(Locale.ROOT, "| %s | `%s`%s | %d%s | %.1f | %.1f | %.1f | %.1f |%n",
                    t.query().kind(), t.query().text().replace("|", "\\|"),
                    t.query().sort() == SortOrder.RELEVANCE ? "" : " (" + t.query().sort().name().toLowerCase(
                            Locale.ROOT) + ")",
                    t.hits(), t.mark(), t.medianMs(), t.p95Ms(), t.firstMs(), t.cpuMedianMs()));
        }
        md.append("\n¹ ranked among the 10,000 most recently imported matches (the word is in too many comments to"
                + " rank all of them within the budget). ² every word is in most comments, so bm25 gives them no"
                + " weight: newest first.\n");
        Map<String, List<Timing>> byKind = new LinkedHashMap<>();
        timings.forEach(t -> byKind.computeIfAbsent(t.query().kind(), k -> new ArrayList<>()).add(t));
        md.append("\n| kind | worst median ms | worst p95 ms |\n|---|---:|---:|\n");
        byKind.forEach((kind, list) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", kind,
                list.stream().mapToDouble(Timing::medianMs).max().orElse(0),
                list.stream().mapToDouble(Timing::p95Ms).max().orElse(0))));
        return md.toString();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
