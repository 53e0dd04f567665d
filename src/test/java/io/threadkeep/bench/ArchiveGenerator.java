package io.threadkeep.bench;

import io.threadkeep.model.Comment;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a synthetic archive of a given number of comments through {@link ArchiveStore#save}, the same path real
 * imports take (so the full-text index is filled by the store's own triggers). Text is drawn from a Zipf
 * vocabulary; authors are Zipf-distributed too, so a few are prolific and most write once or twice.
 *
 * <p>Usage: {@code ArchiveGenerator FILE [COMMENTS]}. Deterministic for a given size: the benchmark derives its
 * query words from the same vocabulary.
 */
public final class ArchiveGenerator {

    static final long SEED = 20240501L;
    static final int VOCABULARY_SIZE = 60_000;
    static final double WORD_EXPONENT = 1.0;
    static final int AUTHORS = 40_000;
    private static final String[] LABELS = {"Insightful", "Interesting", "Funny", "Informative", "Troll", "Flamebait",
        "Offtopic", "Redundant", "Overrated", "Underrated"};
    private static final Instant START = Instant.parse("2005-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 20L * 365 * 24 * 3600;

    private final ZipfVocabulary vocabulary = vocabulary();
    private final ZipfVocabulary authors = new ZipfVocabulary(SEED + 1, AUTHORS, 0.9);

    public ArchiveGenerator() {
    }

    static ZipfVocabulary vocabulary() {
        return new ZipfVocabulary(SEED, VOCABULARY_SIZE, WORD_EXPONENT);
    }

    /** The name the generator gives the author of rank {@code rank} (1 = most prolific). */
    public static String authorName(int rank) {
        return authorName(new ZipfVocabulary(SEED + 1, AUTHORS, 0.9), rank);
    }

    /** The word of frequency rank {@code rank} (1 = most common) in generated text. */
    public static String word(int rank) {
        return vocabulary().word(rank);
    }

    static String authorName(ZipfVocabulary authors, int rank) {
        return authors.word(rank) + (rank % 7 == 0 ? "_" + rank : "");
    }

    ZipfVocabulary authorVocabulary() {
        return authors;
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ArchiveGenerator FILE [COMMENTS]");
        }
        int comments = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        new ArchiveGenerator().generate(Path.of(args[0]), comments, (done, total) -> {
        });
    }

    /** Told after each story is saved. */
    public interface Progress {
        void at(int done, int total);
    }

    /** Writes {@code totalComments} comments in stories of 20..800 comments into a new archive at {@code file}. */
    public void generate(Path file, int totalComments, Progress progress) {
        Random random = new Random(SEED + totalComments);
        try (ArchiveStore store = ArchiveStore.open(file)) {
            int written = 0;
            int storyNumber = 0;
            while (written < totalComments) {
                storyNumber++;
                int size = Math.min(totalComments - written, 20 + random.nextInt(461));
                ParsedThread thread = thread(random, storyNumber, size);
                byte[] page = ("synthetic page " + storyNumber).getBytes(StandardCharsets.UTF_8);
                store.save(thread, new SourceFile("generated", "story-" + storyNumber + ".html", page,
                        "generator", 1, null));
                written += size;
                progress.at(written, totalComments);
            }
        }
    }

    private ParsedThread thread(Random random, int number, int commentCount) {
        Site site = pickSite(random);
        Instant storyPosted = START.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        String title = capitalise(sentence(random, 5 + random.nextInt(6)));
        String summary = sentence(random, 40 + random.nextInt(60)) + ".";
        Story story = new Story(site, "s" + number, "https://example.invalid/" + site.id() + "/" + number, title,
                authorName(authors, 1 + random.nextInt(2000)), storyPosted, null, List.of(), List.of(),
                "<p>" + summary + "</p>", summary, commentCount, null);
        List<Comment> comments = new ArrayList<>(commentCount);
        long offset = 0;
        for (int i = 0; i < commentCount; i++) {
            String parent = i == 0 || random.nextInt(10) < 3 ? null : "c" + number + "_" + random.nextInt(i);
            offset += 30 + random.nextInt(600);
            int words = Math.min(600, 5 + (int) Math.round(Math.exp(3.4 + random.nextGaussian() * 0.8)));
            String text = paragraphs(random, words);
            String subject = site == Site.SLASHDOT ? capitalise(sentence(random, 2 + random.nextInt(5))) : null;
            Integer score = switch (site) {
                case SLASHDOT -> -1 + random.nextInt(7);
                case HACKERNEWS -> null;
                case REDDIT -> (int) Math.round(Math.exp(random.nextGaussian() * 1.5)) - 1;
                case LOBSTERS -> random.nextInt(12);
                default -> null;
            };
            String label = site == Site.SLASHDOT && score != null && score >= 2 && random.nextInt(3) == 0
                    ? LABELS[random.nextInt(LABELS.length)] : null;
            String author = random.nextInt(20) == 0 && site == Site.SLASHDOT ? null
                    : authorName(authors, authors.sampleRank(random));
            comments.add(new Comment("c" + number + "_" + i, parent, author, null, storyPosted.plusSeconds(offset),
                    null, score, label, subject, "<p>" + text.replace("\n\n", "</p><p>") + "</p>", text,
                    Completeness.FULL, CommentState.NORMAL));
        }
        return new ParsedThread(story, comments, List.of());
    }

    private static Site pickSite(Random random) {
        int r = random.nextInt(10);
        return r < 4 ? Site.SLASHDOT : r < 7 ? Site.HACKERNEWS : r < 9 ? Site.REDDIT : Site.LOBSTERS;
    }

    private String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(vocabulary.sample(random));
        }
        return s.toString();
    }

    private String paragraphs(Random random, int words) {
        StringBuilder s = new StringBuilder();
        int sinceBreak = 0;
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                if (sinceBreak > 12 && random.nextInt(12) == 0) {
                    s.append(sinceBreak > 40 && random.nextInt(3) == 0 ? ".\n\n" : ". ");
                    sinceBreak = 0;
                } else {
                    s.append(random.nextInt(15) == 0 ? ", " : " ");
                }
            }
            s.append(vocabulary.sample(random));
            sinceBreak++;
        }
        return s.append('.').toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
