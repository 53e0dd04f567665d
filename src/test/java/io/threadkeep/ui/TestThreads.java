package io.threadkeep.ui;

import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import io.threadkeep.store.ArchiveStore;
import io.threadkeep.store.SaveResult;
import io.threadkeep.store.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Threads for UI tests and benchmarks, built from the model records (invented text) and saved to an archive. */
public final class TestThreads {

    private static final String[] WORDS = ("the of a kernel patch scheduler latency memory cache build license code "
            + "review thread users vendor driver release benchmark compiler server network protocol design window "
            + "archive reader modern older faster simple broken fixed works always never probably really quite")
            .split(" ");
    private static final String[] LABELS = {null, "Insightful", "Interesting", "Funny", "Informative", "Troll",
        "Redundant", "Offtopic"};

    private TestThreads() {
    }

    public static Story story(Site site, String id, String title, String author, Integer declared) {
        return new Story(site, id, "https://example.test/" + site.id() + "/" + id, title, author,
                Instant.parse("2020-10-07T20:20:00Z"), site == Site.SLASHDOT ? "testing-the-reader" : null,
                site == Site.SLASHDOT ? List.of("Software", "Linux") : List.of(), List.of(),
                "<p>The summary of <i>" + title + "</i> with a <a href=\"https://example.test/link\">link</a>.</p>",
                "The summary of " + title + " with a link.", declared, null);
    }

    public static Comment comment(String id, String parent, String author, Integer score, String subject,
                                  String html, String text) {
        return new Comment(id, parent, author, author == null ? null : "1" + id, Instant.parse("2020-10-07T21:00:00Z")
                .plusSeconds(Long.parseLong(id.replaceAll("\\D", "0")) % 100000), null, score,
                score != null && score >= 4 ? "Insightful" : null, subject, html, text, Completeness.FULL,
                CommentState.NORMAL);
    }

    /** Capture times of successive saves: a story's pages fold in capture order, so a later save is a later capture. */
    private static final java.util.concurrent.atomic.AtomicLong CAPTURES = new java.util.concurrent.atomic.AtomicLong();

    /** Saves a thread as one page import; returns the story's archive id. */
    public static long save(ArchiveStore store, Story story, List<Comment> comments) {
        return save(store, story, comments,
                Instant.parse("2021-01-01T00:00:00Z").plusSeconds(CAPTURES.incrementAndGet()));
    }

    /** Saves a thread as one page import whose capture time is unknown (a bare file); returns the story's id. */
    public static long saveUncaptured(ArchiveStore store, Story story, List<Comment> comments) {
        return save(store, story, comments, null);
    }

    private static long save(ArchiveStore store, Story story, List<Comment> comments, Instant capturedAt) {
        SaveResult result = store.save(new ParsedThread(story, comments, List.of()),
                new SourceFile(story.siteStoryId() + ".html", story.siteStoryId() + ".html",
                        (story.url() + comments.size() + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                        "TestThreads", 1, capturedAt));
        return result.storyId();
    }

    /**
     * A random but repeatable thread of {@code n} comments: deep and shallow replies, scores from -1 to 5,
     * paragraphs, quotes, links and code.
     */
    public static List<Comment> generated(int n, long seed) {
        Random random = new Random(seed);
        List<Comment> out = new ArrayList<>(n);
        List<Integer> depths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = String.valueOf(100000 + i);
            String parent = null;
            int depth = 0;
            if (i > 0 && random.nextInt(10) >= 2) {
                // Mostly answer something recent, which makes long chains as real threads have.
                int back = Math.min(i, 1 + (int) Math.abs(random.nextGaussian() * 6));
                int p = i - back;
                parent = out.get(p).id();
                depth = depths.get(p) + 1;
            }
            int score = random.nextInt(7) - 1;
            String author = random.nextInt(8) == 0 ? null : "user" + random.nextInt(400);
            String subject = i % 3 == 0 ? "Re:" + sentence(random, 3) : sentence(random, 4);
            StringBuilder html = new StringBuilder();
            StringBuilder text = new StringBuilder();
            int paragraphs = 1 + random.nextInt(3);
            if (random.nextInt(5) == 0) {
                String quoted = sentence(random, 12);
                html.append("<blockquote><p>").append(quoted).append("</p></blockquote>");
                text.append(quoted).append("\n\n");
            }
            for (int k = 0; k < paragraphs; k++) {
                String s = sentence(random, 10 + random.nextInt(40));
                html.append("<p>").append(s);
                if (random.nextInt(7) == 0) {
                    html.append(" See <a href=\"https://example.test/page").append(i).append("\">the page</a>.");
                }
                if (random.nextInt(9) == 0) {
                    html.append(" Try <code>make -j").append(k + 2).append("</code> and <i>wait</i>.");
                }
                html.append("</p>");
                text.append(s).append("\n\n");
            }
            out.add(new Comment(id, parent, author, author == null ? null : String.valueOf(1000 + i),
                    Instant.parse("2020-10-07T21:00:00Z").plusSeconds(i * 37L), null, score,
                    LABELS[random.nextInt(LABELS.length)], subject, html.toString(), text.toString().strip(),
                    Completeness.FULL, CommentState.NORMAL));
            depths.add(depth);
        }
        return out;
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            sb.append(i == 0 ? "" : " ").append(w);
        }
        return sb.append('.').toString();
    }
}
