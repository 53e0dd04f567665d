package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
import io.threadkeep.search.SearchOutcome;
import io.threadkeep.search.SearchService;
import io.threadkeep.store.ArchiveStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Search latency over a fixed query set chosen from the corpus' own word counts (rare, medium, most common, two
 * words, phrase, prefix, author, score and date filters), against grep over the same saved pages.
 */
final class SearchBench {

    /**
     * One query of the set.
     *
     * @param text      the query as a user types it (the search language of {@code QueryParser})
     * @param grepShell the baseline: a shell pipeline over the saved pages that finds the same words
     */
    record Query(String name, String text, String grepShell) {
    }

    private static final int REPEATS = 20;
    private static final int WARM_UPS = 3;
    /** The CLI's default page. */
    private static final int PAGE_SIZE = 20;
    /** grep reads every page each time: over gigabytes a few repeats are all there is time for. */
    private static int grepRepeats(CorpusGenerator.Corpus corpus) {
        return corpus.totalBytes() > 500_000_000L ? 2 : 5;
    }

    private SearchBench() {
    }

    static List<Query> queries(CorpusGenerator.QueryTerms t, Path pages) {
        String dir = "'" + pages + "'";
        String grep = hasRipgrep() ? "rg -il --no-messages " : "grep -ril ";
        List<Query> q = new ArrayList<>();
        q.add(new Query(Report.fmt("rare word (%d occurrences)", t.rareCount()), t.rare(),
                grep + t.rare() + " " + dir));
        q.add(new Query(Report.fmt("medium word (%,d)", t.mediumCount()), t.medium(), grep + t.medium() + " " + dir));
        q.add(new Query(Report.fmt("most common word (%,d)", t.commonCount()), t.common(),
                grep + t.common() + " " + dir));
        q.add(new Query("two words", t.medium() + " " + t.medium2(),
                grep + t.medium() + " " + dir + " | xargs -r grep -il " + t.medium2()));
        String phrase = t.phrase().replace("\"", "");
        q.add(new Query("phrase", t.phrase(), grep + "'" + phrase + "' " + dir));
        String prefix = t.prefix().replace("*", "");
        q.add(new Query("prefix", t.prefix(), "grep -rilE '\\b" + prefix + "' " + dir));
        q.add(new Query("author filter", "author:" + t.author() + " " + t.medium(),
                grep + t.author() + " " + dir + " | xargs -r grep -il " + t.medium()));
        q.add(new Query("score filter", "score:>=4 " + t.medium(), grep + t.medium() + " " + dir));
        q.add(new Query("date filter", "after:2018-01-01 " + t.medium(), grep + t.medium() + " " + dir));
        return q;
    }

    static void section(Report md, CorpusGenerator.Corpus corpus, Path archive, int runs, Map<String, String[]> goals,
                        Consumer<String> log) throws IOException, InterruptedException {
        md.heading(2, "Search");
        Path pages = CorpusGenerator.pagesDir(corpus.dir());
        List<Query> queries = queries(corpus.terms(), pages);
        String tool = hasRipgrep() ? "ripgrep (`rg -il`)" : "`grep -ril`";
        md.paragraph("Query words are picked from the corpus' own word counts. Baseline: " + tool + " over the same "
                + corpus.pages().size() + " saved pages (OS file cache warm), " + grepRepeats(corpus) + " repeats; grep "
                + "cannot apply the author, score and date filters, so for those it only looks for the words (and `-l` stops "
                + "reading a file at its first match, which makes a very common word cheap for grep).");
        Report.Table t = md.table("query", "typed as", "first-page hits", "archive median (ms)", "archive p95 (ms)",
                "archive CPU median (ms)", "grep median (ms)", "grep / archive");
        Map<String, Double> p95 = new java.util.LinkedHashMap<>();
        try (ArchiveStore store = ArchiveStore.open(archive)) {
            SearchService search = new SearchService(store);
            for (Query q : queries) {
                log.accept("search: " + q.name());
                Stats latency = new Stats();
                Stats cpu = new Stats();
                SearchOutcome outcome = null;
                for (int i = 0; i < WARM_UPS + REPEATS; i++) {
                    long c0 = Cpu.nanos();
                    long t0 = System.nanoTime();
                    outcome = search.search(q.text(), PAGE_SIZE);
                    long t1 = System.nanoTime();
                    long c1 = Cpu.nanos();
                    if (i >= WARM_UPS) {
                        latency.add((t1 - t0) / 1e6);
                        cpu.add((c1 - c0) / 1e6);
                    }
                }
                if (!outcome.ran()) {
                    throw new IllegalStateException("query " + q.text() + " did not run: " + outcome.problem());
                }
                log.accept("grep: " + q.name());
                Stats grep = timeShell(q.grepShell(), grepRepeats(corpus));
                p95.put(q.name(), latency.percentile(95));
                t.row(q.name(), "`" + q.text() + "`", outcome.hits().size() + (outcome.hasMore() ? "+" : ""),
                        latency.summary("%.1f"), Report.fmt("%.1f", latency.percentile(95)), cpu.summary("%.1f"),
                        grep.summary("%.0f"),
                        ratio(grep.median() / latency.median()));
            }
        }
        t.end();
        md.paragraph(Report.fmt("Archive: `SearchService.search(text, %d)` (parse, FTS5 query, merge with story "
                + "hits, snippets) on the archive of %,d comments, %d warm-ups then %d timed runs per query.",
                PAGE_SIZE, corpus.totalComments(), WARM_UPS, REPEATS));
        double rareMedium = Math.max(p95.get(queries.get(0).name()), p95.get(queries.get(1).name()));
        double common = p95.get(queries.get(2).name());
        String scale = Report.fmt(" at %,d comments", corpus.totalComments());
        boolean atGoalScale = corpus.totalComments() >= 900_000;
        goals.put("search p95 ≤ 30 ms (rare/medium) at 1M", new String[] {Report.fmt("%.1f ms", rareMedium) + scale,
                verdict(rareMedium <= 30, atGoalScale)});
        goals.put("search p95 ≤ 200 ms (most common) at 1M", new String[] {Report.fmt("%.1f ms", common) + scale,
                verdict(common <= 200, atGoalScale)});
    }

    private static String ratio(double r) {
        return r >= 10 ? Report.fmt("%.0f×", r) : Report.fmt("%.1f×", r);
    }

    private static String verdict(boolean met, boolean atGoalScale) {
        String v = met ? "reached" : "missed";
        return atGoalScale ? v : v + " (on a smaller archive than the goal's)";
    }

    private static boolean hasRipgrep() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "rg"))) {
                return true;
            }
        }
        return false;
    }

    private static Stats timeShell(String command, int repeats) throws IOException, InterruptedException {
        Stats s = new Stats();
        for (int i = 0; i <= repeats; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", command + " > /dev/null").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            long t1 = System.nanoTime();
            if (i > 0) {
                s.add((t1 - t0) / 1e6);
            }
        }
        return s;
    }
}
