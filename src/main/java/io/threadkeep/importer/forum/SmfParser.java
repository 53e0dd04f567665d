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
 * Simple Machines Forum topic pages (SMF 2.0 and 2.1; 1.1's markup shares the body id): each body is
 * {@code div.inner#msg_N} inside the post's wrapper, with the name in {@code .poster h4}, the date in the key-info
 * line ("« Reply #3 on: January 05, 2015, 10:15:00 AM »", "« Antwort #3 am: Heute um 10:15:00 »"). Quotes link
 * to {@code msg=N} or {@code #msgN}. Post numbers are positions: SMF's "Reply #3" is the thread's fourth post.
 */
public final class SmfParser implements SiteParser {

    private static final String BODY = "div.inner[id^=msg_], div.post div[id^=msg_], div.post[id^=msg_]";
    private static final Pattern QUOTED = Pattern.compile("(?:[?&;]msg=|#msg)(\\d+)");
    private static final Pattern TOPIC = Pattern.compile("topic[=,](\\d+)(?:\\.(\\d+|msg\\d+|new))?");
    private static final Pattern REPLY = Pattern.compile("#\\s*(\\d+)");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "smf";
    }

    @Override
    public Site site() {
        return Site.SMF;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst(BODY) != null && doc.selectFirst("#forumposts, .post_wrapper, form#quickModForm")
                != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<ForumPost> posts = new ArrayList<>();
        for (Element body : doc.select(BODY)) {
            String id = body.id().substring("msg_".length());
            if (!id.matches("\\d+") || posts.stream().anyMatch(p -> p.id().equals(id))) {
                continue;
            }
            Element wrapper = body.closest(".post_wrapper, div.windowbg[id^=msg], div.windowbg2, div.windowbg, "
                    + "tr");
            posts.add(post(id, wrapper == null ? body.parent() : wrapper, body, page));
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("an SMF page without posts");
        }
        String pageUrl = ForumMarkup.pageUrl(doc, page);
        Matcher topic = TOPIC.matcher(pageUrl == null ? "" : pageUrl);
        String topicId = topic.find() ? topic.group(1) : null;
        if (topicId == null) {
            Element input = doc.selectFirst("input[name=topic][value]");
            topicId = input == null ? null : input.attr("value");
        }
        if (pageUrl == null || topicId == null) {
            throw new NotAThreadException("an SMF topic page whose address cannot be found");
        }
        // topic=123.40 is the page starting at post 40; every page of the thread is topic=123.0.
        String url = ForumMarkup.threadUrl(pageUrl.replaceFirst("topic([=,])" + topicId
                + "\\.(?:msg\\d+|new|\\d+)", "topic$1" + topicId + ".0"), null);
        Element current = doc.selectFirst(".pagelinks strong, .pagelinks span.current_page, .pagesection strong");
        Integer pageNumber = current == null ? null : MarkupNumbers.firstInteger(current.text());
        String title = ForumMarkup.text(doc, "#top_subject, h2.display_title span, .linktree li.last a span, "
                + ".navigate_section li.last a span");
        if (title == null) {
            title = ForumMarkup.titleFromDocument(doc);
        }
        String board = ForumMarkup.lastCrumb(doc, ".navigate_section li:not(.last) a span, "
                + ".linktree li:not(.last) a span, div.nav a.nav", title);
        Integer firstNumber = posts.get(0).number();
        boolean firstIsOpening = firstNumber != null ? firstNumber == 1
                : pageNumber == null || pageNumber == 1;
        ForumHead head = new ForumHead(topicId, url, title, board, pageNumber == null ? 1 : pageNumber, null, null,
                firstIsOpening);
        return ForumThreads.build(Site.SMF, head, posts, page, new ArrayList<>());
    }

    private static ForumPost post(String id, Element wrapper, Element body, Page page) {
        Element name = ForumMarkup.first(wrapper, ".poster h4 a", ".poster h4", "td b a[title]", ".poster a");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        String authorId = null;
        Element profile = wrapper.selectFirst(".poster h4 a[href*=u=], .poster a[href*=action=profile]");
        if (profile != null) {
            Matcher m = Pattern.compile("[?;&]u=(\\d+)").matcher(profile.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element info = ForumMarkup.first(wrapper, ".keyinfo .smalltext", ".postinfo .smalltext", ".postinfo", ".keyinfo", "div.smalltext");
        String infoText = info == null ? "" : SafeHtml.squash(info.text());
        Integer number = null;
        // 2.0 prints "Reply #3" in the key info; 2.1 as the page number "#3" and in the permalink's title.
        Element pageNumber = wrapper.selectFirst(".page_number");
        Element titled = wrapper.selectFirst(".postinfo a[title*=#], .keyinfo a[title*=#]");
        Matcher reply = REPLY.matcher(infoText + " " + (pageNumber == null ? "" : pageNumber.text()) + " "
                + (titled == null ? "" : titled.attr("title")));
        if (reply.find()) {
            number = Integer.parseInt(reply.group(1)) + 1;
        }
        // "« Reply #3 on: <date> »": the date is what follows the label's colon.
        String dateText = infoText.replace("«", "").replace("»", "").trim();
        int colon = dateText.indexOf(": ");
        if (colon >= 0 && colon < 40) {
            dateText = dateText.substring(colon + 2);
        }
        Element time = info == null ? null : info.selectFirst("[data-timestamp], time[datetime]");
        ForumDates.Posted posted = ForumDates.either(time == null ? null
                : time.hasAttr("data-timestamp") ? time.attr("data-timestamp") : time.attr("datetime"), dateText,
                page.capturedAt());
        List<String> quoted = ForumMarkup.linkedIds(body, "div.quoteheader a[href], blockquote cite a[href]",
                QUOTED);
        // 2.1 names the quote in a cite inside it; it becomes its own line above the quoted text.
        body.select("blockquote > cite").tagName("p");
        SafeHtml.Body cleaned = ForumMarkup.body(body, "script, .signature, .moderatorbar, div.quotefooter",
                "div.quote");
        return new ForumPost(id, author, authorId, posted, number, null, cleaned, quoted, null);
    }
}
