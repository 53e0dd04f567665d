package io.threadkeep.importer.forum;

import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The XenForo comment widget that publishers embed under articles ({@code div.xenforo-comment-widget} with
 * {@code li.xenforo-comment#xenforo-comment-N}): the latest replies of the forum thread that discusses the
 * article. The story is that forum thread (its URL is the widget's link), so the widget and saved pages of the
 * thread itself merge; the article is the story's link. The widget shows no opening post, and its quotes name
 * only an author, so every comment is top-level.
 */
public final class XenForoWidgetParser implements SiteParser {

    private static final String COMMENT = "li.xenforo-comment[id^=xenforo-comment-]";
    private static final Pattern THREAD_ID = Pattern.compile("/threads/(?:[^/]*\\.)?(\\d+)/?");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "xenforo-widget";
    }

    @Override
    public Site site() {
        return Site.XENFORO;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().selectFirst(".xenforo-comment-widget " + COMMENT + ", " + COMMENT) != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        Element widget = doc.selectFirst(".xenforo-comment-widget");
        Element scope = widget == null ? doc : widget;
        List<ForumPost> posts = new ArrayList<>();
        for (Element e : scope.select(COMMENT)) {
            String id = e.id().substring("xenforo-comment-".length());
            if (!id.matches("\\d+")) {
                continue;
            }
            String author = ForumMarkup.text(e, ".author-name");
            ForumDates.Posted posted = ForumDates.text(ForumMarkup.text(e, ".post-date, time"), page.capturedAt());
            Element content = e.selectFirst(".js-read-more, .xenforo-comment-content > div:not(header)");
            SafeHtml.Body body = ForumMarkup.body(content, "script, .read-more-trigger", null);
            posts.add(new ForumPost(id, author, null, posted, null, null, body, List.of(), null));
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("an article whose XenForo comment widget holds no comments");
        }
        Element threadLink = scope.selectFirst(".xenforo-comments-header a[href*=/threads/], "
                + "a[href*=/threads/]");
        String articleUrl = ForumMarkup.pageUrl(doc, page);
        String url = threadLink == null ? ForumMarkup.threadUrl(articleUrl, null)
                : ForumMarkup.threadUrl(threadLink.absUrl("href").isEmpty() ? threadLink.attr("href")
                        : threadLink.absUrl("href"), Pattern.compile("/threads/[^/]+/(page-\\d+/?)$"));
        if (url == null) {
            throw new NotAThreadException("a XenForo comment widget whose thread address cannot be found");
        }
        Matcher id = THREAD_ID.matcher(url);
        String title = ForumMarkup.meta(doc, "og:title");
        if (title == null) {
            title = ForumMarkup.text(doc, "h1");
        }
        Integer declared = null;
        Element total = scope.selectFirst(".comments-total");
        if (total != null) {
            declared = MarkupNumbers.firstInteger(total.text());
        }
        ForumHead head = new ForumHead(id.find() ? id.group(1) : null, url, title, null, 2, declared,
                articleUrl == null || articleUrl.equals(url) ? null : ForumMarkup.threadUrl(articleUrl, null),
                false);
        return ForumThreads.build(Site.XENFORO, head, posts, page, new ArrayList<>());
    }
}
