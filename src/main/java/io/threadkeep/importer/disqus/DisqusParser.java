package io.threadkeep.importer.disqus;

import io.threadkeep.importer.HumanDates;
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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Disqus comments present in a saved DOM (the embed's own page, or a page whose save expanded the embed): each
 * comment an {@code li.post#post-N} with the author in {@code .author} (a {@code data-username} link, or plain text
 * for guests), the time in {@code a.time-ago} (full date in its {@code title}), the text in {@code .post-message},
 * likes in {@code [data-role=likes]} and replies in {@code ul.children}. The story is the page the comments belong
 * to: the embed's {@code t_u}/{@code t_d} parameters, else the page's canonical address and title. Written from the
 * embed's markup; no saved page with a rendered Disqus thread was available to check it against.
 */
public final class DisqusParser implements SiteParser {

    private static final Pattern POST_ID = Pattern.compile("^post-(\\d+)$");

    @Override
    public String name() {
        return "disqus";
    }

    @Override
    public Site site() {
        return Site.DISQUS;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().selectFirst("li.post[id~=^post-\\d+$] .post-message, "
                + "li.post[id~=^post-\\d+$] [data-role=message]") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        String threadUrl = parameter(page.url(), "t_u");
        String title = parameter(page.url(), "t_d");
        if (threadUrl == null) {
            Element canonical = doc.selectFirst("link[rel=canonical][href], meta[property=og:url][content]");
            String declared = canonical == null ? null
                    : canonical.hasAttr("href") ? canonical.attr("href") : canonical.attr("content");
            if (declared != null && !declared.contains("disqus.com/embed")) {
                threadUrl = declared;
            }
        }
        if (threadUrl == null) {
            for (Element a : doc.select("li.post a.time-ago[href*=#comment-], li.post a[data-role=relative-time]")) {
                String href = a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href");
                if (href.startsWith("http") && !href.contains("disqus.com")) {
                    threadUrl = href.replaceFirst("#.*$", "");
                    break;
                }
            }
        }
        if (threadUrl == null && page.url() != null && !page.url().contains("disqus.com")) {
            threadUrl = page.url();
        }
        if (threadUrl == null) {
            throw new NotAThreadException("Disqus comments whose page is not named in the save");
        }
        String url = normalize(threadUrl);
        if (title == null) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            title = og != null ? og.attr("content") : doc.title();
        }
        Story story = new Story(Site.DISQUS, url.replaceFirst("^https://", ""), url, SafeHtml.squash(title), null,
                null, null, List.of(), List.of(), null, null, null, null);
        List<Comment> comments = new ArrayList<>();
        for (Element li : doc.select("li.post[id~=^post-\\d+$]")) {
            Matcher m = POST_ID.matcher(li.id());
            if (m.matches()) {
                comments.add(comment(li, m.group(1), page.capturedAt()));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (doc.selectFirst("[data-action=more-posts], .load-more__button, a.load-more-refresh") != null) {
            warnings.add("the thread had more comments than the page loaded (\"Load more comments\")");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), null, List.of());
    }

    private static Comment comment(Element li, String id, Instant captured) {
        String parent = null;
        for (Element up = li.parent(); up != null; up = up.parent()) {
            Matcher m = up.normalName().equals("li") ? POST_ID.matcher(up.id()) : null;
            if (m != null && m.matches()) {
                parent = m.group(1);
                break;
            }
        }
        Element content = own(li, ".post-content, [data-role=post-content]");
        Element scope = content != null ? content : li;
        Element authorElement = scope.selectFirst(".author [data-username], .author a, .author");
        String author = authorElement == null ? null : SafeHtml.squash(authorElement.text());
        Element time = scope.selectFirst("a.time-ago, [data-role=relative-time]");
        Instant posted = null;
        String postedText = null;
        if (time != null) {
            posted = HumanDates.absolute(time.attr("title"), ZoneOffset.UTC);
            if (posted == null) {
                postedText = SafeHtml.squash(time.text());
                posted = HumanDates.resolve(postedText, captured, ZoneOffset.UTC);
                postedText = posted == null ? postedText : null;
            }
        }
        Element likes = scope.selectFirst("[data-role=likes]");
        Integer score = likes == null ? null : MarkupNumbers.firstInteger(likes.text());
        Element message = scope.selectFirst(".post-message, [data-role=message]");
        SafeHtml.Body body = message == null ? null : SafeHtml.clean(message);
        CommentState state = CommentState.NORMAL;
        if (li.hasClass("deleted") || scope.hasClass("deleted") || body != null && body.text().toLowerCase(Locale.ROOT)
                .matches("this comment (was|has been) (deleted|removed).*")) {
            state = CommentState.DELETED;
            body = null;
        }
        boolean hasBody = body != null && !body.isEmpty();
        return new Comment(id, parent, author == null || author.isEmpty() ? null : author, null, posted, postedText,
                score, null, null, hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY, state);
    }

    /** The first match that belongs to this post, not to a reply inside it. */
    private static Element own(Element li, String css) {
        for (Element e : li.select(css)) {
            if (e.closest("li.post") == li) {
                return e;
            }
        }
        return null;
    }

    private static String parameter(String url, String name) {
        if (url == null || !url.contains("disqus.com")) {
            return null;
        }
        Matcher m = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(url);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private static String normalize(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null) {
                return url.trim();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return url.trim();
        }
    }
}
