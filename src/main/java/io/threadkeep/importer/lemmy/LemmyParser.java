package io.threadkeep.importer.lemmy;

import io.threadkeep.importer.HumanDates;
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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Lemmy post pages as lemmy-ui renders them (server side, and the saved browser DOM): each comment an
 * {@code li.comment} holding {@code article#comment-N} (the author's {@code a.person-listing}, the time in
 * {@code .moment-time} with the full date in {@code data-tippy-content}, the text in {@code .md-div}) and its replies
 * in a nested list inside the same {@code li}. The post is the story, keyed by {@code https://INSTANCE/post/N}.
 * Written from lemmy-ui's component markup; no saved Lemmy page was available to check it against.
 */
public final class LemmyParser implements SiteParser {

    private static final Pattern COMMENT_ID = Pattern.compile("^comment-(\\d+)$");
    private static final Pattern POST_PATH = Pattern.compile("^(https?://[^/]+)/post/(\\d+)");
    private static final Pattern GONE = Pattern.compile("(?i)^\\*?(deleted by creator|removed by mod(erator)?|"
            + "deleted|removed)\\*?$");

    @Override
    public String name() {
        return "lemmy";
    }

    @Override
    public Site site() {
        return Site.LEMMY;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst("li.comment > article[id~=^comment-\\d+$]") != null
                && doc.selectFirst("a.person-listing, .md-div") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        String url = postUrl(doc, page.url());
        if (url == null) {
            throw new NotAThreadException("a Lemmy page that does not say which post it shows");
        }
        Matcher post = POST_PATH.matcher(url);
        post.find();
        String host = hostOf(url);
        Element listing = doc.selectFirst(".post-listing");
        String title = null;
        if (listing != null) {
            Element h = listing.selectFirst("h1, h2, h5, .post-title");
            title = h == null ? null : SafeHtml.squash(h.text());
        }
        if (title == null || title.isEmpty()) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            title = SafeHtml.squash(og != null ? og.attr("content") : doc.title()).replaceFirst("\\s+-\\s+[^-]+$", "");
        }
        String author = listing == null ? null : person(listing.selectFirst("a.person-listing"));
        Instant posted = listing == null ? null : time(listing.selectFirst(".moment-time"), page.capturedAt());
        Set<String> topics = new LinkedHashSet<>();
        if (listing != null) {
            for (Element c : listing.select("a.community-link")) {
                topics.add(SafeHtml.squash(c.text()));
            }
        }
        Element text = doc.selectFirst("#postContent .md-div, .post-listing ~ * .md-div:not(article .md-div), "
                + "#postContent");
        SafeHtml.Body summary = text == null || text.closest("article[id^=comment-]") != null ? null
                : SafeHtml.clean(text);
        boolean hasSummary = summary != null && !summary.isEmpty();
        Story story = new Story(Site.LEMMY, host + "/post/" + post.group(2), url, title, author, posted, null,
                new ArrayList<>(topics), List.of(), hasSummary ? summary.html() : null,
                hasSummary ? summary.text() : null, null, null);

        List<Comment> comments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Element article : doc.select("li.comment > article[id~=^comment-\\d+$]")) {
            Matcher id = COMMENT_ID.matcher(article.id());
            if (!id.matches()) {
                continue;
            }
            comments.add(comment(article, id.group(1), page.capturedAt()));
        }
        int more = doc.select("li.comment > div.comment-node button").size();
        if (more > 0) {
            warnings.add(more + " \"more replies\" branch" + (more == 1 ? "" : "es") + " not loaded in the page");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static Comment comment(Element article, String id, Instant captured) {
        String parent = null;
        Element li = article.parent();
        for (Element up = li == null ? null : li.parent(); up != null; up = up.parent()) {
            if (up.normalName().equals("li") && up.hasClass("comment")) {
                Element own = up.selectFirst("> article[id^=comment-]");
                Matcher m = own == null ? null : COMMENT_ID.matcher(own.id());
                if (m != null && m.matches()) {
                    parent = m.group(1);
                    break;
                }
            }
        }
        String author = person(article.selectFirst("a.person-listing"));
        Element timeElement = article.selectFirst(".moment-time");
        Instant posted = time(timeElement, captured);
        String postedText = posted == null && timeElement != null ? SafeHtml.squash(timeElement.text()) : null;
        Element md = article.selectFirst(".md-div");
        SafeHtml.Body body = md == null ? null : SafeHtml.clean(md);
        CommentState state = CommentState.NORMAL;
        if (body != null && GONE.matcher(body.text().trim()).matches()) {
            state = body.text().toLowerCase(Locale.ROOT).contains("removed") ? CommentState.REMOVED
                    : CommentState.DELETED;
            body = null;
        }
        boolean hasBody = body != null && !body.isEmpty();
        return new Comment(id, parent, author, null, posted, postedText, null, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state);
    }

    /** The person's name; people of other instances keep their "@instance" so they are not mistaken for locals. */
    private static String person(Element a) {
        if (a == null) {
            return null;
        }
        String title = a.attr("title").trim();
        String text = SafeHtml.squash(a.text());
        String name = !title.isEmpty() ? title : text;
        name = name.replaceFirst("^@", "");
        return name.isEmpty() ? null : name;
    }

    private static Instant time(Element e, Instant captured) {
        if (e == null) {
            return null;
        }
        String full = e.attr("data-tippy-content");
        String created = full.split("\\n|Modified|Edited|Bearbeitet")[0];
        Instant t = HumanDates.absolute(created, ZoneOffset.UTC);
        return t != null ? t : HumanDates.resolve(SafeHtml.squash(e.text()), captured, ZoneOffset.UTC);
    }

    private static String postUrl(Document doc, String pageUrl) {
        List<String> candidates = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            candidates.add(e.hasAttr("href") ? e.attr("href") : e.attr("content"));
        }
        if (pageUrl != null) {
            candidates.add(pageUrl);
        }
        for (String c : candidates) {
            Matcher m = POST_PATH.matcher(c.trim());
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^http://", "https://") + "/post/"
                        + m.group(2);
            }
        }
        return null;
    }

    private static String hostOf(String url) {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return "lemmy";
        }
    }
}
