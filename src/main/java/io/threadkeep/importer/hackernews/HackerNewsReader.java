package io.threadkeep.importer.hackernews;

import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What both generations of Hacker News item pages share: the story head, the comment cells ({@code td.default}),
 * bylines, bodies, states and the "More" continuation keys. The generations differ only in how a comment row is
 * found and how its indentation is written, which each parser passes in.
 */
final class HackerNewsReader {

    /** One comment cell and how deep the page indented it. */
    record CommentRow(Element cell, int depth) {
    }

    private final Page page;
    private final Document doc;
    private final List<String> warnings = new ArrayList<>();

    HackerNewsReader(Page page) {
        this.page = page;
        this.doc = page.document();
    }

    /** Whether the document is a Hacker News page at all (any generation); cheap. */
    static boolean isHackerNews(Page page) {
        Document doc = page.document();
        boolean structure = doc.selectFirst("span.comhead, td.subtext, tr.athing") != null;
        if (!structure) {
            return false;
        }
        boolean chrome = doc.selectFirst("span.pagetop, span.yclinks, table#hnmain, b.hnname") != null;
        String url = page.url() == null ? "" : page.url().toLowerCase(Locale.ROOT);
        return chrome || url.contains("news.ycombinator.com") || url.contains("hackerne.ws");
    }

    /**
     * Parses the page, finding comment rows with {@code rowsOf}.
     *
     * @param rowsOf the generation's way of listing comment cells, in page order, with the story/head table excluded
     */
    ParsedThread read(Function<Element, List<CommentRow>> rowsOf) throws NotAThreadException {
        Element head = findHead();
        Element headComment = head == null ? null : head.selectFirst("td.default:has(span.comhead)");
        List<CommentRow> rows = rowsOf.apply(head);
        if (head == null && rows.isEmpty()) {
            if (doc.select("td.subtext").size() > 1) {
                throw new NotAThreadException("a Hacker News story listing, not a discussion thread");
            }
            throw new NotAThreadException("a Hacker News page without a story or comments");
        }
        Story story;
        String headCommentParent = null;
        Comment headCommentParsed = null;
        if (headComment != null) {
            String storyId = onStoryId(headComment);
            if (storyId == null) {
                throw new NotAThreadException("a Hacker News comment page that does not say which story it is on");
            }
            story = new Story(Site.HACKERNEWS, storyId, HackerNewsLinks.ITEM_URL + storyId,
                    onStoryTitle(headComment), null, null, null, List.of(), List.of(), null, null, null, null);
            headCommentParsed = comment(new CommentRow(headComment, -1), head);
            if (headCommentParsed != null) {
                headCommentParent = navParent(headComment);
                if (storyId.equals(headCommentParent)) {
                    headCommentParent = null;
                }
            }
        } else {
            story = head == null ? null : story(head);
        }

        List<Comment> comments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> stack = new ArrayDeque<>(); // {depth, id}
        if (headCommentParsed != null) {
            if (headCommentParent != null) {
                comments.add(Comment.placeholder(headCommentParent, null));
                seen.add(headCommentParent);
            }
            comments.add(withParent(headCommentParsed, headCommentParent));
            seen.add(headCommentParsed.id());
            stack.push(new String[] {"-1", headCommentParsed.id()});
        }
        String storyId = story == null ? null : story.siteStoryId();
        int skipped = 0;
        for (CommentRow row : rows) {
            Comment c = comment(row, head);
            if (c == null) {
                skipped++;
                continue;
            }
            if (!seen.add(c.id())) {
                continue;
            }
            while (!stack.isEmpty() && Integer.parseInt(stack.peek()[0]) >= row.depth()) {
                stack.pop();
            }
            String parent = stack.isEmpty() ? null : stack.peek()[1];
            if (parent == null && row.depth() > 0) {
                // The page starts below the top level (a continuation page): its "parent" link, if any, names it.
                String linked = navParent(row.cell());
                if (linked != null && !linked.equals(storyId) && !linked.equals(c.id())) {
                    parent = linked;
                    if (seen.add(linked)) {
                        comments.add(Comment.placeholder(linked, null));
                    }
                }
            }
            comments.add(withParent(c, parent));
            stack.push(new String[] {Integer.toString(row.depth()), c.id()});
        }
        if (skipped > 0) {
            warnings.add(skipped + " comment row(s) had no item id and were left out");
        }
        String continuationKey = continuationKey();
        if (story == null && continuationKey == null) {
            // Without the key the page cannot be attached to its story, and its comments would be orphans.
            throw new NotAThreadException("a Hacker News \"More\" page that does not say which thread it continues "
                    + "(pages saved while logged in, or with their URL, do)");
        }
        return new ParsedThread(story, comments, warnings, page.capturedAt(), continuationKey, nextPageKeys());
    }

    private static Comment withParent(Comment c, String parentId) {
        return new Comment(c.id(), parentId, c.author(), c.authorId(), c.posted(), c.postedText(), c.score(),
                c.label(), c.subject(), c.html(), c.text(), c.completeness(), c.state());
    }

    // ---- story head -----------------------------------------------------------------------------------------------

    /** The table holding the story (or, on a comment's own page, the comment) above the thread. */
    private Element findHead() {
        Element fat = doc.selectFirst("table.fatitem");
        if (fat != null) {
            return fat;
        }
        Elements subtexts = doc.select("td.subtext");
        if (subtexts.size() == 1) {
            return subtexts.first().closest("table");
        }
        if (subtexts.isEmpty()) {
            // Old comment pages: the head comment's table has the reply form, the thread's rows do not.
            for (Element cell : doc.select("td.default:has(span.comhead)")) {
                Element table = cell.closest("table");
                if (table != null && table.selectFirst("textarea, form") != null && onStoryId(cell) != null) {
                    return table;
                }
            }
        }
        return null;
    }

    private Story story(Element head) throws NotAThreadException {
        Element subtext = head.selectFirst("td.subtext");
        String id = storyId(head, subtext);
        if (id == null) {
            throw new NotAThreadException("a Hacker News page whose story id cannot be found");
        }
        Element titleLink = titleLink(head);
        String title = titleLink == null ? null : SafeHtml.squash(titleLink.text());
        String linkUrl = null;
        if (titleLink != null) {
            String href = titleLink.attr("href").trim();
            String abs = titleLink.absUrl("href");
            String target = abs.isEmpty() ? href : abs;
            boolean selfPost = HackerNewsLinks.itemId(href) != null || !target.matches("(?i)^(https?|ftp)://.*");
            linkUrl = selfPost ? null : target;
        }
        String author = null;
        Instant posted = null;
        Integer declared = null;
        if (subtext != null) {
            Element user = subtext.selectFirst("a.hnuser, a[href*=user?id=]");
            author = user == null ? null : user.text().trim();
            posted = postedOf(subtext).posted;
            for (Element a : subtext.select("a[href]")) {
                String text = a.text().replace('\u00A0', ' ').trim().toLowerCase(Locale.ROOT);
                if (HackerNewsLinks.itemId(a.attr("href")) != null) {
                    if (text.matches("\\d+\\s+comments?")) {
                        declared = MarkupNumbers.firstInteger(text);
                    } else if (text.equals("discuss")) {
                        declared = 0;
                    }
                }
            }
        }
        SafeHtml.Body text = storyText(head, subtext);
        return new Story(Site.HACKERNEWS, id, HackerNewsLinks.ITEM_URL + id, title, author, posted, null,
                List.of(), List.of(), text == null ? null : text.html(), text == null ? null : text.text(), declared,
                linkUrl);
    }

    private String storyId(Element head, Element subtext) {
        Element athing = head.selectFirst("tr.athing[id]");
        if (athing != null && athing.id().matches("\\d+")) {
            return athing.id();
        }
        for (Element e : head.select("a[id^=up_], span[id^=score_], span[id^=unv_]")) {
            String digits = HackerNewsLinks.digitsIn(e.id());
            if (digits != null) {
                return digits;
            }
        }
        if (subtext != null) {
            for (Element a : subtext.select("a[href]")) {
                String id = HackerNewsLinks.itemId(a.attr("href"));
                if (id != null) {
                    return id;
                }
            }
        }
        String fromUrl = HackerNewsLinks.itemId(page.url());
        if (fromUrl != null) {
            return fromUrl;
        }
        for (Element a : head.select("a[href*=whence], a[href*=goto]")) {
            String whence = firstNonNull(HackerNewsLinks.queryParam(a.attr("href"), "whence"),
                    HackerNewsLinks.queryParam(a.attr("href"), "goto"));
            String id = HackerNewsLinks.itemId(whence);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static Element titleLink(Element head) {
        Element modern = head.selectFirst("span.titleline > a");
        if (modern != null) {
            return modern;
        }
        for (Element a : head.select("td.title a[href]")) {
            if (a.closest("span.comhead, span.sitebit, span.rank") == null && !a.id().startsWith("up_")) {
                return a;
            }
        }
        return null;
    }

    /** Ask HN / Show HN text: {@code div.toptext}, or in old pages the plain cell in the row under the byline. */
    private static SafeHtml.Body storyText(Element head, Element subtext) {
        Element top = head.selectFirst("div.toptext");
        if (top != null) {
            SafeHtml.Body body = SafeHtml.clean(top);
            return body.isEmpty() ? null : body;
        }
        if (subtext == null) {
            return null;
        }
        Element subtextRow = subtext.parent();
        Element row = subtextRow == null ? null : subtextRow.nextElementSibling();
        for (; row != null; row = row.nextElementSibling()) {
            if (!row.normalName().equals("tr") || row.selectFirst("form, textarea, input, td.default") != null) {
                continue;
            }
            Elements cells = row.select("> td");
            if (cells.isEmpty()) {
                continue;
            }
            Element cell = cells.last();
            if (cell.hasClass("title") || cell.hasClass("subtext")) {
                continue;
            }
            SafeHtml.Body body = SafeHtml.clean(cell);
            if (!body.isEmpty()) {
                return body;
            }
        }
        return null;
    }

    private static String onStoryId(Element cell) {
        Element link = cell.selectFirst("span.onstory a[href]");
        if (link != null) {
            return HackerNewsLinks.itemId(link.attr("href"));
        }
        Element comhead = cell.selectFirst("span.comhead");
        if (comhead == null) {
            return null;
        }
        // Old pages: "| on: <a href=item?id=STORY>Title</a>"
        for (Element a : comhead.select("a[href]")) {
            String before = a.previousSibling() == null ? "" : a.previousSibling().toString();
            if (before.trim().endsWith("on:")) {
                return HackerNewsLinks.itemId(a.attr("href"));
            }
        }
        return null;
    }

    private static String onStoryTitle(Element cell) {
        Element link = cell.selectFirst("span.onstory a[href]");
        if (link == null) {
            Element comhead = cell.selectFirst("span.comhead");
            if (comhead != null) {
                for (Element a : comhead.select("a[href]")) {
                    String before = a.previousSibling() == null ? "" : a.previousSibling().toString();
                    if (before.trim().endsWith("on:")) {
                        link = a;
                    }
                }
            }
        }
        if (link == null) {
            return null;
        }
        String title = link.hasAttr("title") ? link.attr("title") : link.text();
        return SafeHtml.squash(title);
    }

    // ---- comments -------------------------------------------------------------------------------------------------

    private record Posted(Instant posted, String text) {
    }

    private Posted postedOf(Element byline) {
        Element age = byline.selectFirst("span.age");
        if (age != null) {
            Instant exact = HackerNewsTimes.parseAgeTitle(age.attr("title"));
            String shown = SafeHtml.squash(age.text());
            if (exact != null) {
                return new Posted(exact, shown.isEmpty() ? null : shown);
            }
            String ageText = HackerNewsTimes.findAgeText(shown);
            if (ageText != null) {
                return new Posted(HackerNewsTimes.resolve(ageText, page.capturedAt()), ageText);
            }
        }
        String ageText = HackerNewsTimes.findAgeText(byline.text().replace('\u00A0', ' '));
        return new Posted(HackerNewsTimes.resolve(ageText, page.capturedAt()), ageText);
    }

    private Comment comment(CommentRow row, Element head) {
        Element cell = row.cell();
        String id = commentId(cell);
        if (id == null) {
            return null;
        }
        Element comhead = cell.selectFirst("span.comhead");
        String author = null;
        Posted posted = new Posted(null, null);
        Integer score = null;
        CommentState state = CommentState.NORMAL;
        if (comhead != null) {
            Element user = comhead.selectFirst("a.hnuser, a[href*=user?id=]");
            author = user == null ? null : user.text().trim();
            if (author != null && author.isEmpty()) {
                author = null;
            }
            posted = postedOf(comhead);
            Element points = comhead.selectFirst("span.score, span[id^=score_]");
            score = points == null ? null : MarkupNumbers.firstInteger(points.text());
            String headText = comhead.text();
            if (headText.contains("[dead]") || headText.contains("[flagged]")) {
                state = CommentState.DEAD;
            }
        }
        Element bodyElement = body(cell);
        SafeHtml.Body body = null;
        if (bodyElement != null) {
            Element copy = bodyElement.clone();
            // The reply link line and the invisible "-----" spacer sit in <font size=1>; the parser often pulls them
            // into the comment's span.
            copy.select("div.reply, font[size=1]").remove();
            body = SafeHtml.clean(copy);
        }
        String html = body == null || body.isEmpty() ? null : body.html();
        String text = html == null ? null : body.text();
        Completeness completeness = null;
        if (text != null) {
            String marker = text.trim();
            if (marker.equals("[deleted]")) {
                state = CommentState.DELETED;
                html = null;
                text = null;
            } else if (marker.equals("[dead]") || marker.equals("[flagged]")) {
                state = CommentState.DEAD;
                html = null;
                text = null;
            }
        }
        if (html == null) {
            completeness = Completeness.METADATA_ONLY;
            if (state == CommentState.NORMAL && author == null) {
                state = CommentState.DELETED;
            }
        }
        return new Comment(id, null, author, null, posted.posted(), posted.text(), score, null, null, html, text,
                completeness, state);
    }

    /** The comment's body element: {@code span.commtext} (2014+), else the {@code div.comment}/{@code span.comment}. */
    private static Element body(Element cell) {
        Element commtext = cell.selectFirst(".commtext");
        if (commtext != null) {
            return commtext;
        }
        return cell.selectFirst("div.comment, span.comment");
    }

    private static String commentId(Element cell) {
        Element athing = cell.closest("tr.athing[id]");
        if (athing != null && athing.id().matches("\\d+")) {
            return athing.id();
        }
        Element row = cell.parent();
        if (row != null) {
            for (Element up : row.select("a[id^=up_], a[id^=down_], span[id^=down_]")) {
                String digits = HackerNewsLinks.digitsIn(up.id());
                if (digits != null) {
                    return digits;
                }
            }
        }
        Element comhead = cell.selectFirst("span.comhead");
        if (comhead != null) {
            Element age = comhead.selectFirst("span.age a[href]");
            if (age != null && HackerNewsLinks.itemId(age.attr("href")) != null) {
                return HackerNewsLinks.itemId(age.attr("href"));
            }
            for (Element a : comhead.select("a[href]")) {
                String href = a.attr("href");
                String text = a.text().trim();
                if (!href.contains("#") && HackerNewsLinks.itemId(href) != null
                        && (text.equals("link") || text.matches(".*\\bago\\b.*"))) {
                    return HackerNewsLinks.itemId(href);
                }
            }
        }
        Element toggle = cell.selectFirst("a.togg[id]");
        if (toggle != null && toggle.id().matches("\\d+")) {
            return toggle.id();
        }
        for (Element a : cell.select("a[href*=reply?id=]")) {
            String id = HackerNewsLinks.queryParam(a.attr("href"), "id");
            if (id != null && id.matches("\\d+")) {
                return id;
            }
        }
        return null;
    }

    /** The id a comment's "parent" link names, or null. */
    private static String navParent(Element cell) {
        Element comhead = cell.selectFirst("span.comhead");
        if (comhead == null) {
            return null;
        }
        for (Element a : comhead.select("a[href]")) {
            if (a.text().trim().equalsIgnoreCase("parent")) {
                return HackerNewsLinks.parentTarget(a.attr("href"));
            }
        }
        return null;
    }

    // ---- continuation ---------------------------------------------------------------------------------------------

    /** The key this page was reached by: the location its own vote/reply links return to. */
    private String continuationKey() {
        String fromUrl = HackerNewsLinks.continuationKey(page.url());
        if (fromUrl != null) {
            return fromUrl;
        }
        for (Element a : doc.select("a[href*=whence=], a[href*=goto=]")) {
            String href = a.attr("href");
            String back = firstNonNull(HackerNewsLinks.queryParam(href, "whence"),
                    HackerNewsLinks.queryParam(href, "goto"));
            if (back == null) {
                continue;
            }
            String key = HackerNewsLinks.continuationKey(back);
            if (key != null) {
                return key;
            }
            if (HackerNewsLinks.itemId(back) != null) {
                // The links lead back to the item page itself: this is page 1.
                return null;
            }
        }
        return null;
    }

    private List<String> nextPageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            boolean moreLink = a.hasClass("morelink") || a.text().trim().equalsIgnoreCase("more");
            if (!moreLink) {
                continue;
            }
            String key = HackerNewsLinks.continuationKey(a.attr("href"));
            if (key != null) {
                keys.add(key);
            }
        }
        return new ArrayList<>(keys);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
