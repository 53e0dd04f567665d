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
 * vBulletin 3 and 4 thread pages (showthread.php and the vBSEO/friendly-URL forms). Both write each post's body
 * into {@code div#post_message_N}; vBulletin 4 wraps the post in {@code li.postbit#post_N} with the name in
 * {@code .username} and the date in {@code span.date}, vBulletin 3 in {@code table#postN} with the name in
 * {@code .bigusername} and the date in the post's header row. Quotes name their post in a {@code p=N} or
 * {@code postN} link beside "Originally posted by".
 */
public final class VBulletinParser implements SiteParser {

    private static final String BODY = "div[id^=post_message_]";
    private static final Pattern POST_ID = Pattern.compile("^(?:post_message_|post_?|edit)(\\d+)$");
    private static final Pattern QUOTED = Pattern.compile("(?:[?&;]p=|post|#post)(\\d+)");
    private static final Pattern THREAD_ID = Pattern.compile(
            "(?:[?&]t=|showthread\\.php\\?|/threads/|/)(\\d+)(?:-|\\.html|/|&|$)");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "vbulletin";
    }

    @Override
    public Site site() {
        return Site.VBULLETIN;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        if (doc.selectFirst(BODY) == null) {
            return false;
        }
        return doc.selectFirst("li.postbit[id^=post_], li.postcontainer[id^=post_], table[id^=post], "
                + "div[id^=edit] table[id^=post], div#posts") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        List<ForumPost> posts = new ArrayList<>();
        for (Element body : doc.select(BODY)) {
            Matcher id = POST_ID.matcher(body.id());
            if (!id.matches()) {
                continue;
            }
            Element container = container(body, id.group(1));
            posts.add(post(id.group(1), container, body, page));
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("a vBulletin page without posts");
        }
        int pageNumber = pageNumber(doc);
        String pageUrl = ForumMarkup.pageUrl(doc, page);
        String url = ForumMarkup.threadUrl(pageUrl, pageSuffix(pageNumber));
        Element start = doc.selectFirst(".pagination a[rel=start], .pagenav a[rel=start]");
        if (url == null && start != null && start.absUrl("href").startsWith("http")) {
            url = ForumMarkup.threadUrl(start.absUrl("href"), null);
        }
        if (url == null) {
            // A save without canonical link or known address: the page's own links to the thread, resolved
            // against its <base href>.
            for (Element a : doc.select("a[href*=showthread.php?t=], a[href*=showthread.php?threadid=]")) {
                String abs = a.absUrl("href");
                if (abs.startsWith("http")) {
                    url = ForumMarkup.threadUrl(abs, null);
                    break;
                }
            }
        }
        if (url == null) {
            throw new NotAThreadException("a vBulletin thread page whose address cannot be found");
        }
        String threadId = threadId(doc, url);
        String title = title(doc);
        String board = ForumMarkup.lastCrumb(doc, "#breadcrumb li.navbit:not(.lastnavbit) a, "
                + ".navbar a[href*=forumdisplay], span.navbar a", title);
        Integer firstNumber = posts.get(0).number();
        boolean firstIsOpening = firstNumber != null ? firstNumber == 1 : pageNumber == 1;
        ForumHead head = new ForumHead(threadId, url, title, board, pageNumber, null, null, firstIsOpening);
        return ForumThreads.build(Site.VBULLETIN, head, posts, page, warnings);
    }

    /** The element holding one post's byline and body: vB4's list item, vB3's table, else the body's parent. */
    private static Element container(Element body, String id) {
        for (Element up : body.parents()) {
            if (up.id().equals("post_" + id) || up.id().equals("post" + id) || up.id().equals("edit" + id)) {
                return up;
            }
        }
        return body.parent() == null ? body : body.parent();
    }

    private static ForumPost post(String id, Element container, Element body, Page page) {
        Element name = ForumMarkup.first(container, ".username_container .username", "a.username", ".username", "a.bigusername", ".bigusername", "div[id^=postmenu_] a", "div[id^=postmenu_]");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        String authorId = null;
        Element profile = container.selectFirst("a.username[href], a.bigusername[href], a[href*=member.php?u=]");
        if (profile != null) {
            Matcher m = Pattern.compile("(?:[?&]u=|(?:^|/)members/)(\\d+)").matcher(profile.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element dateElement = ForumMarkup.first(container, ".posthead .postdate .date", "span.postdate", ".postdate", "span.date");
        String dateText = dateElement != null ? SafeHtml.squash(dateElement.text())
                : ForumMarkup.dateLikeText(container, body);
        ForumDates.Posted posted = ForumDates.text(dateText, page.capturedAt());
        Integer number = null;
        Element count = container.selectFirst("a.postcounter, a[id^=postcount]");
        if (count != null) {
            number = ForumMarkup.number(count.text());
            if (number == null) {
                Element named = container.selectFirst("a[id^=postcount][name]");
                number = named == null ? null : MarkupNumbers.firstInteger(named.attr("name"));
            }
        }
        Element content = body.selectFirst("blockquote.postcontent");
        if (content == null) {
            content = body;
        }
        List<String> quoted = new ArrayList<>();
        for (Element quote : content.select("div.bbcode_quote, div.bbcode_container, td.alt2, div.quote_container")) {
            for (String q : ForumMarkup.linkedIds(quote, "a[href]", QUOTED)) {
                if (!quoted.contains(q)) {
                    quoted.add(q);
                }
            }
        }
        SafeHtml.Body cleaned = ForumMarkup.body(content, "script, noscript, .signature, blockquote.signature, "
                + ".lastedited, .bbcode_quote_container, div[id^=xxParentDiv], table[id^=xxWerb], "
                + "div.bestAnswer_container", "div.bbcode_quote, td.alt2[style*=inset]");
        CommentState state = container.hasClass("deleted") || container.selectFirst(".deletedpost, "
                + "li.postbitdeleted") != null ? CommentState.DELETED : CommentState.NORMAL;
        return new ForumPost(id, author, authorId, posted, number, null, cleaned, quoted, state);
    }

    private static int pageNumber(Document doc) {
        Element selected = doc.selectFirst(".pagination span.selected a, .pagination span.selected, "
                + ".pagenav td.alt2 strong, .pagenav span.selected");
        Integer n = selected == null ? null : MarkupNumbers.firstInteger(selected.text());
        if (n == null) {
            Element of = doc.selectFirst(".pagination a.popupctrl, .pagenav td.vbmenu_control");
            n = of == null ? null : MarkupNumbers.firstInteger(of.text());
        }
        return n == null ? 1 : n;
    }

    /** The page part of a page-N URL in the forms vBulletin and vBSEO write. */
    private static Pattern pageSuffix(int page) {
        if (page <= 1) {
            return null;
        }
        return Pattern.compile("(?:\\d+-[^/]*?(-" + page + ")\\.html$|(/page" + page + ")/?$)");
    }

    private static String threadId(Document doc, String url) {
        Element t = doc.selectFirst("input[name=t][value], input[name=threadid][value]");
        if (t != null && t.attr("value").matches("\\d+")) {
            return t.attr("value");
        }
        Matcher m = THREAD_ID.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static String title(Document doc) {
        String h1 = ForumMarkup.text(doc, "#pagetitle h1 a, #pagetitle h1, .threadtitle, td.navbar strong");
        if (h1 != null) {
            return h1.replaceFirst("^(?:Thread|Thema):\\s*", "");
        }
        return ForumMarkup.titleFromDocument(doc);
    }
}
