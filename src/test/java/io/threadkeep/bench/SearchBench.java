package io.threadkeep.bench;

import io.threadkeep.bench.gen.CorpusGenerator;
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
     * @param words     the words (all must match)
     * @param phrase    an exact phrase, or null
     * @param prefix    a word prefix, or null
     * @param author    only comments by this author, or null
     * @param minScore  only comments scored at least this, or null
     * @param afterYear only comments posted in or after this year, or null
     */
    record Query(String name, List<String> words, String phrase, String prefix, String author, Integer minScore,
                 Integer afterYear, String grepShell) {
    }

    private static final int REPEATS = 20;
    private static final int GREP_REPEATS = 5;

    private SearchBench() {
    }

    static List<Query> queries(CorpusGenerator.QueryTerms t, Path pages) {
        String dir = "'" + pages + "'";
        String grep = hasRipgrep() ? "rg -il --no-messages " : "grep -ril ";
        List<Query> q = new ArrayList<>();
        q.add(new Query(Report.fmt("rare word (`%s`, %d occurrences)", t.rare(), t.rareCount()), List.of(t.rare()),
                null, null, null, null, null, grep + t.rare() + " " + dir));
        q.add(new Query(Report.fmt("medium word (`%s`, %,d)", t.medium(), t.mediumCount()), List.of(t.medium()),
                null, null, null, null, null, grep + t.medium() + " " + dir));
        q.add(new Query(Report.fmt("most common word (`%s`, %,d)", t.common(), t.commonCount()), List.of(t.common()),
                null, null, null, null, null, grep + t.common() + " " + dir));
        q.add(new Query(Report.fmt("two words (`%s %s`)", t.medium(), t.medium2()), List.of(t.medium(), t.medium2()),
                null, null, null, null, null, grep + t.medium() + " " + dir + " | xargs -r grep -il " + t.medium2()));
        String phrase = t.phrase().replace("\"", "");
        q.add(new Query("phrase (`" + t.phrase() + "`)", List.of(), phrase, null, null, null, null,
                grep + "'" + phrase + "' " + dir));
        String prefix = t.prefix().replace("*", "");
        q.add(new Query("prefix (`" + t.prefix() + "`)", List.of(), null, prefix, null, null, null,
                "grep -rilE '\\b" + prefix + "' " + dir));
        q.add(new Query(Report.fmt("author filter (`%s` + `%s`)", t.author(), t.medium()), List.of(t.medium()), null,
                null, t.author(), null, null, grep + t.author() + " " + dir + " | xargs -r grep -il " + t.medium()));
        q.add(new Query(Report.fmt("score filter (score ≥ 4 + `%s`)", t.medium()), List.of(t.medium()), null, null,
                null, 4, null, grep + t.medium() + " " + dir));
        q.add(new Query(Report.fmt("date filter (2018 or later + `%s`)", t.medium()), List.of(t.medium()), null, null,
                null, null, 2018, grep + t.medium() + " " + dir));
        return q;
    }

    static void section(Report md, CorpusGenerator.Corpus corpus, Path archive, int runs, Map<String, String[]> goals,
                        Consumer<String> log) throws IOException, InterruptedException {
        md.heading(2, "Search");
        Path pages = CorpusGenerator.pagesDir(corpus.dir());
        List<Query> queries = queries(corpus.terms(), pages);
        String tool = hasRipgrep() ? "ripgrep (`rg -il`)" : "`grep -ril`";
        md.paragraph("Query words are picked from the corpus' own word counts. Baseline: " + tool + " over the same "
                + corpus.pages().size() + " saved pages (OS file cache warm), " + GREP_REPEATS + " repeats; grep "
                + "cannot apply the author, score and date filters, so for those it only looks for the words.");
        Report.Table t = md.table("query", "archive median (ms)", "archive p95 (ms)", "grep median (ms)",
                "grep / archive");
        for (Query q : queries) {
            log.accept("grep: " + q.name());
            Stats grep = timeShell(q.grepShell(), GREP_REPEATS);
            t.row(q.name(), "n/a", "n/a", grep.summary("%.0f"), "n/a");
        }
        t.end();
        md.paragraph("**Archive search not measured:** this commit has no search API in `io.threadkeep.search` "
                + "(the CLI's `search` says it is not available yet).");
        goals.put("search p95 ≤ 30 ms (rare/medium)", new String[] {"not measured", "no search API yet"});
        goals.put("search p95 ≤ 200 ms (most common)", new String[] {"not measured", "no search API yet"});
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
