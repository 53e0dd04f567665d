package io.threadkeep.importer.forum;

import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * XenForo thread pages of both generations: XenForo 2 ({@code article.message--post[data-content=post-N]}, times
 * as {@code time[data-time]}, quotes as {@code blockquote[data-source="post: N"]} or with a
 * {@code goto/post?id=N} source link) and XenForo 1 ({@code li.message#post-N[data-author]}, bodies in
 * {@code blockquote.messageText}, times as {@code abbr.DateTime[data-time]} or {@code span.DateTime[title]}).
 */
public final class XenForoParser implements SiteParser {

    private static final String XF2_POSTS = "article.message--post[data-content^=post-], "
            + "article.message--post[id^=js-post-]";
    private static final String XF1_POSTS = "li.message[id^=post-][data-author]";
    private static final Pattern POST_ID = Pattern.compile("post-(\\d+)");
    private static final Pattern QUOTED = Pattern.compile("(?:post:\\s*|goto/post\\?id=|/posts/|post-)(\\d+)");
    private static final Pattern THREAD_ID = Pattern.compile("/threads/(?:[^/]*\\.)?(\\d+)/?");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("/threads/[^/]+/(page-\\d+/?)$");
    private static final Pattern OTHERS = Pattern.compile("(\\d[\\d.,]*)\\s*(?:others?|weitere|andere)");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "xenforo";
    }

    @Override
    public Site site() {
        return Site.XENFORO;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst(XF2_POSTS) != null && doc.selectFirst(".message-body, .bbWrapper") != null
                || doc.selectFirst(XF1_POSTS) != null && doc.selectFirst("blockquote.messageText") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        boolean xf2 = doc.selectFirst(XF2_POSTS) != null;
        List<String> warnings = new ArrayList<>();
        List<ForumPost> posts = new ArrayList<>();
        for (Element e : doc.select(xf2 ? XF2_POSTS : XF1_POSTS)) {
            if (e.parents().stream().anyMatch(p -> p.is(XF2_POSTS + ", " + XF1_POSTS))) {
                continue;
            }
            ForumPost post = xf2 ? xf2Post(e, page) : xf1Post(e, page);
            if (post != null) {
                posts.add(post);
            }
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("a XenForo page without posts");
        }
        String pageUrl = ForumMarkup.pageUrl(doc, page);
        String url = ForumMarkup.threadUrl(pageUrl, PAGE_SUFFIX);
        String threadId = threadId(doc, url);
        if (url == null) {
            throw new NotAThreadException("a XenForo thread page whose address cannot be found");
        }
        int pageNumber = pageNumber(doc, pageUrl);
        Integer firstNumber = posts.get(0).number();
        boolean firstIsOpening = firstNumber != null ? firstNumber == 1 : pageNumber == 1;
        String title = title(doc, xf2);
        String board = board(doc, xf2);
        ForumHead head = new ForumHead(threadId, url, title, board, pageNumber, null, null, firstIsOpening);
        return ForumThreads.build(Site.XENFORO, head, posts, page, warnings);
    }

    private static ForumPost xf2Post(Element e, Page page) {
        Matcher id = POST_ID.matcher(e.attr("data-content") + " " + e.id());
        if (!id.find()) {
            return null;
        }
        Element user = ForumMarkup.first(e, ".message-name .username", ".message-userDetails .username", "h4.message-name");
        String author = e.hasAttr("data-author") ? SafeHtml.squash(e.attr("data-author")) : null;
        if ((author == null || author.isEmpty()) && user != null) {
            author = SafeHtml.squash(user.text());
        }
        Element userLink = e.selectFirst(".message-name [data-user-id], .message-avatar [data-user-id]");
        String authorId = userLink == null || "0".equals(userLink.attr("data-user-id")) ? null
                : userLink.attr("data-user-id");
        Element header = e.selectFirst("header.message-attribution, .message-attribution");
        Element time = header == null ? e.selectFirst("time.u-dt") : header.selectFirst("time");
        ForumDates.Posted posted = time == null ? null
                : ForumDates.either(time.hasAttr("data-time") ? time.attr("data-time") : time.attr("datetime"),
                time.attr("title").isEmpty() ? time.text() : time.attr("title"), page.capturedAt());
        Integer number = null;
        if (header != null) {
            for (Element a : header.select("a, span")) {
                String t = a.text().trim();
                if (t.matches("#\\s*[\\d.,]+")) {
                    number = ForumMarkup.number(t);
                }
            }
        }
        Integer score = reactions(e.selectFirst(".reactionsBar, .likesBar"));
        Element content = ForumMarkup.first(e, ".message-body .bbWrapper", ".message-body", ".message-content .bbWrapper");
        List<String> quoted = content == null ? List.of()
                : ForumMarkup.linkedIds(content, "blockquote[data-source], a.bbCodeBlock-sourceJump[href], "
                        + ".bbCodeBlock--quote a[href*=goto/post]", QUOTED);
        SafeHtml.Body body = ForumMarkup.body(content, "script, .bbCodeBlock-expandLink, .js-selectToQuoteEnd, "
                + ".message-signature, .message-lastEdit, .bbCodeBlock-shrinkLink", "div.bbCodeBlock--quote");
        CommentState state = e.hasClass("message--deleted") ? CommentState.DELETED : CommentState.NORMAL;
        return new ForumPost(id.group(1), emptyToNull(author), authorId, posted, number, score, body, quoted, state);
    }

    private static ForumPost xf1Post(Element e, Page page) {
        Matcher id = POST_ID.matcher(e.id());
        if (!id.find()) {
            return null;
        }
        String author = emptyToNull(SafeHtml.squash(e.attr("data-author")));
        Element userLink = e.selectFirst(".messageUserInfo a.username[href], .userText a.username[href]");
        String authorId = null;
        if (userLink != null) {
            Matcher m = Pattern.compile("members/(?:[^/]*\\.)?(\\d+)/").matcher(userLink.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element time = ForumMarkup.first(e, ".messageMeta .DateTime", ".DateTime");
        ForumDates.Posted posted = null;
        if (time != null) {
            String shown = time.hasAttr("title") ? time.attr("title") : time.text();
            posted = ForumDates.either(time.attr("data-time"), shown, page.capturedAt());
        }
        Integer number = ForumMarkup.number(ForumMarkup.text(e, ".messageMeta a.postNumber, a.postNumber"));
        Integer score = reactions(e.selectFirst(".likesSummary"));
        Element content = e.selectFirst("blockquote.messageText");
        List<String> quoted = content == null ? List.of()
                : ForumMarkup.linkedIds(content, "div.bbCodeQuote[data-source], a.AttributionLink[href]", QUOTED);
        SafeHtml.Body body = ForumMarkup.body(content, "script, .messageTextEndMarker, .quoteExpand, "
                + ".signature, .editDate, .attribution .AttributionLink", null);
        CommentState state = e.hasClass("deleted") ? CommentState.DELETED : CommentState.NORMAL;
        return new ForumPost(id.group(1), author, authorId, posted, number, score, body, quoted, state);
    }

    /** "A, B and 3 others": the people named plus the others counted; a shown count wins. */
    static Integer reactions(Element bar) {
        if (bar == null) {
            return null;
        }
        int counted = 0;
        boolean any = false;
        for (Element count : bar.select(".reactionCount")) {
            Integer n = MarkupNumbers.firstInteger(count.text());
            if (n != null) {
                counted += n;
                any = true;
            }
        }
        if (any) {
            return counted;
        }
        Element link = bar.selectFirst("a.reactionsBar-link, .LikeText, a[href*=/likes], a[href*=/reactions]");
        if (link == null) {
            return null;
        }
        int names = link.select("bdi, a.username").size();
        Matcher others = OTHERS.matcher(bar.text());
        int more = others.find() ? MarkupNumbers.firstInteger(others.group(1)) : 0;
        return names + more > 0 ? names + more : null;
    }

    private static String threadId(Document doc, String url) {
        String key = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("data-content-key");
        if (key.startsWith("thread-")) {
            return key.substring("thread-".length());
        }
        Matcher m = THREAD_ID.matcher(url == null ? "" : url);
        return m.find() ? m.group(1) : null;
    }

    private static int pageNumber(Document doc, String url) {
        Element current = doc.selectFirst(".pageNav-page--current, .PageNav a.currentPage");
        Integer n = current == null ? null : MarkupNumbers.firstInteger(current.text());
        if (n == null && url != null) {
            Matcher m = Pattern.compile("/page-(\\d+)").matcher(url);
            n = m.find() ? Integer.parseInt(m.group(1)) : null;
        }
        return n == null ? 1 : n;
    }

    private static String title(Document doc, boolean xf2) {
        Element h1 = doc.selectFirst(xf2 ? "h1.p-title-value" : ".titleBar h1");
        if (h1 != null) {
            Element copy = h1.clone();
            copy.select(".label, .labelLink, .prefix").remove();
            String t = SafeHtml.squash(copy.text());
            if (!t.isEmpty()) {
                return t;
            }
        }
        String og = ForumMarkup.meta(doc, "og:title");
        return og != null ? og : SafeHtml.squash(doc.title());
    }

    private static String board(Document doc, boolean xf2) {
        List<Element> crumbs = doc.select(xf2 ? "ul.p-breadcrumbs:not(.p-breadcrumbs--bottom) li a span"
                : "nav .crumbs .crust a.crumb span, .breadcrumb .crust a span");
        return crumbs.isEmpty() ? null : emptyToNull(SafeHtml.squash(crumbs.get(crumbs.size() - 1).text()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
