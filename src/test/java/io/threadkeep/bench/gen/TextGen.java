package io.threadkeep.bench.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes invented prose from a {@link Vocabulary}: sentences, multi-paragraph bodies with quotes of the parent,
 * links and code, one-liners and long rants, in the proportions of real discussion threads. Counts every word
 * it emits, so the benchmark can pick query terms with known frequencies. Not thread-safe: one per page.
 */
public final class TextGen {

    private static final String[] TLDS = {"com", "org", "net", "io", "de", "co.uk", "edu"};
    private static final String[] ONE_LINERS = {"This.", "+1", "Indeed.", "Citation needed.", "Same here.",
        "Agreed.", "Nope.", "Source?", "Why not both?", "Exactly right.", "Well said.", "I doubt it."};
    private static final String[] CODE_LINES = {"for (int i = 0; i < n; i++) {", "    total += values[i];", "}",
        "if (x == null) return;", "SELECT id, name FROM users WHERE age > 30;", "$ make -j4 && sudo make install",
        "def main():", "    print(\"hello\")", "git rebase -i HEAD~3", "while true; do sleep 1; done"};

    private final Vocabulary vocabulary;
    private final Random random;
    private final int[] wordCounts;
    private final String[] plantedPhrase;
    private final double phraseRate;

    /**
     * @param wordCounts    incremented per emitted word, indexed by rank (length = vocabulary size)
     * @param plantedPhrase two words that appear together at {@code phraseRate} per comment, for phrase queries
     */
    public TextGen(Vocabulary vocabulary, Random random, int[] wordCounts, String[] plantedPhrase,
                   double phraseRate) {
        this.vocabulary = vocabulary;
        this.random = random;
        this.wordCounts = wordCounts;
        this.plantedPhrase = plantedPhrase;
        this.phraseRate = phraseRate;
    }

    public Random random() {
        return random;
    }

    private String word() {
        int rank = vocabulary.drawRank(random);
        wordCounts[rank]++;
        return vocabulary.word(rank);
    }

    /** A sentence of {@code min..max} words, capitalised and punctuated. */
    public String sentence(int min, int max) {
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(i % 7 == 6 && random.nextInt(3) == 0 ? ", " : " ");
            }
            String w = word();
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            s.append(w);
        }
        double end = random.nextDouble();
        s.append(end < 0.8 ? "." : end < 0.92 ? "?" : "!");
        return s.toString();
    }

    /** A headline-like title of a few words. */
    public String title() {
        StringBuilder t = new StringBuilder();
        int n = 4 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t.append(' ');
            }
            String w = word();
            t.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return t.toString();
    }

    /** A few hyphenated words, as in Slashdot's "from the ... dept.". */
    public String department() {
        int n = 2 + random.nextInt(4);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(word());
        }
        return String.join("-", words);
    }

    public String url() {
        StringBuilder u = new StringBuilder("https://");
        if (random.nextBoolean()) {
            u.append("www.");
        }
        u.append(asciiWord()).append('.').append(TLDS[random.nextInt(TLDS.length)]);
        int segments = 1 + random.nextInt(3);
        for (int i = 0; i < segments; i++) {
            u.append('/').append(asciiWord());
        }
        if (random.nextInt(4) == 0) {
            u.append("?id=").append(random.nextInt(100000)).append("&amp;ref=").append(asciiWord());
        } else if (random.nextInt(3) == 0) {
            u.append(".html");
        }
        return u.toString().replace("&amp;", "&");
    }

    private String asciiWord() {
        return vocabulary.asciiWord(200 + random.nextInt(vocabulary.size() - 200));
    }

    /**
     * A comment body. Lengths are log-normal (median about 40 words, a tail of several thousand characters);
     * some bodies are one-liners, a quarter of replies quote their parent.
     */
    public Body commentBody(Body parent) {
        List<Body.Block> blocks = new ArrayList<>();
        if (random.nextDouble() < 0.07) {
            blocks.add(new Body.Paragraph(List.of(new Body.Words(ONE_LINERS[random.nextInt(ONE_LINERS.length)]))));
            return new Body(blocks);
        }
        if (parent != null && random.nextDouble() < 0.25) {
            String quoted = firstSentence(parent.plainText());
            if (!quoted.isBlank()) {
                blocks.add(new Body.Quote(quoted));
            }
        }
        // Log-normal length: median about two sentences, a tail of long essays capped at 60 sentences.
        double lengthFactor = Math.exp(random.nextGaussian() * 0.8);
        int sentences = (int) Math.max(1, Math.min(60, Math.round(2.2 * lengthFactor)));
        while (sentences > 0) {
            int inParagraph = Math.min(sentences, 1 + random.nextInt(4));
            blocks.add(paragraph(inParagraph));
            sentences -= inParagraph;
            if (random.nextDouble() < 0.025) {
                blocks.add(code());
            }
        }
        if (random.nextDouble() < phraseRate) {
            blocks.add(new Body.Paragraph(List.of(new Body.Words(capitalise(plantedPhrase[0]) + " "
                    + plantedPhrase[1] + " " + sentence(3, 9).toLowerCase(java.util.Locale.ROOT)))));
        }
        return new Body(blocks);
    }

    /** A story summary of one to three paragraphs, with a link or two. */
    public Body summary() {
        List<Body.Block> blocks = new ArrayList<>();
        int paragraphs = 1 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            blocks.add(paragraph(2 + random.nextInt(4)));
        }
        return new Body(blocks);
    }

    private Body.Paragraph paragraph(int sentences) {
        List<Body.Inline> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (run.length() > 0) {
                run.append(' ');
            }
            double r = random.nextDouble();
            if (r < 0.06) {
                parts.add(new Body.Words(run.toString()));
                run.setLength(0);
                String url = url();
                parts.add(new Body.Link(url, random.nextBoolean() ? url : sentence(2, 5)));
                run.append(' ');
            } else if (r < 0.09) {
                parts.add(new Body.Words(run.toString()));
                run.setLength(0);
                parts.add(new Body.Emphasis(sentence(2, 6)));
                run.append(' ');
            }
            run.append(sentence(4, 22));
        }
        parts.add(new Body.Words(run.toString()));
        parts.removeIf(part -> part instanceof Body.Words w && w.text().isEmpty());
        return new Body.Paragraph(parts);
    }

    private Body.Code code() {
        int lines = 1 + random.nextInt(4);
        StringBuilder c = new StringBuilder();
        int start = random.nextInt(CODE_LINES.length);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                c.append('\n');
            }
            c.append(CODE_LINES[(start + i) % CODE_LINES.length]);
        }
        return new Body.Code(c.toString());
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        String s = end > 0 ? text.substring(0, end + 1) : text;
        int newline = s.indexOf('\n');
        return newline > 0 ? s.substring(0, newline) : s;
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** An invented user name. */
    public static String userName(Vocabulary vocabulary, Random random) {
        String w = vocabulary.asciiWord(100 + random.nextInt(20000));
        double style = random.nextDouble();
        if (style < 0.3) {
            return w + random.nextInt(1000);
        }
        if (style < 0.45) {
            return capitalise(w) + "_" + capitalise(vocabulary.asciiWord(100 + random.nextInt(5000)));
        }
        return w;
    }
}
