package io.threadkeep.importer.reddit;

import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reddit's web-component design (2023+): {@code shreddit-post} and nested {@code shreddit-comment} elements whose
 * attributes carry everything ({@code thingid}, {@code parentid}, {@code author}, {@code depth}, {@code score},
 * {@code created-timestamp}, {@code permalink}); bodies are in {@code div[slot=comment]}. "More replies" loaders
 * are other elements and are not comments.
 */
public final class ShredditParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "reddit-shreddit";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    @Override
    public Site site() {
        return Site.REDDIT;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().selectFirst("shreddit-comment, shreddit-post") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Element post = doc.selectFirst("shreddit-post");
        Story story = story(post, page);
        List<Comment> comments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> byDepth = new ArrayDeque<>(); // {depth, id}: the open chain above the current comment
        int missing = 0;
        for (Element el : doc.select("shreddit-comment")) {
            String id = RedditLinks.bareId(el.attr("thingid"));
            if (id == null) {
                id = RedditLinks.bareId(el.attr("id"));
            }
            if (id == null || !el.attr("thingid").isEmpty() && !el.attr("thingid").startsWith("t1_")) {
                missing++;
                continue;
            }
            if (!seen.add(id)) {
                continue;
            }
            int depth = parseDepth(el);
            while (!byDepth.isEmpty() && Integer.parseInt(byDepth.peek()[0]) >= depth) {
                byDepth.pop();
            }
            String parent = parentOf(el, story.siteStoryId(), byDepth);
            if (parent != null && seen.add(parent)) {
                comments.add(Comment.placeholder(parent, null));
            }
            comments.add(comment(el, id, parent));
            byDepth.push(new String[] {Integer.toString(depth), id});
        }
        if (missing > 0) {
            warnings.add(missing + " comment element(s) had no comment id and were left out");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static int parseDepth(Element el) {
        String d = el.attr("depth").trim();
        if (d.matches("\\d+")) {
            return Integer.parseInt(d);
        }
        int depth = 0;
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("shreddit-comment")) {
                depth++;
            }
        }
        return depth;
    }

    private static String parentOf(Element el, String storyId, Deque<String[]> byDepth) {
        String attr = el.attr("parentid").trim();
        if (!attr.isEmpty()) {
            if (attr.startsWith("t3_")) {
                return null;
            }
            String bare = RedditLinks.bareId(attr);
            return bare == null || bare.equals(storyId) ? null : bare;
        }
        Element enclosing = el.parent() == null ? null : el.parent().closest("shreddit-comment");
        if (enclosing != null) {
            return RedditLinks.bareId(enclosing.attr("thingid"));
        }
        return byDepth.isEmpty() ? null : byDepth.peek()[1];
    }

    private static Story story(Element post, Page page) throws NotAThreadException {
        String[] fromPage = RedditLinks.pageSubredditAndStory(page.document(), page.url());
        String storyId = null;
        String subreddit = null;
        if (post != null) {
            storyId = RedditLinks.bareId(post.attr("id").startsWith("t3_") ? post.attr("id") : post.attr("thingid"));
            String[] permalink = RedditLinks.subredditAndStory(post.attr("permalink"));
            if (permalink != null) {
                subreddit = permalink[0];
                storyId = storyId == null || storyId.isEmpty() ? permalink[1] : storyId;
            }
            String prefixed = post.attr("subreddit-prefixed-name");
            if (subreddit == null && prefixed.startsWith("r/")) {
                subreddit = prefixed.substring(2);
            }
            if (subreddit == null && !post.attr("subreddit-name").isEmpty()) {
                subreddit = post.attr("subreddit-name");
            }
        }
        if (fromPage != null) {
            storyId = storyId == null || storyId.isEmpty() ? fromPage[1] : storyId;
            subreddit = subreddit == null ? fromPage[0] : subreddit;
        }
        if (storyId == null && post == null) {
            Element first = page.document().selectFirst("shreddit-comment[postid]");
            storyId = first == null ? null : RedditLinks.bareId(first.attr("postid"));
        }
        if (storyId == null || storyId.isEmpty() || subreddit == null) {
            throw new NotAThreadException("a Reddit page whose post id or subreddit cannot be found");
        }
        if (post == null) {
            return new Story(Site.REDDIT, storyId, RedditLinks.storyUrl(subreddit, storyId), null, null, null, null,
                    List.of(subreddit), List.of(), null, null, null, null);
        }
        String title = post.attr("post-title");
        if (title.isEmpty()) {
            Element slot = post.selectFirst("[slot=title]");
            title = slot == null ? null : SafeHtml.squash(slot.text());
        }
        Element textBody = post.selectFirst("[slot=text-body]");
        SafeHtml.Body body = textBody == null ? null : SafeHtml.clean(textBody);
        boolean hasBody = body != null && !body.isEmpty();
        String type = post.attr("post-type");
        String contentHref = post.attr("content-href");
        boolean self = type.equals("text") || type.equals("self") || post.attr("domain").startsWith("self.")
                || contentHref.isEmpty() || RedditLinks.subredditAndStory(contentHref) != null;
        String count = post.attr("comment-count");
        return new Story(Site.REDDIT, storyId, RedditLinks.storyUrl(subreddit, storyId), title,
                RedditLinks.author(post.attr("author")), timestamp(post.attr("created-timestamp")), null,
                List.of(subreddit), List.of(), hasBody ? body.html() : null, hasBody ? body.text() : null,
                count.isEmpty() ? null : MarkupNumbers.firstInteger(count), self ? null : contentHref);
    }

    private static Comment comment(Element el, String id, String parent) {
        Element bodyElement = el.selectFirst("> [slot=comment]");
        if (bodyElement == null) {
            for (Element slot : el.select("[slot=comment]")) {
                if (slot.closest("shreddit-comment") == el) {
                    bodyElement = slot;
                    break;
                }
            }
        }
        SafeHtml.Body body = bodyElement == null ? null : SafeHtml.clean(bodyElement);
        CommentState state = body == null ? null : RedditLinks.markerState(body.text());
        if (state == null && (el.hasAttr("is-removed") || el.hasAttr("removed"))) {
            state = CommentState.REMOVED;
        }
        if (state == null && (el.hasAttr("is-deleted") || el.hasAttr("deleted"))) {
            state = CommentState.DELETED;
        }
        boolean hasBody = body != null && !body.isEmpty() && state == null;
        if (state == null && !hasBody && RedditLinks.author(el.attr("author")) == null
                && !el.attr("author").isBlank()) {
            // "[deleted]" as the author and nothing to show: the comment itself is gone.
            state = CommentState.DELETED;
        }
        String created = el.hasAttr("created-timestamp") ? el.attr("created-timestamp") : el.attr("created");
        Instant posted = timestamp(created);
        if (posted == null) {
            Element ago = el.selectFirst("faceplate-timeago[ts]");
            if (ago != null && ago.closest("shreddit-comment") == el) {
                posted = timestamp(ago.attr("ts"));
            }
        }
        String score = el.attr("score").trim();
        if (score.isEmpty()) {
            Element actions = el.selectFirst("> shreddit-comment-action-row[score]");
            score = actions == null ? "" : actions.attr("score").trim();
        }
        return new Comment(id, parent, RedditLinks.author(el.attr("author")),
                RedditLinks.bareId(el.attr("author-id").isEmpty() ? null : el.attr("author-id")), posted, null,
                score.matches("-?\\d+") ? Integer.valueOf(score) : null, null, null, hasBody ? body.html() : null,
                hasBody ? body.text() : null, hasBody ? Completeness.FULL : Completeness.METADATA_ONLY,
                state == null ? CommentState.NORMAL : state);
    }

    /** ISO timestamps as shreddit writes them, including offsets without a colon ("+0000"). */
    static Instant timestamp(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return v.matches("\\d{9,13}") ? RedditLinks.epoch(Double.parseDouble(v)) : null;
        }
    }
}
