package io.threadkeep.importer.forum;

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
 * MyBB thread pages (1.6 tables and 1.8 {@code div.post}): each body is {@code div.post_body#pid_N}, the name in
 * {@code .post_author}/{@code .author_information}, the date in {@code span.post_date} (with "Today"/"Yesterday"
 * forms whose full date hides in a {@code title}), the number in the post head's "#N" link. Quotes are
 * {@code blockquote.mycode_quote} whose {@code cite} links to {@code pid=N}.
 */
public final class MyBbParser implements SiteParser {

    private static final String BODY = "div.post_body[id^=pid_]";
    private static final Pattern QUOTED = Pattern.compile("[?&](?:amp;)?pid=(\\d+)");
    private static final Pattern THREAD = Pattern.compile("(?:[?&]tid=|thread-)(\\d+)");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("thread-\\d+(-page-\\d+)\\.html$");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "mybb";
    }

    @Override
    public Site site() {
        return Site.MYBB;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        return doc.selectFirst(BODY) != null && doc.selectFirst(".post_author, .author_information, "
                + "span.post_date, .post_head") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<ForumPost> posts = new ArrayList<>();
        for (Element body : doc.select(BODY)) {
            String id = body.id().substring("pid_".length());
            if (!id.matches("\\d+")) {
                continue;
            }
            Element post = body.closest("div.post, table[id^=post_]");
            posts.add(post(id, post == null ? body.parent() : post, body, page));
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("a MyBB page without posts");
        }
        String title = ForumMarkup.text(doc, ".navigation span.active");
        if (title == null) {
            title = ForumMarkup.titleFromDocument(doc);
        }
        String url = ForumMarkup.threadUrl(ForumMarkup.pageUrl(doc, page), PAGE_SUFFIX);
        if (url == null) {
            Element link = doc.selectFirst(".navigation a[href*=showthread], .navigation a[href*=thread-], "
                    + "a[href*=showthread.php?tid=]");
            url = link == null ? null : ForumMarkup.threadUrl(link.absUrl("href"), PAGE_SUFFIX);
        }
        if (url == null) {
            throw new NotAThreadException("a MyBB thread page whose address cannot be found");
        }
        Matcher tid = THREAD.matcher(url);
        String threadId = tid.find() ? tid.group(1) : null;
        if (threadId == null) {
            Element input = doc.selectFirst("input[name=tid][value]");
            threadId = input == null ? null : input.attr("value");
        }
        int pageNumber = 1;
        Element current = doc.selectFirst(".pagination .pagination_current");
        if (current != null && current.text().trim().matches("\\d+")) {
            pageNumber = Integer.parseInt(current.text().trim());
        }
        String board = ForumMarkup.lastCrumb(doc, ".navigation a", title);
        Integer firstNumber = posts.get(0).number();
        boolean firstIsOpening = firstNumber != null ? firstNumber == 1 : pageNumber == 1;
        ForumHead head = new ForumHead(threadId, url, title, board, pageNumber, null, null, firstIsOpening);
        return ForumThreads.build(Site.MYBB, head, posts, page, new ArrayList<>());
    }

    private static ForumPost post(String id, Element post, Element body, Page page) {
        Element name = ForumMarkup.first(post, ".author_information .largetext a", ".author_information .largetext", ".post_author strong span.largetext a", ".post_author .largetext", ".post_author strong");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        String authorId = null;
        Element profile = post.selectFirst(".author_information a[href*=uid=], .post_author a[href*=uid=], "
                + ".author_information a[href*=user-], .post_author a[href*=user-]");
        if (profile != null) {
            Matcher m = Pattern.compile("(?:uid=|user-)(\\d+)").matcher(profile.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element date = post.selectFirst("span.post_date");
        ForumDates.Posted posted = null;
        if (date != null) {
            Element copy = date.clone();
            copy.select(".post_edit, .edited_post").remove();
            String shown = SafeHtml.squash(copy.text());
            // "Yesterday, 10:15 AM" carries the full date in the span's title: "01-05-2015, 10:15 AM".
            Element titled = copy.selectFirst("span[title]");
            if (titled != null && ForumDates.text(titled.attr("title") + " "
                    + shown.replace(titled.text(), ""), null).instant() != null) {
                posted = ForumDates.text(titled.attr("title") + " " + shown.replace(titled.text(), ""),
                        page.capturedAt());
            } else {
                posted = ForumDates.text(shown, page.capturedAt());
            }
        }
        Integer number = null;
        for (Element a : post.select(".post_head a, .post_head strong")) {
            if (a.text().trim().matches("#\\s*[\\d,.]+")) {
                number = ForumMarkup.number(a.text());
            }
        }
        List<String> quoted = ForumMarkup.linkedIds(body, "blockquote.mycode_quote cite a[href], "
                + "blockquote cite a[href*=pid]", QUOTED);
        // The cite line ("(date)name Wrote:") becomes its own line above the quoted text.
        body.select("blockquote cite a.quick_jump").remove();
        body.select("blockquote cite").tagName("p");
        SafeHtml.Body cleaned = ForumMarkup.body(body, "script, .signature, .post_edit, .edited_post", null);
        return new ForumPost(id, author, authorId, posted, number, null, cleaned, quoted, null);
    }
}
