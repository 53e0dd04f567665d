package io.threadkeep.bench.gen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * An invented vocabulary with a Zipf distribution, so generated text has the frequency profile of real prose: a
 * few words in nearly every comment, a long tail of words that occur a handful of times in a million comments.
 * The first ranks are ordinary English function words (so text reads like text and "the" is the most common
 * term); everything after is made of syllables, with a share of accented, Cyrillic, Greek and CJK words so the
 * archive holds non-ASCII text.
 */
public final class Vocabulary {

    private static final String[] FUNCTION_WORDS = {
        "the", "and", "of", "to", "a", "in", "is", "that", "it", "for", "you", "was", "with", "on", "as", "have",
        "but", "be", "they", "not", "this", "are", "at", "or", "from", "by", "one", "had", "what", "all", "were",
        "we", "when", "your", "can", "there", "use", "an", "each", "which", "do", "how", "their", "if", "will",
        "up", "other", "about", "out", "many", "then", "them", "these", "so", "some", "would", "make", "like",
        "into", "time", "has", "more", "write", "see", "number", "no", "way", "could", "people", "my", "than",
        "first", "been", "who", "its", "now", "long", "down", "did", "get", "come", "made", "may", "part",
        "code", "system", "data", "software", "user", "server", "network", "problem", "company", "work", "just",
        "because", "still", "never", "really", "actually", "probably", "better", "thing", "years", "good",
    };
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "qu", "r",
        "s", "t", "v", "w", "z", "br", "cr", "dr", "fl", "gr", "kl", "pl", "pr", "sh", "st", "tr", "th", "ch"};
    private static final String[] NUCLEI = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y", "ie"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "t", "m", "x", "nd", "rk", "st"};
    private static final char[] ACCENTED = {'é', 'è', 'ü', 'ö', 'ä', 'ñ', 'ç', 'ø', 'å', 'í', 'ó', 'ß'};
    private static final char[] CYRILLIC = "абвгдежзиклмнопрстуфхцчшщыэюя".toCharArray();
    private static final char[] GREEK = "αβγδεζηθικλμνξοπρστυφχψω".toCharArray();

    private final String[] words;
    private final double[] cumulative;
    private final boolean[] ascii;

    /**
     * @param seed     fixes the words and their ranks
     * @param size     number of distinct words
     * @param exponent Zipf exponent (about 1.0 for natural language)
     */
    public Vocabulary(long seed, int size, double exponent) {
        Random random = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<String> list = new ArrayList<>(size);
        for (String w : FUNCTION_WORDS) {
            if (seen.add(w)) {
                list.add(w);
            }
        }
        while (list.size() < size) {
            String w = inventWord(random, list.size());
            if (seen.add(w)) {
                list.add(w);
            }
        }
        words = list.toArray(String[]::new);
        ascii = new boolean[size];
        for (int i = 0; i < size; i++) {
            ascii[i] = words[i].chars().allMatch(c -> c >= 'a' && c <= 'z');
        }
        cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1.0 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
    }

    private static String inventWord(Random random, int rank) {
        double script = random.nextDouble();
        // Non-ASCII words sit mostly in the tail, as foreign names and terms do in an English forum.
        if (rank > 500 && script < 0.02) {
            return fromAlphabet(random, CYRILLIC, 4 + random.nextInt(6));
        }
        if (rank > 500 && script < 0.03) {
            return fromAlphabet(random, GREEK, 4 + random.nextInt(5));
        }
        if (rank > 500 && script < 0.045) {
            StringBuilder cjk = new StringBuilder();
            int n = 2 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                cjk.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
            }
            return cjk.toString();
        }
        StringBuilder w = new StringBuilder();
        int syllables = 1 + random.nextInt(rank < 2000 ? 3 : 4);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS[random.nextInt(ONSETS.length)]).append(NUCLEI[random.nextInt(NUCLEI.length)]);
        }
        w.append(CODAS[random.nextInt(CODAS.length)]);
        if (rank > 200 && random.nextDouble() < 0.06) {
            int at = random.nextInt(w.length());
            w.setCharAt(at, ACCENTED[random.nextInt(ACCENTED.length)]);
        }
        return w.toString();
    }

    private static String fromAlphabet(Random random, char[] alphabet, int length) {
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            w.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return w.toString();
    }

    /** Draws a rank (0-based) with Zipf probability. */
    public int drawRank(Random random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public String word(int rank) {
        return words[rank];
    }

    public int size() {
        return words.length;
    }

    /** Whether the word at this rank is plain ASCII letters (usable in prefix queries and grep baselines). */
    public boolean isAsciiWord(int rank) {
        return ascii[rank];
    }

    /** The first plain-ASCII word at or after {@code rank} (wrapping), for names, hosts and URLs. */
    public String asciiWord(int rank) {
        int r = Math.floorMod(rank, words.length);
        while (!ascii[r]) {
            r = (r + 1) % words.length;
        }
        return words[r];
    }
}
