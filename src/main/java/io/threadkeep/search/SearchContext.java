package io.threadkeep.search;

/**
 * What a query is run against besides its text.
 *
 * @param currentStoryId the story the reader shows, for {@code in:this}; null when there is none (the CLI)
 * @param adjustedScores whether {@code score:} compares the reader's adjusted scores (friends, foes, label
 *                       bonuses) rather than the scores the pages showed
 */
public record SearchContext(Long currentStoryId, boolean adjustedScores) {

    public static final SearchContext NONE = new SearchContext(null, false);

    public SearchContext(Long currentStoryId) {
        this(currentStoryId, false);
    }
}
