package io.threadkeep.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic vocabulary whose word frequencies follow Zipf's law, as natural-language text does: word 1 is as
 * common as "the", the tail is made of words that occur a handful of times in a million comments. Words are built
 * from syllables, so they share prefixes the way real words do (which is what prefix queries exercise).
 */
final class ZipfVocabulary {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
        "v", "w", "z", "br", "ch", "cl", "dr", "fl", "gr", "pl", "sh", "st", "th", "tr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "ck", "nd", "st"};

    private final List<String> words;
    private final double[] cumulative;

    ZipfVocabulary(long seed, int size, double exponent) {
        Random random = new Random(seed);
        Set<String> unique = new LinkedHashSet<>();
        while (unique.size() < size) {
            // Common words are short, as in real text: the syllable count grows with the rank.
            int rank = unique.size() + 1;
            int syllables = rank < 50 ? 1 : rank < 2000 ? 1 + random.nextInt(2) : 2 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[random.nextInt(CODAS.length)]);
            unique.add(w.toString());
        }
        words = List.copyOf(unique);
        cumulative = new double[size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            sum += 1.0 / Math.pow(r + 1, exponent);
            cumulative[r] = sum;
        }
        for (int r = 0; r < size; r++) {
            cumulative[r] /= sum;
        }
    }

    int size() {
        return words.size();
    }

    /** The word of the given 1-based frequency rank. */
    String word(int rank) {
        return words.get(rank - 1);
    }

    /** A word drawn with Zipf probabilities. */
    String sample(Random random) {
        return words.get(sampleRank(random) - 1);
    }

    /** A 1-based rank drawn with Zipf probabilities. */
    int sampleRank(Random random) {
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
        return lo + 1;
    }

    /** The expected share of words that are the word of this rank. */
    double probability(int rank) {
        return rank == 1 ? cumulative[0] : cumulative[rank - 1] - cumulative[rank - 2];
    }
}
