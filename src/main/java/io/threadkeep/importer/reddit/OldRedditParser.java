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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reddit's original design (2008 to today's old.reddit.com): {@code div.thing} elements nested through
 * {@code div.child}. The interface can be in any language, so everything is read from data attributes, classes and
 * {@code time[datetime]}, never from visible words. "Load more comments" stubs ({@code morechildren},
 * {@code morerecursion}) are not comments.
 */
public final class OldRedditParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "reddit-old";
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
        Document doc = page.document();
        return doc.selectFirst("div.thing[data-fullname], div.thing[data-subreddit], div.thing.link, div.thing.comment")
                != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Element link = storyThing(doc);
        List<Element> things = new ArrayList<>();
        for (Element thing : doc.select("div.thing.comment")) {
            if (!isStub(thing)) {
                things.add(thing);
            }
        }
        if (link == null || doc.select("div.thing.link").size() > 1 && things.isEmpty()) {
            throw new NotAThreadException("a Reddit listing page, not a comment thread");
        }
        Story story = story(page, link);
        List<Comment> comments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int missingIds = 0;
        for (Element thing : things) {
            String id = thingId(thing);
            if (id == null) {
                missingIds++;
                continue;
            }
            if (!seen.add(id)) {
                continue;
            }
            String parent = parentId(thing, story.siteStoryId());
            if (parent != null && !seen.contains(parent)) {
                comments.add(Comment.placeholder(parent, null));
                seen.add(parent);
            }
            comments.add(comment(thing, id, parent));
        }
        if (missingIds > 0) {
            warnings.add(missingIds + " comment(s) had no id on the page and were left out");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static Element storyThing(Document doc) {
        Element byType = doc.selectFirst("div.thing[data-type=link], div.thing[data-fullname^=t3_]");
        if (byType != null) {
            return byType;
        }
        return doc.selectFirst("div.thing.link");
    }

    private static boolean isStub(Element thing) {
        String type = thing.attr("data-type");
        return thing.hasClass("morechildren") || thing.hasClass("morerecursion") || type.equals("morechildren")
                || type.equals("morerecursion");
    }

    private static Story story(Page page, Element link) throws NotAThreadException {
        String storyId = RedditLinks.bareId(link.attr("data-fullname"));
        if (storyId == null || storyId.isEmpty()) {
            storyId = RedditLinks.findFullname(link.className() + " " + link.id(), 3);
        }
        String subreddit = link.attr("data-subreddit");
        String[] fromPage = RedditLinks.pageSubredditAndStory(page.document(), page.url());
        String[] fromLink = RedditLinks.subredditAndStory(firstNonEmpty(link.attr("data-permalink"),
                link.attr("data-url"), attrOf(link.selectFirst("a.comments, a.bylink"), "href")));
        if (storyId == null) {
            storyId = fromLink != null ? fromLink[1] : fromPage != null ? fromPage[1] : null;
        }
        if (subreddit.isEmpty()) {
            subreddit = fromLink != null ? fromLink[0] : fromPage != null ? fromPage[0] : "";
        }
        if (storyId == null || subreddit.isEmpty()) {
            throw new NotAThreadException("a Reddit page whose post id or subreddit cannot be found");
        }
        Element titleLink = link.selectFirst("a.title");
        String title = titleLink == null ? null : SafeHtml.squash(titleLink.text());
        String author = RedditLinks.author(link.attr("data-author"));
        if (author == null && !link.hasAttr("data-author")) {
            Element a = link.selectFirst("> div.entry a.author, p.tagline a.author");
            author = a == null ? null : RedditLinks.author(a.text());
        }
        Instant posted = null;
        String timestamp = link.attr("data-timestamp");
        if (timestamp.matches("\\d+")) {
            posted = RedditLinks.epoch(Double.parseDouble(timestamp));
        }
        if (posted == null) {
            posted = datetime(link.selectFirst("p.tagline time[datetime]"));
        }
        boolean self = link.hasClass("self") || link.attr("data-domain").startsWith("self.");
        String linkUrl = null;
        if (!self) {
            String target = firstNonEmpty(link.attr("data-url"), titleLink == null ? "" : titleLink.attr("href"));
            if (target.startsWith("/")) {
                target = "https://www.reddit.com" + target;
            }
            linkUrl = target.isEmpty() ? null : target;
        }
        Integer declared = null;
        String count = link.attr("data-comments-count");
        if (count.matches("\\d+")) {
            declared = Integer.parseInt(count);
        } else {
            Element commentsLink = link.selectFirst("a.comments");
            declared = commentsLink == null ? null : MarkupNumbers.firstInteger(commentsLink.text());
        }
        Element md = link.selectFirst("div.expando div.usertext-body div.md, div.usertext-body div.md");
        SafeHtml.Body body = md == null ? null : SafeHtml.clean(md);
        List<String> flair = new ArrayList<>();
        for (Element label : link.select("span.linkflairlabel")) {
            String text = SafeHtml.squash(label.hasAttr("title") ? label.attr("title") : label.text());
            if (!text.isEmpty()) {
                flair.add(text);
            }
        }
        return new Story(Site.REDDIT, storyId, RedditLinks.storyUrl(subreddit, storyId), title, author, posted, null,
                List.of(subreddit), flair, body == null || body.isEmpty() ? null : body.html(),
                body == null || body.isEmpty() ? null : body.text(), declared, linkUrl);
    }

    /**
     * The comment's id. Deleted comments lose {@code data-fullname} and the element id, but their report form
     * still names them.
     */
    static String thingId(Element thing) {
        String id = RedditLinks.bareId(thing.attr("data-fullname"));
        if (id != null && !id.isEmpty()) {
            return id;
        }
        id = RedditLinks.findFullname(thing.id() + " " + thing.className(), 1);
        if (id != null) {
            return id;
        }
        Element entry = thing.selectFirst("> div.entry");
        Element scope = entry != null ? entry : thing;
        for (Element e : scope.select("div.reportform[class*=report-t1_], input[name=thing_id], form[id^=form-t1_]")) {
            String found = RedditLinks.findFullname(e.className() + " " + e.val() + " " + e.id(), 1);
            if (found != null) {
                return found;
            }
        }
        Element anchor = thing.selectFirst("> p.parent > a[name]");
        if (anchor != null && anchor.attr("name").matches("[a-z0-9]+")) {
            return anchor.attr("name");
        }
        return null;
    }

    private static String parentId(Element thing, String storyId) {
        Element parent = thing.parent() == null ? null : thing.parent().closest("div.thing");
        if (parent != null && parent.hasClass("comment")) {
            return thingId(parent);
        }
        // A permalink page can start below the top level: the "parent" button names the comment above it.
        Element parentButton = thing.selectFirst("> div.entry a[data-event-action=parent][href]");
        if (parentButton != null) {
            String href = parentButton.attr("href");
            String target = href.contains("#") ? href.substring(href.indexOf('#') + 1)
                    : href.replaceAll("[?#].*$", "").replaceAll("/+$", "").replaceAll("^.*/", "");
            if (target.matches("[a-z0-9]+") && !target.equals(storyId)) {
                return target;
            }
        }
        return null;
    }

    private static Comment comment(Element thing, String id, String parentId) {
        Element entry = thing.selectFirst("> div.entry");
        Element tagline = entry == null ? null : entry.selectFirst("p.tagline");
        String author = RedditLinks.author(thing.attr("data-author"));
        if (author == null && !thing.hasAttr("data-author") && tagline != null) {
            Element a = tagline.selectFirst("a.author");
            author = a == null ? null : RedditLinks.author(a.text());
        }
        String authorId = RedditLinks.bareId(thing.attr("data-author-fullname"));
        if (authorId == null && tagline != null) {
            Element a = tagline.selectFirst("a.author[class*=id-t2_]");
            authorId = a == null ? null : RedditLinks.findFullname(a.className(), 2);
        }
        Instant posted = null;
        String postedText = null;
        if (tagline != null) {
            Element time = tagline.selectFirst("time[datetime]:not(.edited-timestamp)");
            posted = datetime(time);
            postedText = time == null ? null : SafeHtml.squash(time.text());
        }
        Integer score = null;
        if (!thing.hasClass("score-hidden") && tagline != null) {
            String data = thing.attr("data-score");
            if (data.matches("-?\\d+")) {
                score = Integer.parseInt(data);
            } else {
                Element s = tagline.selectFirst("span.score.unvoted");
                if (s != null) {
                    score = MarkupNumbers.firstInteger(s.hasAttr("title") ? s.attr("title") : s.text());
                }
            }
        }
        Element md = entry == null ? null : entry.selectFirst("div.usertext-body div.md");
        SafeHtml.Body body = md == null ? null : SafeHtml.clean(md);
        CommentState state = body == null ? null : RedditLinks.markerState(body.text());
        if (state == null && thing.hasClass("deleted")) {
            state = CommentState.DELETED;
        }
        boolean hasBody = body != null && !body.isEmpty() && RedditLinks.markerState(body.text()) == null;
        return new Comment(id, parentId, author, authorId, posted, postedText, score, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state == null ? CommentState.NORMAL : state);
    }

    private static Instant datetime(Element time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.attr("datetime").trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String attrOf(Element e, String attr) {
        return e == null ? "" : e.attr(attr);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
