package io.threadkeep.bench.gen;

import io.threadkeep.model.CommentState;
import io.threadkeep.model.Site;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Builds one thread's ground truth: story head, reply tree and comment contents. The tree grows the way real
 * threads do: a share of new comments start a top-level thread, many answer the comment just posted (long
 * back-and-forth chains), the rest answer an earlier comment chosen in proportion to the replies it already has
 * (popular comments draw more replies). Ids, dates, scores and moderation follow each site's conventions.
 */
public final class ThreadGenerator {

    private static final String[] SLASHDOT_SUBDOMAINS = {"tech", "yro", "linux", "science", "news", "it",
        "developers", "hardware", "games", "apple", "mobile", "politics", "bsd", "ask"};
    private static final String[] SLASHDOT_TOPICS = {"Linux", "Security", "Programming", "Hardware", "Science",
        "Government", "The Internet", "Microsoft", "Apple", "Open Source", "Privacy", "Space", "Games", "Power"};
    private static final String[] POSITIVE_LABELS = {"Insightful", "Interesting", "Informative", "Funny",
        "Underrated"};
    private static final String[] NEGATIVE_LABELS = {"Troll", "Flamebait", "Offtopic", "Redundant", "Overrated"};
    private static final String[] LOBSTERS_TAGS = {"programming", "security", "rust", "linux", "web", "databases",
        "practices", "networking", "hardware", "release", "ask", "show", "plt", "compilers", "distributed"};
    /** Slashdot's Anonymous Coward uid. */
    public static final String ANONYMOUS_UID = "666";

    private final Vocabulary vocabulary;
    private final UserPool users;

    public ThreadGenerator(Vocabulary vocabulary, UserPool users) {
        this.vocabulary = vocabulary;
        this.users = users;
    }

    /**
     * @param pageIndex  keeps ids of different pages apart
     * @param comments   how many comments the thread has
     */
    public GenThread generate(Era era, int pageIndex, int comments, TextGen text) {
        Random random = text.random();
        Instant storyTime = storyTime(era, random);
        GenStory story = story(era, pageIndex, storyTime, comments, text);
        int[] parent = shape(random, comments, era == Era.LOBSTERS ? 25 : 80);
        List<GenComment> created = new ArrayList<>(comments);
        Body[] bodies = new Body[comments];
        String[] subjects = new String[comments];
        int[] replies = new int[comments];
        for (int i = 0; i < comments; i++) {
            if (parent[i] >= 0) {
                replies[parent[i]]++;
            }
        }
        int[] depth = new int[comments];
        String[] ids = ids(era, pageIndex, comments, random);
        long spreadSeconds = 36L * 3600 + random.nextInt(4 * 24 * 3600);
        long[] offsets = new long[comments];
        long t = 60;
        for (int i = 0; i < comments; i++) {
            t += 1 + (long) (-Math.log(1 - random.nextDouble()) * spreadSeconds / Math.max(1, comments));
            offsets[i] = t;
        }
        for (int i = 0; i < comments; i++) {
            int p = parent[i];
            depth[i] = p < 0 ? 0 : depth[p] + 1;
            bodies[i] = text.commentBody(p < 0 ? null : bodies[p]);
            subjects[i] = era.site() == Site.SLASHDOT ? subject(p < 0 ? null : subjects[p], text) : null;
            created.add(comment(era, ids[i], p < 0 ? null : ids[p], depth[i], storyTime.plusSeconds(offsets[i]),
                    subjects[i], bodies[i], replies[i], random));
        }
        return new GenThread(era, story, depthFirst(created, parent));
    }

    /** Parent index per comment (creation order), -1 for top level. */
    static int[] shape(Random random, int n, int maxDepth) {
        int[] parent = new int[n];
        int[] depth = new int[n];
        // Each comment appears once when posted and once more per reply: drawing from it favours popular ones.
        int[] attachment = new int[2 * n + 1];
        int attachmentSize = 0;
        double topLevelShare = 0.18 + random.nextDouble() * 0.2;
        for (int i = 0; i < n; i++) {
            int p;
            double r = random.nextDouble();
            if (i == 0 || r < topLevelShare) {
                p = -1;
            } else if (r < topLevelShare + 0.3) {
                p = i - 1 - (random.nextInt(4) == 0 ? random.nextInt(Math.min(i, 8)) : 0);
            } else {
                p = attachment[random.nextInt(attachmentSize)];
            }
            if (p >= 0 && depth[p] + 1 > maxDepth) {
                p = parent[p];
            }
            parent[i] = p;
            depth[i] = p < 0 ? 0 : depth[p] + 1;
            attachment[attachmentSize++] = i;
            if (p >= 0) {
                attachment[attachmentSize++] = p;
            }
        }
        return parent;
    }

    private static List<GenComment> depthFirst(List<GenComment> created, int[] parent) {
        int n = created.size();
        int[] firstChild = new int[n];
        int[] nextSibling = new int[n];
        int[] lastChild = new int[n];
        java.util.Arrays.fill(firstChild, -1);
        java.util.Arrays.fill(nextSibling, -1);
        java.util.Arrays.fill(lastChild, -1);
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            if (p < 0) {
                roots.add(i);
            } else if (firstChild[p] < 0) {
                firstChild[p] = i;
                lastChild[p] = i;
            } else {
                nextSibling[lastChild[p]] = i;
                lastChild[p] = i;
            }
        }
        List<GenComment> out = new ArrayList<>(n);
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        for (int r = roots.size() - 1; r >= 0; r--) {
            stack.push(roots.get(r));
        }
        while (!stack.isEmpty()) {
            int i = stack.pop();
            out.add(created.get(i));
            List<Integer> kids = new ArrayList<>();
            for (int c = firstChild[i]; c >= 0; c = nextSibling[c]) {
                kids.add(c);
            }
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(kids.get(k));
            }
        }
        return out;
    }

    private GenComment comment(Era era, String id, String parentId, int depth, Instant posted, String subject,
                               Body body, int replies, Random random) {
        Site site = era.site();
        String author;
        String authorId = null;
        Integer score = null;
        String label = null;
        CommentState state = CommentState.NORMAL;
        boolean abbreviated = false;
        double r = random.nextDouble();
        switch (site) {
            case SLASHDOT -> {
                boolean anonymous = random.nextDouble() < 0.28;
                int user = users.draw(site, random);
                author = anonymous ? null : users.name(site, user);
                authorId = anonymous ? ANONYMOUS_UID : String.valueOf(users.numericId(site, user));
                int base = anonymous ? 0 : (random.nextInt(5) == 0 ? 2 : 1);
                score = base;
                if (random.nextDouble() < 0.4) {
                    int delta = random.nextInt(7) - 2;
                    score = Math.max(-1, Math.min(5, base + delta));
                    if (delta != 0) {
                        String[] labels = delta > 0 ? POSITIVE_LABELS : NEGATIVE_LABELS;
                        label = labels[random.nextInt(labels.length)];
                    }
                }
                abbreviated = random.nextDouble() < (era == Era.SLASHDOT_D2 ? 0.3 : 0.22);
            }
            case HACKERNEWS -> {
                author = users.name(site, users.draw(site, random));
                if (r < 0.01) {
                    state = CommentState.DELETED;
                    author = null;
                } else if (r < 0.016) {
                    state = CommentState.DEAD;
                }
            }
            case REDDIT -> {
                author = users.name(site, users.draw(site, random));
                score = (int) Math.round(Math.exp(random.nextGaussian() * 1.6 + 1.2)) - (random.nextInt(10) == 0 ? 8 : 0);
                if (r < 0.02) {
                    state = CommentState.DELETED;
                    author = null;
                } else if (r < 0.03) {
                    state = CommentState.REMOVED;
                    author = null;
                }
            }
            case LOBSTERS -> {
                author = users.name(site, users.draw(site, random));
                score = 1 + (int) Math.round(Math.exp(random.nextGaussian() * 1.1 + 0.5)) - 1;
                if (r < 0.012) {
                    // Rendered as "[Comment removed by author]": the author deleted it.
                    state = CommentState.DELETED;
                }
            }
            default -> throw new IllegalStateException("no generator for " + site);
        }
        Body shown = state == CommentState.NORMAL || state == CommentState.DEAD ? body : new Body(List.of());
        return new GenComment(id, parentId, depth, author, authorId, posted, score, label, subject, shown, state,
                abbreviated, replies);
    }

    private static String subject(String parentSubject, TextGen text) {
        if (parentSubject != null && text.random().nextDouble() < 0.65) {
            String re = parentSubject.startsWith("Re:") ? parentSubject : "Re:" + parentSubject;
            return re.length() > 50 ? re.substring(0, 50) : re;
        }
        String s = text.sentence(1, 6);
        s = s.substring(0, s.length() - 1);
        return s.length() > 50 ? s.substring(0, 50) : s;
    }

    private static String[] ids(Era era, int pageIndex, int n, Random random) {
        String[] ids = new String[n];
        switch (era.site()) {
            case SLASHDOT -> {
                long cid = 20_000_000L + pageIndex * 100_000L;
                for (int i = 0; i < n; i++) {
                    cid += 1 + random.nextInt(3);
                    ids[i] = String.valueOf(cid);
                }
            }
            case HACKERNEWS -> {
                long item = storyNumber(era, pageIndex);
                for (int i = 0; i < n; i++) {
                    item += 1 + random.nextInt(4);
                    ids[i] = String.valueOf(item);
                }
            }
            case REDDIT -> {
                long k = 1_500_000_000L + pageIndex * 100_000L;
                for (int i = 0; i < n; i++) {
                    k += 1 + random.nextInt(5);
                    ids[i] = Long.toString(k, 36);
                }
            }
            case LOBSTERS -> {
                Set<String> used = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    String id;
                    do {
                        id = shortId(random);
                    } while (!used.add(id));
                    ids[i] = id;
                }
            }
            default -> throw new IllegalStateException();
        }
        return ids;
    }

    private static long storyNumber(Era era, int pageIndex) {
        return 10_000_000L + pageIndex * 100_000L;
    }

    private static String shortId(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Instant storyTime(Era era, Random random) {
        int year = era.firstYear() + random.nextInt(era.lastYear() - era.firstYear() + 1);
        LocalDateTime t = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60));
        return t.toInstant(ZoneOffset.UTC);
    }

    private GenStory story(Era era, int pageIndex, Instant posted, int comments, TextGen text) {
        Random random = text.random();
        String title = text.title();
        String slug = slug(title);
        Site site = era.site();
        return switch (site) {
            case SLASHDOT -> {
                String sub = SLASHDOT_SUBDOMAINS[random.nextInt(SLASHDOT_SUBDOMAINS.length)];
                String host = sub + ".slashdot.org";
                LocalDateTime t = LocalDateTime.ofInstant(posted, ZoneOffset.UTC);
                String sid = t.format(DateTimeFormatter.ofPattern("yy/MM/dd/", Locale.ROOT))
                        + String.format(Locale.ROOT, "%02d%02d%03d", t.getHour(), t.getMinute(), pageIndex % 1000);
                String url = "https://" + host + "/story/" + sid + "/" + slug;
                List<String> topics = new ArrayList<>();
                int nTopics = 1 + random.nextInt(4);
                for (int i = 0; i < nTopics; i++) {
                    String topic = SLASHDOT_TOPICS[random.nextInt(SLASHDOT_TOPICS.length)];
                    if (!topics.contains(topic)) {
                        topics.add(topic);
                    }
                }
                String link = random.nextBoolean() ? text.url() : null;
                yield new GenStory(site, sid, String.valueOf(900_000 + pageIndex * 7L), url, host, title,
                        users.name(site, users.draw(site, random)), posted, text.department(), topics, text.summary(),
                        link, comments);
            }
            case HACKERNEWS -> {
                String id = String.valueOf(storyNumber(era, pageIndex));
                boolean ask = random.nextInt(10) < 3;
                yield new GenStory(site, id, null, "https://news.ycombinator.com/item?id=" + id,
                        "news.ycombinator.com", ask ? "Ask HN: " + title : title,
                        users.name(site, users.draw(site, random)), posted, null, List.of(),
                        ask ? text.summary() : null, ask ? null : text.url(), 20 + random.nextInt(2000));
            }
            case REDDIT -> {
                String id = Long.toString(60_000_000L + pageIndex * 13L, 36);
                String sub = subreddit(random);
                boolean self = random.nextInt(10) < 4;
                yield new GenStory(site, id, null,
                        "https://www.reddit.com/r/" + sub + "/comments/" + id + "/" + slug.replace('-', '_') + "/",
                        "www.reddit.com", title, users.name(site, users.draw(site, random)), posted, null, List.of(sub),
                        self ? text.summary() : null, self ? null : text.url(), 50 + random.nextInt(30000));
            }
            case LOBSTERS -> {
                String id = shortId(new Random(pageIndex * 31L + 7));
                List<String> tags = new ArrayList<>();
                int nTags = 1 + random.nextInt(3);
                for (int i = 0; i < nTags; i++) {
                    String tag = LOBSTERS_TAGS[random.nextInt(LOBSTERS_TAGS.length)];
                    if (!tags.contains(tag)) {
                        tags.add(tag);
                    }
                }
                boolean textPost = random.nextInt(10) < 3;
                yield new GenStory(site, id, null, "https://lobste.rs/s/" + id + "/" + slug.replace('-', '_'),
                        "lobste.rs", title, users.name(site, users.draw(site, random)), posted, null, tags,
                        textPost ? text.summary() : null, textPost ? null : text.url(), 3 + random.nextInt(120));
            }
            default -> throw new IllegalStateException();
        };
    }

    private String subreddit(Random random) {
        return vocabulary.asciiWord(100 + random.nextInt(400));
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "story" : s;
    }
}
