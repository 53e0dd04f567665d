package io.threadkeep.bench.gen;

import io.threadkeep.model.Site;
import java.time.Instant;
import java.util.List;

/**
 * The generated head of a thread.
 *
 * @param siteStoryId   Slashdot sid ("20/10/07/2020214"), HN item id, Reddit id (without t3_), Lobsters short id
 * @param discussionId  Slashdot's numeric discussion id (comments.pl?sid=...), null elsewhere
 * @param url           canonical story URL
 * @param host          host the page was served from ("yro.slashdot.org", "news.ycombinator.com"...)
 * @param topics        Slashdot topics, the subreddit, Lobsters tags
 * @param summary       story text, null for a bare link post
 * @param linkUrl       external link of a link post, null for a text post
 */
public record GenStory(
        Site site,
        String siteStoryId,
        String discussionId,
        String url,
        String host,
        String title,
        String author,
        Instant posted,
        String department,
        List<String> topics,
        Body summary,
        String linkUrl,
        int points) {
}
