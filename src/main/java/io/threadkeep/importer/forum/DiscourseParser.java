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
 * Discourse topics in both forms a saved page takes: the server-rendered crawler view ({@code div.crawler-post}
 * with schema.org author, {@code time.post-time} and {@code [itemprop=position]}), which is also what a page saved
 * without JavaScript holds in its {@code noscript}, and the browser's DOM ({@code article#post_N[data-post-id]}
 * with {@code div.cooked}). Posts are keyed by their number in the topic, the one id both forms show, so that
 * the two saves of one topic merge. Quotes are {@code aside.quote[data-post=N][data-topic=T]}, naming the quoted
 * post's number.
 */
public final class DiscourseParser implements SiteParser {

    private static final String CRAWLER = "div.crawler-post, div.topic-body[itemtype*=DiscussionForumPosting]";
    private static final String BROWSER = "article[id^=post_][data-post-id]";
    private static final Pattern TOPIC = Pattern.compile("/t/(?:[^/?#]+/)?(\\d+)");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("/t/[^/?#]+/\\d+(/\\d+)/?$");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "discourse";
    }

    @Override
    public Site site() {
        return Site.DISCOURSE;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        if (doc.selectFirst(BROWSER + " .cooked") != null) {
            return true;
        }
        if (doc.selectFirst(CRAWLER) != null) {
            return true;
        }
        // A save of the JavaScript app keeps the crawler view only as the text of a noscript element.
        return isDiscourse(doc) && noscriptView(doc) != null;
    }

    private static boolean isDiscourse(Document doc) {
        Element generator = doc.selectFirst("meta[name=generator][content]");
        return generator != null && generator.attr("content").startsWith("Discourse")
                || doc.selectFirst("meta[name=discourse_theme_id], meta[name=discourse_current_homepage]") != null;
    }

    private static Document noscriptView(Document doc) {
        for (Element noscript : doc.select("noscript")) {
            String inner = noscript.html();
            if (inner.contains("crawler-post")) {
                // Parsers that keep noscript as text leave its markup escaped.
                String markup = inner.contains("&lt;div") ? org.jsoup.parser.Parser.unescapeEntities(inner, false)
                        : inner;
                Document view = io.threadkeep.importer.PageImporter.parseHtml(markup, doc.location());
                if (view.selectFirst(CRAWLER) != null) {
                    return view;
                }
            }
        }
        return null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<ForumPost> posts = new ArrayList<>();
        String url = ForumMarkup.threadUrl(ForumMarkup.pageUrl(doc, page), PAGE_SUFFIX);
        Matcher topic = TOPIC.matcher(url == null ? "" : url);
        String topicId = topic.find() ? topic.group(1) : null;
        if (doc.selectFirst(BROWSER) != null) {
            for (Element e : doc.select(BROWSER)) {
                ForumPost post = browserPost(e, topicId, page);
                if (post != null) {
                    posts.add(post);
                }
            }
        } else {
            Document view = doc.selectFirst(CRAWLER) != null ? doc : noscriptView(doc);
            int position = 0;
            for (Element e : view == null ? List.<Element>of() : view.select(CRAWLER)) {
                position++;
                ForumPost post = crawlerPost(e, topicId, position, page);
                if (post != null) {
                    posts.add(post);
                }
            }
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("a Discourse page without posts");
        }
        if (url == null) {
            throw new NotAThreadException("a Discourse topic page whose address cannot be found");
        }
        // The crawler view pages with ?page=N; the merge key is the topic itself.
        url = url.replaceFirst("[?&]page=\\d+$", "");
        String title = ForumMarkup.text(doc, "#topic-title h1 .fancy-title, #topic-title h1, "
                + "h1[itemprop=headline], #main-outlet h1 a, #main-outlet h1");
        if (title == null) {
            title = ForumMarkup.meta(doc, "og:title");
        }
        String board = ForumMarkup.text(doc, "#topic-title .badge-category__name, #topic-title .category-name, "
                + "#breadcrumbs .badge-category__name, #breadcrumbs .category-name, "
                + "#breadcrumbs [itemprop=title], #breadcrumbs [itemprop=name]");
        boolean firstIsOpening = Integer.valueOf(1).equals(posts.get(0).number());
        ForumHead head = new ForumHead(topicId, url, title, board, firstIsOpening ? 1 : 2, null, null,
                firstIsOpening);
        return ForumThreads.build(Site.DISCOURSE, head, posts, page, new ArrayList<>());
    }

    private static ForumPost crawlerPost(Element e, String topicId, int position, Page page) {
        Element positionElement = e.selectFirst("[itemprop=position]");
        Integer number = positionElement == null ? null : ForumMarkup.number(positionElement.text());
        if (number == null) {
            Matcher m = Pattern.compile("^post_(\\d+)$").matcher(e.id());
            number = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        if (number == null) {
            return null;
        }
        Element name = e.selectFirst("[itemprop=author] [itemprop=name], .creator [itemprop=name], .creator a");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        Element time = e.selectFirst("time[datetime], [itemprop=datePublished]");
        ForumDates.Posted posted = time == null ? null : ForumDates.either(
                time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content"), time.text(),
                page.capturedAt());
        Integer likes = null;
        Element count = e.selectFirst("[itemprop=userInteractionCount][content], meta[itemprop=interactionCount]");
        if (count != null) {
            likes = MarkupNumbers.firstInteger(count.attr("content"));
        } else {
            likes = MarkupNumbers.firstInteger(ForumMarkup.text(e, ".post-likes"));
        }
        Element content = e.selectFirst("div.post[itemprop], [itemprop=text], [itemprop=articleBody], div.post");
        List<String> quoted = quotedNumbers(content, topicId);
        SafeHtml.Body body = ForumMarkup.body(content, "script, .quote-controls, aside.onebox .source", "aside.quote");
        return new ForumPost(String.valueOf(number), author, null, posted, number, likes, body, quoted, null);
    }

    private static ForumPost browserPost(Element e, String topicId, Page page) {
        Matcher m = Pattern.compile("^post_(\\d+)$").matcher(e.id());
        if (!m.find()) {
            return null;
        }
        int number = Integer.parseInt(m.group(1));
        Element name = e.selectFirst(".names .first a, .names .username a, .names a[data-user-card], .names a");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        if (author == null) {
            Element card = e.selectFirst("[data-user-card]");
            author = card == null ? null : ForumMarkup.emptyToNull(card.attr("data-user-card"));
        }
        Element time = e.selectFirst(".post-date [data-time], .relative-date[data-time]");
        ForumDates.Posted posted = null;
        if (time != null) {
            String ms = time.attr("data-time");
            posted = ForumDates.either(ms, time.hasAttr("title") ? time.attr("title") : time.text(),
                    page.capturedAt());
        }
        Element likeCount = e.selectFirst("button.like-count, .double-button button.button-count, "
                + ".discourse-reactions-counter .reactions-counter");
        Integer likes = likeCount == null ? null : MarkupNumbers.firstInteger(likeCount.text());
        Element content = e.selectFirst("div.cooked");
        List<String> quoted = quotedNumbers(content, topicId);
        Element replyTo = e.selectFirst(".reply-to-tab[data-post-number], a.reply-to-tab[href]");
        if (replyTo != null) {
            Matcher r = Pattern.compile("(\\d+)$").matcher(replyTo.hasAttr("data-post-number")
                    ? replyTo.attr("data-post-number") : replyTo.attr("href"));
            if (r.find() && !quoted.contains(r.group(1))) {
                quoted.add(0, r.group(1));
            }
        }
        SafeHtml.Body body = ForumMarkup.body(content, "script, .quote-controls, .cooked-selection-barrier",
                "aside.quote");
        return new ForumPost(String.valueOf(number), author, e.attr("data-user-id").isEmpty() ? null
                : e.attr("data-user-id"), posted, number, likes, body, quoted, null);
    }

    /** Numbers of the posts of this topic that the body quotes; quotes of other topics name no parent here. */
    private static List<String> quotedNumbers(Element content, String topicId) {
        List<String> out = new ArrayList<>();
        if (content == null) {
            return out;
        }
        for (Element quote : content.select("aside.quote[data-post]")) {
            String t = quote.attr("data-topic");
            if (!t.isEmpty() && topicId != null && !t.equals(topicId)) {
                continue;
            }
            String n = quote.attr("data-post").trim();
            if (n.matches("\\d+") && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
