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
 * vBulletin 5 topic pages: each post is {@code li.b-post[data-node-id]} with its number in {@code .b-post__count},
 * the date in {@code .b-post__timestamp time}, the body in {@code .js-post__content-text} and the signature in
 * {@code .b-post__signature}. Quotes are vBulletin 4's {@code div.bbcode_quote} with a {@code p=N} link.
 */
public final class VBulletin5Parser implements SiteParser {

    private static final String POST = "li.b-post[data-node-id]";
    private static final Pattern QUOTED = Pattern.compile("(?:[?&;]p=|#post|post)(\\d+)");
    private static final Pattern THREAD_ID = Pattern.compile("/(\\d+)-[^/]*(?:/page\\d+)?/?$");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("/\\d+-[^/]*(/page\\d+)/?$");

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "vbulletin5";
    }

    @Override
    public Site site() {
        return Site.VBULLETIN;
    }

    @Override
    public boolean accepts(Page page) {
        return page.document().selectFirst(POST + " .js-post__content-text") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<ForumPost> posts = new ArrayList<>();
        for (Element e : doc.select(POST)) {
            String id = e.attr("data-node-id").trim();
            if (id.matches("\\d+")) {
                posts.add(post(id, e, page));
            }
        }
        if (posts.isEmpty()) {
            throw new NotAThreadException("a vBulletin 5 page without posts");
        }
        String url = ForumMarkup.threadUrl(ForumMarkup.pageUrl(doc, page), PAGE_SUFFIX);
        if (url == null) {
            throw new NotAThreadException("a vBulletin 5 topic page whose address cannot be found");
        }
        Matcher m = THREAD_ID.matcher(url);
        String threadId = m.find() ? m.group(1) : null;
        String title = ForumMarkup.text(doc, "h1.main-title, .main-title, h1");
        if (title == null) {
            title = ForumMarkup.titleFromDocument(doc);
        }
        String board = ForumMarkup.lastCrumb(doc, "#breadcrumbs li a, .breadcrumbs li a, "
                + ".b-breadcrumbs a", title);
        Element current = doc.selectFirst(".pagenav .js-pagenum[value], input.js-pagenum[value]");
        Integer pageNumber = current == null ? null : MarkupNumbers.firstInteger(current.attr("value"));
        Integer firstNumber = posts.get(0).number();
        boolean firstIsOpening = firstNumber != null ? firstNumber == 1
                : doc.selectFirst(POST + ".b-post--first") != null;
        ForumHead head = new ForumHead(threadId, url, title, board, pageNumber == null ? 1 : pageNumber, null, null,
                firstIsOpening);
        return ForumThreads.build(Site.VBULLETIN, head, posts, page, new ArrayList<>());
    }

    private static ForumPost post(String id, Element e, Page page) {
        Element name = ForumMarkup.first(e, ".b-userinfo .author [itemprop=name]", ".b-userinfo .author a", ".b-userinfo .author", ".author [itemprop=name]", ".author");
        String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
        String authorId = null;
        Element profile = e.selectFirst(".b-userinfo .author a[href*=/member/], .author a[href*=/member/]");
        if (profile != null) {
            Matcher m = Pattern.compile("/member/(\\d+)").matcher(profile.attr("href"));
            authorId = m.find() ? m.group(1) : null;
        }
        Element time = e.selectFirst(".b-post__timestamp time, time[itemprop=dateCreated]");
        ForumDates.Posted posted = time == null ? ForumDates.text(ForumMarkup.text(e, ".b-post__timestamp"),
                page.capturedAt()) : ForumDates.either(time.attr("datetime"), time.text(), page.capturedAt());
        Integer number = ForumMarkup.number(ForumMarkup.text(e, ".b-post__count"));
        Element content = e.selectFirst(".js-post__content-text");
        List<String> quoted = new ArrayList<>();
        if (content != null) {
            for (Element quote : content.select("div.bbcode_quote, div.bbcode_container")) {
                for (String q : ForumMarkup.linkedIds(quote, "a[href]", QUOTED)) {
                    if (!quoted.contains(q)) {
                        quoted.add(q);
                    }
                }
            }
        }
        SafeHtml.Body body = ForumMarkup.body(content, "script, .bbcode_quote_container, .b-post__signature, "
                + ".b-post__edit, .edit-info", "div.bbcode_quote");
        CommentState state = e.hasClass("b-post--deleted") ? CommentState.DELETED : CommentState.NORMAL;
        return new ForumPost(id, author, authorId, posted, number, null, body, quoted, state);
    }
}
