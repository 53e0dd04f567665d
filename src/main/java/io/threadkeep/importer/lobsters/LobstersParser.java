package io.threadkeep.importer.lobsters;

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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Lobsters story pages, both markup generations: the older one (users at {@code /u/name}, {@code div.score},
 * times as {@code <span|label title="2014-03-02 10:11:12 -0600">}) and the current one (users at {@code /~name},
 * the score in the upvoter link, {@code time[data-at-unix]}). Either way each comment is a
 * {@code div.comment[data-shortid]} inside an {@code li.comments_subtree} whose {@code ol.comments} holds its
 * replies.
 */
public final class LobstersParser implements SiteParser {

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "lobsters";
    }

    /** Raise when what this parser extracts changes: the pages it read before are then read again. */
    @Override
    public int version() {
        return 1;
    }

    private static final Pattern TITLE_TIME = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d)[ T](\\d\\d:\\d\\d:\\d\\d)(?:\\s*([+-]\\d\\d:?\\d\\d|Z|UTC))?");
    private static final Pattern USER_HREF = Pattern.compile("(?:^|/)(?:~|u/)([A-Za-z0-9_-]+)/?$");
    private static final Pattern SHORT_ID = Pattern.compile("/s/([a-z0-9]+)");
    /** Lobsters prints times without a zone in its own time zone. */
    private static final ZoneId SERVER_ZONE = ZoneId.of("America/Chicago");

    @Override
    public Site site() {
        return Site.LOBSTERS;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        if (doc.selectFirst("li.story[data-shortid], div.comment[data-shortid], li.comments_subtree") == null) {
            return false;
        }
        String url = page.url() == null ? "" : page.url();
        Element canonical = doc.selectFirst("link[rel=canonical][href^=http]");
        if (canonical != null && !canonical.attr("href").contains("lobste.rs")) {
            // Other sites run the same software (their own hosts, their own ids): their stories are not Lobsters'.
            return false;
        }
        return url.contains("lobste.rs") || doc.selectFirst("a[href*=lobste.rs], link[title=Lobsters], "
                + "ol.comments, li.story[data-shortid]") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Element storyElement = doc.selectFirst("li.story[data-shortid], div.story[data-shortid], li[id^=story_]");
        List<Element> commentElements = new ArrayList<>();
        for (Element e : doc.select("div.comment")) {
            if (commentId(e) != null) {
                commentElements.add(e);
            }
        }
        if (storyElement == null || doc.select("li.story").size() > 1 && commentElements.isEmpty()) {
            throw new NotAThreadException("a Lobsters listing page, not a story's comments");
        }
        Story story = story(doc, storyElement, page);
        List<Comment> comments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element e : commentElements) {
            String id = commentId(e);
            if (!seen.add(id)) {
                continue;
            }
            String parent = parentId(e);
            if (parent != null && seen.add(parent)) {
                comments.add(Comment.placeholder(parent, null));
            }
            comments.add(comment(e, id, parent));
        }
        Instant captured = page.capturedAt();
        if (captured == null) {
            String now = doc.body() == null ? "" : doc.body().attr("data-now-unix").trim();
            if (now.matches("\\d{9,11}")) {
                captured = Instant.ofEpochSecond(Long.parseLong(now));
            }
        }
        return new ParsedThread(story, comments, warnings, captured, null, List.of());
    }

    private static String commentId(Element e) {
        String shortId = e.attr("data-shortid").trim();
        if (shortId.matches("[a-z0-9]+")) {
            return shortId;
        }
        String id = e.id();
        return id.matches("c_[a-z0-9]+") ? id.substring(2) : null;
    }

    /** The comment whose subtree holds this one: the nearest enclosing list item that has its own comment. */
    private static String parentId(Element comment) {
        Element own = comment.parent();
        for (Element li = own == null ? null : own.parent(); li != null; li = li.parent()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            for (Element child : li.children()) {
                if (child.normalName().equals("div") && child.hasClass("comment") && child != comment) {
                    String id = commentId(child);
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    private static Story story(Document doc, Element el, Page page) throws NotAThreadException {
        String shortId = el.attr("data-shortid").trim();
        if (shortId.isEmpty() && el.id().startsWith("story_")) {
            shortId = el.id().substring("story_".length());
        }
        if (shortId.isEmpty()) {
            Matcher m = SHORT_ID.matcher(page.url() == null ? "" : page.url());
            shortId = m.find() ? m.group(1) : "";
        }
        if (shortId.isEmpty()) {
            throw new NotAThreadException("a Lobsters page whose story id cannot be found");
        }
        Element titleLink = el.selectFirst(".link a.u-url, .link > a, span.link a");
        String title = titleLink == null ? null : SafeHtml.squash(titleLink.text());
        String linkUrl = null;
        if (titleLink != null) {
            String href = titleLink.attr("href").trim();
            boolean self = href.startsWith("/s/") || SHORT_ID.matcher(href).find() && href.contains("lobste.rs");
            linkUrl = self || href.isEmpty() ? null : href;
        }
        Element byline = el.selectFirst("div.byline");
        String author = byline == null ? null : userOf(byline);
        Instant posted = byline == null ? null : timeOf(byline);
        List<String> tags = new ArrayList<>();
        for (Element tag : el.select("a.tag")) {
            String t = SafeHtml.squash(tag.text());
            if (!t.isEmpty() && !tags.contains(t)) {
                tags.add(t);
            }
        }
        Integer declared = null;
        Element count = el.selectFirst("span.comments_label a, span.comments_label");
        if (count != null) {
            declared = MarkupNumbers.firstInteger(count.text());
        } else if (byline != null) {
            // The older byline links "N comments" to the story itself.
            for (Element a : byline.select("a[href*=/s/" + shortId + "]")) {
                Integer n = MarkupNumbers.firstInteger(a.text());
                if (n != null) {
                    declared = n;
                }
            }
        }
        Element text = doc.selectFirst("div.story_text");
        SafeHtml.Body body = text == null ? null : SafeHtml.clean(text);
        boolean hasBody = body != null && !body.isEmpty();
        return new Story(Site.LOBSTERS, shortId, "https://lobste.rs/s/" + shortId, title, author, posted, null,
                tags, List.of(), hasBody ? body.html() : null, hasBody ? body.text() : null, declared, linkUrl);
    }

    private static Comment comment(Element e, String id, String parent) {
        Element details = e.selectFirst("> div.details");
        Element byline = (details != null ? details : e).selectFirst("div.byline");
        String author = byline == null ? null : userOf(byline);
        Instant posted = byline == null ? null : timeOf(byline);
        Integer score = null;
        Element voters = e.selectFirst("> div.voters");
        if (voters != null) {
            Element scoreElement = voters.selectFirst("div.score");
            if (scoreElement == null) {
                scoreElement = voters.selectFirst("a.upvoter, .upvoter");
            }
            if (scoreElement != null) {
                String shown = scoreElement.hasAttr("title") ? scoreElement.attr("title") : scoreElement.text();
                score = MarkupNumbers.firstInteger(shown);
            }
        }
        Element textElement = (details != null ? details : e).selectFirst("div.comment_text");
        CommentState state = CommentState.NORMAL;
        SafeHtml.Body body = null;
        if (textElement != null) {
            Element gone = textElement.selectFirst("span.na");
            if (gone != null) {
                String why = gone.text().toLowerCase(Locale.ROOT);
                state = why.contains("moderator") || why.contains("banned") ? CommentState.REMOVED
                        : CommentState.DELETED;
            } else {
                body = SafeHtml.clean(textElement);
            }
        }
        if (state == CommentState.NORMAL && (e.hasClass("deleted") || e.hasClass("moderated"))) {
            state = e.hasClass("moderated") ? CommentState.REMOVED : CommentState.DELETED;
        }
        boolean hasBody = body != null && !body.isEmpty();
        return new Comment(id, parent, author, null, posted, null, score, null, null, hasBody ? body.html() : null,
                hasBody ? body.text() : null, hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state);
    }

    /** The name of the first user link with visible text (the avatar link before it has none). */
    private static String userOf(Element byline) {
        for (Element a : byline.select("a[href]")) {
            Matcher m = USER_HREF.matcher(a.attr("href").trim());
            if (m.find() && !a.text().isBlank()) {
                return a.text().trim();
            }
        }
        return null;
    }

    private static Instant timeOf(Element byline) {
        Element unix = byline.selectFirst("[data-at-unix]");
        if (unix != null && unix.attr("data-at-unix").trim().matches("\\d{9,11}")) {
            return Instant.ofEpochSecond(Long.parseLong(unix.attr("data-at-unix").trim()));
        }
        Element time = byline.selectFirst("time[datetime]");
        if (time != null) {
            Instant t = parseTitleTime(time.attr("datetime"));
            if (t != null) {
                return t;
            }
        }
        for (Element titled : byline.select("[title]")) {
            Instant t = parseTitleTime(titled.attr("title"));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    static Instant parseTitleTime(String value) {
        Matcher m = TITLE_TIME.matcher(value == null ? "" : value);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2),
                    DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            String zone = m.group(3);
            if (zone == null) {
                return local.atZone(SERVER_ZONE).toInstant();
            }
            if (zone.equals("Z") || zone.equals("UTC")) {
                return local.toInstant(java.time.ZoneOffset.UTC);
            }
            String offset = zone.contains(":") ? zone : zone.substring(0, 3) + ":" + zone.substring(3);
            return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + offset).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
