package io.threadkeep.search;

/**
 * What a query is run against besides its text.
 *
 * @param currentStoryId the story the reader shows, for {@code in:this}; null when there is none (the CLI)
 */
public record SearchContext(Long currentStoryId) {

    public static final SearchContext NONE = new SearchContext(null);
}
