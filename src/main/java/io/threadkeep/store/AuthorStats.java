package io.threadkeep.store;

import java.time.Instant;
import java.util.Map;

/**
 * What the archive holds of one author.
 *
 * @param name              the author's name as most of their comments spell it
 * @param comments          how many comments (with a body or subject) they wrote
 * @param stories           in how many stories
 * @param unscored          comments without a score
 * @param scoreDistribution score → number of comments with it, in ascending score order
 * @param first             their earliest comment's date, or null
 * @param last              their latest comment's date, or null
 */
public record AuthorStats(String name, int comments, int stories, int unscored,
                          Map<Integer, Integer> scoreDistribution, Instant first, Instant last) {

    public AuthorStats {
        scoreDistribution = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scoreDistribution));
    }
}
