package io.threadkeep.bench.gen;

import java.util.Locale;

/**
 * A corpus size: how many pages and about how many comments in all.
 *
 * @param largestPageBytes the biggest page is made to be about this size (the memory benchmark imports it)
 */
public record CorpusSpec(String name, int pages, int targetComments, long seed, long largestPageBytes) {

    public static final long DEFAULT_SEED = 20_240_601L;

    public static final CorpusSpec TINY = new CorpusSpec("tiny", 6, 600, DEFAULT_SEED, 256L << 10);
    public static final CorpusSpec SMALL = new CorpusSpec("small", 100, 50_000, DEFAULT_SEED, 10L << 20);
    public static final CorpusSpec LARGE = new CorpusSpec("large", 2_000, 1_000_000, DEFAULT_SEED, 10L << 20);

    public static CorpusSpec named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> TINY;
            case "small" -> SMALL;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("unknown size " + name + " (tiny, small, large)");
        };
    }
}
