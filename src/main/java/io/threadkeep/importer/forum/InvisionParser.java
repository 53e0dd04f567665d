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
 * Invision Community topic pages: IPS 4 ({@code article#elComment_N} with the author in {@code .cAuthorPane_author},
 * the date in {@code time[datetime]}, the body in {@code [data-role=commentContent]}, quotes as
 * {@code blockquote.ipsQuote[data-ipsquote-contentcommentid=N]} and reactions counted in
 * {@code .ipsReact_reactCount}) and IP.Board 3 ({@code div.post_block#post_id_N}, {@code abbr.published},
 * {@code div.post.entry-content}).
 */
public final class InvisionParser implements SiteParser {

    private static final String IPS4 = "article[id^=elComment_]";
    private static final String IPB3 = "div.post_block[id^=post_id_]";
    private static final Pattern QUOTED = Pattern.compile("^(\\d+)$");
    private static final Pattern TOPIC = Pattern.compile("(?:/topic/|showtopic=|[?&]t=)(\\d+)");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("/topic/[^/]+(/page/\\d+|/page-\\d+)/?$");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "invision";
    }

    @Override
    public Site site() {
        return Site.INVISION;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst(IPS4 + " [data-role=commentContent]") != null
                || doc.selectFirst(IPB3 + " .post.entry-content") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        boolean ips4 = doc.selectFirst(IPS4) != null;
        List<ForumPost> posts = new ArrayList<>();
        for (Element e : doc.select(ips4 ? IPS4 : IPB3)) {
            ForumPost post = ips4 ? ips4Post(e, page) : ipb3Post(e, page);
            if (post != null) {
                posts.add(post);
            }
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("an Invision Community page without posts");
        }
        String url = ForumMarkup.threadUrl(ForumMarkup.pageUrl(doc, page), PAGE_SUFFIX);
        if (url == null) {
            throw new NotAThreadException("an Invision Community topic page whose address cannot be found");
        }
        Matcher topic = TOPIC.matcher(url);
        String topicId = topic.find() ? topic.group(1) : null;
        Element current = doc.selectFirst("ul.ipsPagination li.ipsPagination_active a, "
                + ".pagination li.active");
        Integer pageNumber = current == null ? null : MarkupNumbers.firstInteger(current.text());
        String title = ForumMarkup.text(doc, "h1.ipsType_pageTitle span.ipsType_break, h1.ipsType_pageTitle, "
                + "h1.ipsType_pagetitle, .topic_title, h1");
        if (title == null) {
            title = ForumMarkup.titleFromDocument(doc);
        }
        String board = ForumMarkup.lastCrumb(doc, "nav.ipsBreadcrumb ul[data-role=breadcrumbList] li a span, "
                + "nav.ipsBreadcrumb ul li a, ol.breadcrumb li a span, #secondary_navigation a", title);
        Element firstComment = doc.selectFirst(ips4 ? IPS4 : IPB3);
        boolean firstIsOpening = pageNumber == null || pageNumber == 1;
        if (ips4 && firstComment != null && firstComment.selectFirst("[data-ipscontent-first], "
                + "[data-commentapprove] [data-isfirst]") != null) {
            firstIsOpening = true;
        }
        ForumHead head = new ForumHead(topicId, url, title, board, pageNumber == null ? 1 : pageNumber, null, null,
                firstIsOpening);
        return ForumThreads.build(Site.INVISION, head, posts, page, new ArrayList<>());
    }

    private static ForumPost ips4Post(Element e, Page page) {
        String id = e.id().substring("elComment_".length());
        if (!id.matches("\\d+")) {
            return null;
        }
        Element name = ForumMarkup.first(e, ".cAuthorPane_author a", ".cAuthorPane_author", ".ipsComment_author strong a", "[data-role=author] a");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        String authorId = null;
        Element profile = e.selectFirst(".cAuthorPane_author a[href*=/profile/]");
        if (profile != null) {
            Matcher m = Pattern.compile("/profile/(\\d+)").matcher(profile.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element time = ForumMarkup.first(e, ".ipsComment_meta time[datetime]", "time[datetime]");
        ForumDates.Posted posted = time == null ? null : ForumDates.either(time.attr("datetime"),
                time.hasAttr("title") ? time.attr("title") : time.text(), page.capturedAt());
        Integer score = null;
        for (Element count : e.select("li.ipsReact_reactCount")) {
            Integer n = MarkupNumbers.firstInteger(count.text());
            score = n == null ? score : (score == null ? 0 : score) + n;
        }
        Element content = e.selectFirst("[data-role=commentContent]");
        List<String> quoted = new ArrayList<>();
        if (content != null) {
            for (Element q : content.select("blockquote.ipsQuote[data-ipsquote-contentcommentid]")) {
                String qid = q.attr("data-ipsquote-contentcommentid").trim();
                if (QUOTED.matcher(qid).matches() && !quoted.contains(qid)) {
                    quoted.add(qid);
                }
            }
        }
        SafeHtml.Body body = ForumMarkup.body(content, "script, [data-role=memberSignature], .ipsComment_edited, "
                + "span.ipsType_reset.ipsType_medium.ipsType_light, .ipsQuote_citation a.ipsQuote_jump", null);
        return new ForumPost(id, author, authorId, posted, null, score, body, quoted, null);
    }

    private static ForumPost ipb3Post(Element e, Page page) {
        String id = e.id().substring("post_id_".length());
        if (!id.matches("\\d+")) {
            return null;
        }
        Element name = e.selectFirst(".author.vcard a, .author.vcard, span.author");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        Element date = e.selectFirst("abbr.published");
        ForumDates.Posted posted = date == null ? null
                : ForumDates.either(date.attr("title"), date.text(), page.capturedAt());
        Integer number = null;
        Element bookmark = e.selectFirst("a[rel=bookmark]");
        if (bookmark != null && bookmark.text().trim().startsWith("#")) {
            number = ForumMarkup.number(bookmark.text());
        }
        Element content = e.selectFirst(".post.entry-content");
        List<String> quoted = new ArrayList<>();
        if (content != null) {
            for (Element q : content.select("blockquote[data-cid], .blockquote[data-cid]")) {
                if (q.attr("data-cid").matches("\\d+")) {
                    quoted.add(q.attr("data-cid"));
                }
            }
        }
        SafeHtml.Body body = ForumMarkup.body(content, "script, .signature, p.edit", "div.blockquote");
        return new ForumPost(id, author, null, posted, number, null, body, quoted, null);
    }
}
