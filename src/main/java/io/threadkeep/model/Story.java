package io.threadkeep.model;

import java.time.Instant;
import java.util.List;

/**
 * A story (the thread's head) as parsed from a saved page.
 *
 * @param site                 which site the page came from
 * @param siteStoryId          the site's own id (Slashdot sid "20/10/07/2020214", HN item id, Reddit t3 id, Lobsters short id)
 * @param url                  canonical story URL: the merge key, normalised by the importer so that different
 *                             hosts and URL forms of one story are equal
 * @param title                story title
 * @param author               poster's name, null when unknown or anonymous
 * @param posted               when the story was posted, null when the page does not say
 * @param department           Slashdot's "from the ... dept." text, without the words around it
 * @param topics               topic names (Slashdot topics, subreddit, Lobsters tags)
 * @param tags                 user tags where the site shows them
 * @param summaryHtml          summary/story text as safe HTML (see {@code SafeHtml}), may be null
 * @param summaryText          the same as plain text, may be null
 * @param declaredCommentCount how many comments the page says the thread has, null if it does not say
 * @param linkUrl              the external link the story points at (HN/Reddit/Lobsters link posts), may be null;
 *                             only an http(s) link is kept (see {@link WebLinks}), any other becomes null
 */
public record Story(
        Site site,
        String siteStoryId,
        String url,
        String title,
        String author,
        Instant posted,
        String department,
        List<String> topics,
        List<String> tags,
        String summaryHtml,
        String summaryText,
        Integer declaredCommentCount,
        String linkUrl) {

    public Story {
        topics = topics == null ? List.of() : List.copyOf(topics);
        tags = tags == null ? List.of() : List.copyOf(tags);
        linkUrl = WebLinks.httpOnly(linkUrl);
    }
}
