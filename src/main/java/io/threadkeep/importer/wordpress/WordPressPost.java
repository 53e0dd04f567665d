package io.threadkeep.importer.wordpress;

import io.threadkeep.importer.HumanDates;
import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a WordPress page says about its post (the story of a comment section): title, author, date, content,
 * categories and tags, by the markup themes share (the {@code hentry} microformat, {@code entry-*} classes, Open
 * Graph and article meta tags). Also the blog's time zone, which WordPress prints comment times in without naming.
 */
final class WordPressPost {

    /** Query parameters that never identify a post: comment replies, paging, tracking. */
    private static final Pattern DROPPED_PARAMETER = Pattern.compile(
            "(?i)^(replytocom|cpage|unapproved|moderation-hash|amp|utm_[a-z]+|fbclid|gclid|share|sort|order|"
                    + "orderby|wpdiscuz[a-z_]*|wc_[a-z_]*|preview|nocache|ver)(=.*)?$");
    private static final Pattern COMMENT_PAGE = Pattern.compile("/comment-page-\\d+/?$");

    private WordPressPost() {
    }

    static boolean isWordPress(Document doc) {
        Element generator = doc.selectFirst("meta[name=generator][content]");
        if (generator != null && generator.attr("content").toLowerCase(Locale.ROOT).startsWith("wordpress")) {
            return true;
        }
        return doc.selectFirst("link[href*=/wp-content/], script[src*=/wp-content/], script[src*=/wp-includes/], "
                + "link[href*=/wp-includes/], link[rel=https://api.w.org/], img[src*=/wp-content/], "
                + "a.comment-reply-link, #wpdcom, #wpcomm, [id^=wpd-comm-], [id^=wc-comm-]") != null;
    }

    /** The post's canonical URL: the declared address without comment paging, reply and tracking parameters. */
    static String canonicalUrl(Document doc, Page page) {
        List<String> candidates = new ArrayList<>();
        for (Element e : doc.select("link[rel=canonical][href], meta[property=og:url][content]")) {
            candidates.add(e.hasAttr("href") ? e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href")
                    : e.attr("content"));
        }
        if (page.url() != null) {
            candidates.add(page.url());
        }
        for (String c : candidates) {
            String url = normalize(c);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(raw.trim().replace(" ", "%20"));
            if (uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT)
                    .startsWith("http")) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (host.equals("web.archive.org")) {
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            path = COMMENT_PAGE.matcher(path).replaceFirst("/");
            StringBuilder query = new StringBuilder();
            if (uri.getRawQuery() != null) {
                for (String part : uri.getRawQuery().split("&")) {
                    if (part.isEmpty() || DROPPED_PARAMETER.matcher(part).matches()) {
                        continue;
                    }
                    query.append(query.length() == 0 ? "?" : "&").append(part);
                }
            }
            // Scheme and port are not part of a post's identity; https is what blogs serve today.
            return "https://" + host + path + query;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The blog's offset from UTC, read from a date the page prints with one (the article's published time or a
     * {@code time[datetime]}); UTC when the page never says.
     */
    static ZoneId zone(Document doc) {
        for (Element e : doc.select("meta[property=article:published_time][content], "
                + "meta[property=article:modified_time][content], time[datetime]")) {
            String value = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
            try {
                return OffsetDateTime.parse(value.trim()).getOffset();
            } catch (DateTimeParseException ignored) {
                // not every time element carries an offset; the next one may
            }
        }
        return ZoneOffset.UTC;
    }

    static Story story(Document doc, Page page, String url, Element commentsArea) {
        String title = firstText(doc, "article h1.entry-title, h1.entry-title, .hentry .entry-title, "
                + "h1.post-title, h2.post-title, .post h1, article h1, h1[itemprop=headline], .entry-title, "
                + ".hentry h2, .post h2");
        if (title == null) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            title = og != null ? SafeHtml.squash(og.attr("content")) : SafeHtml.squash(doc.title());
        }
        String author = null;
        Element metaAuthor = doc.selectFirst("meta[name=author][content]");
        if (metaAuthor != null && !metaAuthor.attr("content").isBlank()) {
            author = SafeHtml.squash(metaAuthor.attr("content"));
        }
        if (author == null) {
            author = firstText(doc, ".entry-meta .author a, .entry-meta .author, .byline .author a, "
                    + ".byline .author, a[rel=author], .post-author a, .entry-author-name, "
                    + ".author.vcard .fn, [itemprop=author] [itemprop=name]");
        }
        if (author != null) {
            author = author.replaceFirst("(?i)^(by|von)\\s+", "");
        }
        ZoneId zone = zone(doc);
        Instant posted = null;
        Element published = doc.selectFirst("meta[property=article:published_time][content]");
        if (published != null) {
            posted = HumanDates.absolute(published.attr("content"), zone);
        }
        if (posted == null) {
            Element time = doc.selectFirst("time.entry-date[datetime], .entry-meta time[datetime], "
                    + "time.published[datetime], .posted-on time[datetime], article header time[datetime], "
                    + "abbr.published[title]");
            if (time != null) {
                posted = HumanDates.absolute(time.hasAttr("datetime") ? time.attr("datetime") : time.attr("title"),
                        zone);
            }
        }
        List<String> categories = texts(doc, "a[rel~=category]");
        List<String> tags = texts(doc, "a[rel=tag]:not([rel~=category])");
        tags.removeAll(categories);
        SafeHtml.Body body = content(doc, commentsArea);
        boolean hasBody = body != null && !body.isEmpty();
        Element siteName = doc.selectFirst("meta[property=og:site_name][content]");
        String blog = siteName == null ? null : SafeHtml.squash(siteName.attr("content"));
        return new Story(Site.WORDPRESS, storyId(url), url, title, author, posted,
                blog == null || blog.isEmpty() ? null : blog, categories, tags,
                hasBody ? body.html() : null, hasBody ? body.text() : null, declaredCount(doc), null);
    }

    /** The host and path: unique across blogs, stable across the page's address forms. */
    static String storyId(String url) {
        return url.replaceFirst("^https?://", "");
    }

    private static SafeHtml.Body content(Document doc, Element commentsArea) {
        for (String css : List.of(".entry-content", ".post-content", "[itemprop=articleBody]", ".post-entry",
                ".article-content", ".entry", ".storycontent", ".post-text")) {
            for (Element e : doc.select(css)) {
            if (commentsArea != null && (commentsArea == e || e.parents().contains(commentsArea)
                    || commentsArea.parents().contains(e))) {
                continue;
            }
            if (e.closest("li[id^=comment-], [id^=div-comment-], .comment") != null) {
                continue;
            }
            SafeHtml.Body body = SafeHtml.clean(e);
            if (!body.isEmpty()) {
                return body;
            }
          }
        }
        return null;
    }

    private static Integer declaredCount(Document doc) {
        for (Element heading : doc.select(".comments-title, #comments-title, h2#comments, h3#comments, "
                + "#comments > h2, #comments > h3, .comments-area > h2, .comments-area > h3, .comments-header h2")) {
            Integer n = MarkupNumbers.firstInteger(heading.text());
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** The text of the first element matching the first of the comma-separated selectors that matches. */
    private static String firstText(Document doc, String css) {
        for (String one : css.split(",\\s*")) {
            for (Element e : doc.select(one)) {
                String t = SafeHtml.squash(e.text());
                if (t != null && !t.isEmpty()) {
                    return t;
                }
            }
        }
        return null;
    }

    private static List<String> texts(Document doc, String css) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : doc.select(css)) {
            String t = SafeHtml.squash(e.text());
            if (t != null && !t.isEmpty() && t.length() < 80) {
                out.add(t);
            }
        }
        return new ArrayList<>(out);
    }
}
