package io.threadkeep.bench.gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates a whole benchmark corpus deterministically from a {@link CorpusSpec}: plans how many comments each
 * page holds (log-normal, from about 20 KB to the spec's largest page), which site and era renders it, writes
 * the pages to a folder with a manifest, and picks the search benchmark's query terms from the words actually
 * written. The same spec always yields the same bytes, so a corpus on disk is reused while the manifest says it
 * was made by this version of the generator.
 */
public final class CorpusGenerator {

    /** Bump when the output changes, so corpora cached on disk are regenerated. */
    public static final int VERSION = 2;
    private static final String MANIFEST = "manifest.tsv";
    private static final int VOCABULARY_SIZE = 60_000;
    private static final int USERS_PER_SITE = 30_000;
    private static final String[] PLANTED = {"quantum", "toaster"};
    private static final double PHRASE_RATE = 0.004;
    private static final int MIN_COMMENTS = 8;

    /** One page of the plan. */
    public record PagePlan(int index, Era era, int comments, boolean absoluteLinks) {
        public String fileName() {
            return String.format(Locale.ROOT, "%05d-%s.html", index, era.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** A page as written. */
    public record PageInfo(PagePlan plan, Path file, long bytes) {
    }

    /** Query terms chosen from the written text, with how often each occurs (word occurrences, not comments). */
    public record QueryTerms(String common, long commonCount, String medium, long mediumCount, String medium2,
                             long medium2Count, String rare, long rareCount, String phrase, String prefix,
                             String author) {
    }

    /** A corpus on disk. */
    public record Corpus(CorpusSpec spec, Path dir, List<PageInfo> pages, QueryTerms terms) {
        public long totalComments() {
            return pages.stream().mapToLong(p -> p.plan().comments()).sum();
        }

        public long totalBytes() {
            return pages.stream().mapToLong(PageInfo::bytes).sum();
        }

        public PageInfo largestPage() {
            return pages.stream().max(Comparator.comparingLong(PageInfo::bytes)).orElseThrow();
        }
    }

    /** Generates a corpus without benchmarking it: {@code CorpusGenerator SIZE FOLDER}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CorpusGenerator tiny|small|large FOLDER");
        }
        Corpus corpus = new CorpusGenerator(CorpusSpec.named(args[0])).loadOrGenerate(Path.of(args[1]));
        System.err.printf(Locale.ROOT, "%d pages, %d comments, %.1f MB in %s%n", corpus.pages().size(),
                corpus.totalComments(), corpus.totalBytes() / 1e6, pagesDir(corpus.dir()));
    }

    private final CorpusSpec spec;
    private final Vocabulary vocabulary;
    private final UserPool users;
    private final ThreadGenerator threads;

    public CorpusGenerator(CorpusSpec spec) {
        this.spec = spec;
        this.vocabulary = new Vocabulary(spec.seed(), VOCABULARY_SIZE, 1.0);
        this.users = new UserPool(vocabulary, spec.seed(), USERS_PER_SITE);
        this.threads = new ThreadGenerator(vocabulary, users);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Rough bytes per comment of each era's markup, to keep pages under the size cap. */
    static int bytesPerComment(Era era) {
        return switch (era) {
            case SLASHDOT_CURRENT -> 2060;
            case SLASHDOT_D2 -> 1820;
            case HACKERNEWS -> 1800;
            case REDDIT_OLD -> 2330;
            case LOBSTERS -> 1570;
        };
    }

    public static PageWriter writer(PagePlan plan) {
        return switch (plan.era()) {
            case SLASHDOT_CURRENT, SLASHDOT_D2 -> new SlashdotWriter(plan.era());
            case HACKERNEWS -> new HackerNewsWriter(plan.absoluteLinks());
            case REDDIT_OLD -> new RedditWriter();
            case LOBSTERS -> new LobstersWriter();
        };
    }

    /** Which era renders each page, and how many comments it holds. */
    public List<PagePlan> plan() {
        Random random = new Random(spec.seed());
        int n = spec.pages();
        Era[] eras = new Era[n];
        double[] weight = new double[n];
        boolean[] absolute = new boolean[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            eras[i] = r < 0.30 ? Era.SLASHDOT_CURRENT : r < 0.45 ? Era.SLASHDOT_D2 : r < 0.70 ? Era.HACKERNEWS
                    : r < 0.90 ? Era.REDDIT_OLD : Era.LOBSTERS;
            weight[i] = Math.exp(random.nextGaussian() * 1.1);
            absolute[i] = random.nextInt(3) == 0;
        }
        // Page 0 is the largest page; page 1 the smallest (about 20 KB).
        eras[0] = Era.SLASHDOT_CURRENT;
        int largest = (int) (spec.largestPageBytes() / bytesPerComment(Era.SLASHDOT_CURRENT));
        int[] counts = new int[n];
        int remaining = spec.targetComments() - largest - (n > 1 ? MIN_COMMENTS : 0);
        double lo = 0;
        double hi = 1e7;
        for (int iter = 0; iter < 100; iter++) {
            double k = (lo + hi) / 2;
            long sum = 0;
            for (int i = 2; i < n; i++) {
                sum += clamp(eras[i], k * weight[i], largest);
            }
            if (sum < remaining) {
                lo = k;
            } else {
                hi = k;
            }
        }
        for (int i = 2; i < n; i++) {
            counts[i] = clamp(eras[i], lo * weight[i], largest);
        }
        counts[0] = largest;
        if (n > 1) {
            counts[1] = MIN_COMMENTS;
        }
        List<PagePlan> plan = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            plan.add(new PagePlan(i, eras[i], counts[i], absolute[i]));
        }
        return plan;
    }

    private int clamp(Era era, double wanted, int largestSlashdot) {
        int cap = (int) (spec.largestPageBytes() * 0.9 / bytesPerComment(era));
        if (era == Era.LOBSTERS) {
            cap = Math.min(cap, 400);
        }
        return (int) Math.max(MIN_COMMENTS, Math.min(Math.min(cap, largestSlashdot), Math.round(wanted)));
    }

    /** The thread of one planned page; the same plan always gives the same thread. */
    public GenThread thread(PagePlan plan, int[] wordCounts) {
        Random random = new Random(spec.seed() ^ (plan.index() * 0x9E3779B97F4A7C15L));
        TextGen text = new TextGen(vocabulary, random, wordCounts, PLANTED, PHRASE_RATE);
        return threads.generate(plan.era(), plan.index(), plan.comments(), text);
    }

    /** The page bytes of one planned page. */
    public byte[] render(PagePlan plan, int[] wordCounts) {
        PageWriter writer = writer(plan);
        return writer.write(thread(plan, wordCounts)).getBytes(writer.charset());
    }

    /** A single Hacker News page with exactly {@code comments} comments, for the open-a-thread benchmark. */
    public byte[] threadPage(int comments, int index, int[] wordCounts) {
        return render(new PagePlan(index, Era.HACKERNEWS, comments, false), wordCounts);
    }

    /** Returns the corpus in {@code dir}, generating it first unless a manifest of this version is there. */
    public Corpus loadOrGenerate(Path dir) {
        try {
            Corpus existing = load(dir);
            return existing != null ? existing : generate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of a corpus that holds only its pages (the manifest sits beside it, not among them). */
    public static Path pagesDir(Path corpusDir) {
        return corpusDir.resolve("pages");
    }

    /** Writes every page (in parallel) and the manifest. */
    public Corpus generate(Path dir) throws IOException {
        Files.createDirectories(pagesDir(dir));
        Files.deleteIfExists(dir.resolve(MANIFEST));
        List<PagePlan> plan = plan();
        long[] counts = new long[vocabulary.size()];
        PageInfo[] written = new PageInfo[plan.size()];
        IntStream.range(0, plan.size()).parallel().forEach(i -> {
            int[] local = new int[vocabulary.size()];
            byte[] bytes = render(plan.get(i), local);
            Path file = pagesDir(dir).resolve(plan.get(i).fileName());
            try {
                Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[i] = new PageInfo(plan.get(i), file, bytes.length);
            synchronized (counts) {
                for (int r = 0; r < local.length; r++) {
                    counts[r] += local[r];
                }
            }
        });
        QueryTerms terms = chooseTerms(counts, totalOf(plan));
        Corpus corpus = new Corpus(spec, dir, List.of(written), terms);
        writeManifest(corpus);
        return corpus;
    }

    private static long totalOf(List<PagePlan> plan) {
        return plan.stream().mapToLong(PagePlan::comments).sum();
    }

    private QueryTerms chooseTerms(long[] counts, long comments) {
        int medium = closestAscii(counts, Math.max(5, comments / 400), -1);
        int medium2 = closestAscii(counts, Math.max(5, comments / 300), medium);
        int rare = closestAscii(counts, Math.max(3, Math.min(30, comments / 2000)), -1);
        String mediumWord = vocabulary.word(medium);
        String prefix = mediumWord.substring(0, Math.min(4, mediumWord.length())) + "*";
        return new QueryTerms(vocabulary.word(0), counts[0], mediumWord, counts[medium], vocabulary.word(medium2),
                counts[medium2], vocabulary.word(rare), counts[rare], "\"" + PLANTED[0] + " " + PLANTED[1] + "\"", prefix,
                users.mostActive(io.threadkeep.model.Site.SLASHDOT));
    }

    private int closestAscii(long[] counts, long target, int except) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int r = 200; r < counts.length; r++) {
            if (r == except || !vocabulary.isAsciiWord(r) || vocabulary.word(r).length() < 5 || counts[r] == 0) {
                continue;
            }
            long distance = Math.abs(counts[r] - target);
            if (distance < bestDistance) {
                best = r;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void writeManifest(Corpus corpus) throws IOException {
        StringBuilder m = new StringBuilder();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("version", String.valueOf(VERSION));
        header.put("spec", spec.name());
        header.put("seed", String.valueOf(spec.seed()));
        header.put("pages", String.valueOf(spec.pages()));
        header.put("targetComments", String.valueOf(spec.targetComments()));
        header.put("largestPageBytes", String.valueOf(spec.largestPageBytes()));
        QueryTerms t = corpus.terms();
        header.put("common", t.common() + "\t" + t.commonCount());
        header.put("medium", t.medium() + "\t" + t.mediumCount());
        header.put("medium2", t.medium2() + "\t" + t.medium2Count());
        header.put("rare", t.rare() + "\t" + t.rareCount());
        header.put("phrase", t.phrase());
        header.put("prefix", t.prefix());
        header.put("author", t.author());
        header.forEach((k, v) -> m.append("# ").append(k).append('\t').append(v).append('\n'));
        for (PageInfo p : corpus.pages()) {
            m.append(p.plan().index()).append('\t').append(p.plan().era()).append('\t').append(p.plan().comments())
                    .append('\t').append(p.plan().absoluteLinks()).append('\t').append(p.plan().fileName()).append('\t')
                    .append(p.bytes()).append('\n');
        }
        Files.writeString(corpus.dir().resolve(MANIFEST), m.toString(), StandardCharsets.UTF_8);
    }

    private Corpus load(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        Map<String, String[]> header = new LinkedHashMap<>();
        List<PageInfo> pages = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                String[] kv = line.substring(2).split("\t");
                header.put(kv[0], Arrays.copyOfRange(kv, 1, kv.length));
                continue;
            }
            String[] f = line.split("\t");
            PagePlan plan = new PagePlan(Integer.parseInt(f[0]), Era.valueOf(f[1]), Integer.parseInt(f[2]),
                    Boolean.parseBoolean(f[3]));
            Path file = pagesDir(dir).resolve(f[4]);
            if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(f[5])) {
                return null;
            }
            pages.add(new PageInfo(plan, file, Long.parseLong(f[5])));
        }
        boolean same = header.containsKey("version") && header.get("version")[0].equals(String.valueOf(VERSION))
                && header.get("seed")[0].equals(String.valueOf(spec.seed()))
                && header.get("pages")[0].equals(String.valueOf(spec.pages()))
                && header.get("targetComments")[0].equals(String.valueOf(spec.targetComments()))
                && pages.size() == spec.pages();
        if (!same) {
            return null;
        }
        QueryTerms terms = new QueryTerms(header.get("common")[0], Long.parseLong(header.get("common")[1]),
                header.get("medium")[0], Long.parseLong(header.get("medium")[1]), header.get("medium2")[0],
                Long.parseLong(header.get("medium2")[1]), header.get("rare")[0], Long.parseLong(header.get("rare")[1]),
                header.get("phrase")[0], header.get("prefix")[0], header.get("author")[0]);
        return new Corpus(spec, dir, List.copyOf(pages), terms);
    }
}
