package io.threadkeep.importer.wordpress;

import io.threadkeep.importer.HumanDates;
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
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * WordPress's own comment sections, as {@code wp_list_comments} writes them in every theme: each comment an
 * element with id {@code comment-N} (a {@code li}, or a {@code div}/{@code article} with an inner
 * {@code div-comment-N}), replies in a nested {@code children} list, the author in {@code .comment-author}
 * ({@code .fn}), the date in the comment's meta line and the text in {@code .comment-content}/{@code .comment-text}
 * or loose in {@code .comment-body}. The story is the post. Pingbacks and trackbacks are links from other sites,
 * not comments by people: they are left out and counted in a warning. A post without comments is not a thread.
 */
public final class WordPressParser implements SiteParser {

    static final Pattern NODE_ID = Pattern.compile("^(?:li-|div-)?comment-(\\d+)$");
    private static final String NODE_SELECTOR = "li[id~=^(?:li-|div-)?comment-\\d+$], "
            + "div[id~=^(?:li-|div-)?comment-\\d+$], article[id~=^(?:li-|div-)?comment-\\d+$], "
            + "section[id~=^(?:li-|div-)?comment-\\d+$]";
    private static final Pattern SAYS = Pattern.compile(
            "(?iu)\\s*(says|said|sagt|schreibt|meint|dit|a dit|dice|zegt|skriver)\\s*:?\\s*$");
    /** Themes that list pingbacks among comments name them in the byline ("Pingback von ...", "Trackback:"). */
    private static final Pattern PING_AUTHOR = Pattern.compile("(?i)^(pingback|trackback)\\b");
    private static final List<String> BODY_SELECTORS = List.of(".comment-text", ".comment-content",
            "[itemprop=text]", ".comment-entry", ".comment_text", ".commentText", ".comment-body-text",
            ".comment__content", ".comment_content", ".comment_box", ".contenttext", ".comment-body",
            ".comment-inner", "[class*=comment-content]", "[class*=comment_text]", "[class*=commentbody]");
    private static final String NOT_BODY = ".comment-author, .comment-meta, .commentmetadata, .comment-metadata, "
            + ".comment-meta-data, .reply, .comment-reply, .comment-reply-link, .says, .avatar, .comment-avatar, "
            + ".comment-edit-link, .comment-awaiting-moderation, .children, ul.children, ol.children, "
            + ".comment-footer, .comment-actions, .comment-like, .comment-likes, .vcard, .comment-number, "
            + ".comment__meta, .comment__links, .comment__avatar, .comment-likes, [id^=comment-like-]";

    @Override
    public String name() {
        return "wordpress";
    }

    @Override
    public Site site() {
        return Site.WORDPRESS;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        if (!WordPressPost.isWordPress(doc) || WpDiscuzParser.hasWpDiscuz(doc)) {
            return false;
        }
        return doc.selectFirst(NODE_SELECTOR) != null
                || doc.selectFirst("#respond, #commentform, .comment-respond") != null
                && doc.selectFirst("article, .hentry, .post, .entry-content") != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Map<String, Element> nodes = nodes(doc);
        int pings = 0;
        Map<String, Element> comments = new LinkedHashMap<>();
        for (Map.Entry<String, Element> e : nodes.entrySet()) {
            if (isPing(e.getValue()) || PING_AUTHOR.matcher(String.valueOf(author(e.getValue(), e.getKey())))
                    .find()) {
                pings++;
            } else if (looksLikeComment(e.getValue())) {
                comments.put(e.getKey(), e.getValue());
            }
        }
        if (comments.isEmpty()) {
            throw new NotAThreadException(pings > 0
                    ? "a WordPress post with only pingbacks/trackbacks, no comments"
                    : "a WordPress post without comments (not a discussion)");
        }
        Element area = commentsArea(doc, comments.values().iterator().next());
        String url = WordPressPost.canonicalUrl(doc, page);
        if (url == null) {
            url = fromCommentPermalinks(doc);
        }
        if (url == null) {
            throw new NotAThreadException("a WordPress comment page that does not say which post it belongs to");
        }
        Story story = WordPressPost.story(doc, page, url, area);
        ZoneId zone = WordPressPost.zone(doc);
        List<Comment> out = new ArrayList<>();
        Set<String> known = new HashSet<>(comments.keySet());
        int undated = 0;
        for (Map.Entry<String, Element> e : comments.entrySet()) {
            String parent = parentNumber(e.getValue(), e.getKey());
            if (parent != null && !comments.containsKey(parent)) {
                // Replies to a pingback (rare) or to a comment the page did not hold hang at the top.
                if (!nodes.containsKey(parent) && known.add(parent)) {
                    out.add(Comment.placeholder(parent, null));
                } else if (nodes.containsKey(parent)) {
                    parent = null;
                }
            }
            Comment c = comment(e.getValue(), e.getKey(), parent, page.capturedAt(), zone);
            if (c.posted() == null) {
                undated++;
            }
            out.add(c);
        }
        if (pings > 0) {
            warnings.add(pings + " pingback" + (pings == 1 ? "" : "s") + "/trackbacks left out (links from other "
                    + "sites, not comments by people)");
        }
        if (undated > 0) {
            warnings.add(undated + " comment date" + (undated == 1 ? "" : "s") + " could not be resolved; kept as "
                    + "text");
        }
        return new ParsedThread(story, out, warnings, page.capturedAt(), null, List.of());
    }

    /** The outermost element of each comment by number, in page order. */
    static Map<String, Element> nodes(Document doc) {
        Map<String, Element> out = new LinkedHashMap<>();
        for (Element e : doc.select(NODE_SELECTOR)) {
            Matcher m = NODE_ID.matcher(e.id());
            if (m.matches()) {
                // Page order puts an outer element before the inner one of the same comment.
                out.putIfAbsent(m.group(1), e);
            }
        }
        return out;
    }

    private static boolean isPing(Element node) {
        for (String c : node.classNames()) {
            String lower = c.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("pingback") || lower.equals("trackback") || lower.endsWith("-pingback")
                    || lower.endsWith("-trackback")) {
                return true;
            }
        }
        return node.closest(".pinglist, .pingbacklist, .trackbacklist, #pings, .pingbacks") != null;
    }

    /** A comment has a body or an author: anchors and empty shells that only carry the id are not comments. */
    private static boolean looksLikeComment(Element node) {
        return !SafeHtml.squash(node.text()).isEmpty()
                && node.selectFirst(".comment-author, .fn, cite, .comment-content, .comment-text, .comment-body, "
                + "[itemprop=author], .comment-meta, .commentmetadata, p") != null;
    }

    private static Element commentsArea(Document doc, Element first) {
        Element area = first.closest("#comments, .comments-area, #comment-wrapper, .comments, #commentlist");
        return area != null ? area : first.parent();
    }

    private static String fromCommentPermalinks(Document doc) {
        for (Element a : doc.select("a[href*=#comment-]")) {
            String href = a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href");
            String url = WordPressPost.normalize(href.replaceFirst("#.*$", ""));
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** The number of the comment whose element encloses this one (the {@code children} list sits inside it). */
    static String parentNumber(Element node, String own) {
        for (Element up = node.parent(); up != null; up = up.parent()) {
            Matcher m = NODE_ID.matcher(up.id());
            if (m.matches() && !m.group(1).equals(own)) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The first element matching {@code css} that belongs to this comment rather than to a reply inside it. */
    static Element own(Element node, String number, String css) {
        for (Element e : node.select(css)) {
            if (number.equals(ownerNumber(e))) {
                return e;
            }
        }
        return null;
    }

    private static String ownerNumber(Element e) {
        for (Element up = e; up != null; up = up.parent()) {
            Matcher m = NODE_ID.matcher(up.id());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Comment comment(Element node, String number, String parent, Instant captured, ZoneId zone) {
        String author = author(node, number);
        Instant posted = null;
        String postedText = null;
        Element time = own(node, number, "time[datetime]");
        if (time != null) {
            posted = HumanDates.absolute(time.attr("datetime"), zone);
        }
        if (posted == null) {
            Element titled = own(node, number, ".comment-time[title], .comment-date[title], abbr[title]");
            if (titled != null) {
                posted = HumanDates.absolute(titled.attr("title"), zone);
            }
        }
        if (posted == null) {
            Element meta = own(node, number, ".comment-metadata, .comment-meta, .commentmetadata, .comment-date, "
                    + ".comment-time, .comment-meta-data, time, .date");
            if (meta == null) {
                // Some themes write the date into the byline: "NAME said, on August 3, 2019 at 3:12 pm".
                meta = own(node, number, ".comment-author, .comment_author");
            }
            if (meta != null) {
                String text = SafeHtml.squash(meta.text());
                posted = HumanDates.resolve(text, captured, zone);
                if (posted == null && !text.isEmpty()) {
                    postedText = text.length() > 80 ? text.substring(0, 80) : text;
                }
            }
        }
        SafeHtml.Body body = body(node, number);
        boolean hasBody = body != null && !body.isEmpty();
        boolean moderated = own(node, number, ".comment-awaiting-moderation") != null;
        return new Comment(number, parent, author, null, posted, postedText, null, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null,
                hasBody ? Completeness.FULL : Completeness.METADATA_ONLY,
                moderated && !hasBody ? CommentState.REMOVED : CommentState.NORMAL, postNumber(node, number),
                false);
    }

    private static String author(Element node, String number) {
        for (String css : List.of(".comment-author .fn", ".fn", ".comment-author-name", ".comment__author-name",
                ".comment-author cite", "[itemprop=author] [itemprop=name]",
                ".comment-author a[href]:not([href*=#comment])", ".comment-author", "[itemprop=author]", ".commenter", ".comment-meta cite", "cite", ".author",
                "[class*=author-name]", "[class*=comment-author]", "[class*=comment_author]", ".name")) {
            Element e = own(node, number, css);
            if (e == null) {
                continue;
            }
            Element copy = e.clone();
            removeInside(copy, ".says, .avatar, img, .comment-date, time, .comment-meta, .commentmetadata");
            String name = SAYS.matcher(SafeHtml.squash(copy.text())).replaceFirst("").trim();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return null;
    }

    private static SafeHtml.Body body(Element node, String number) {
        for (String css : BODY_SELECTORS) {
            Element e = own(node, number, css);
            if (e == null) {
                continue;
            }
            Element copy = e.clone();
            removeInside(copy, NOT_BODY);
            removeReplies(copy, number);
            SafeHtml.Body body = SafeHtml.clean(copy);
            if (!body.isEmpty()) {
                return body;
            }
        }
        // Old themes put the paragraphs straight into the comment's list item, after the byline.
        Element copy = node.clone();
        removeInside(copy, NOT_BODY);
        removeReplies(copy, number);
        removeInside(copy, "cite, small, img, .comment-number, .gravatar");
        StringBuilder paragraphs = new StringBuilder();
        for (Element p : copy.select("p, blockquote, pre, ul, ol")) {
            if (p.parents().stream().noneMatch(up -> up != copy && up.parents().contains(copy)
                    && (up.normalName().equals("blockquote") || up.normalName().equals("p")
                    || up.normalName().equals("ul") || up.normalName().equals("ol")))) {
                paragraphs.append(p.outerHtml());
            }
        }
        SafeHtml.Body body = SafeHtml.cleanFragment(paragraphs.toString(), node.baseUri());
        return body.isEmpty() ? null : body;
    }

    /** The number a theme prints beside the comment ("#12"), where it does. */
    private static Integer postNumber(Element node, String number) {
        Element n = own(node, number, ".comment-number, .comment-count, .commentnumber");
        return n == null ? null : io.threadkeep.importer.MarkupNumbers.firstInteger(n.text());
    }

    /** Removes the elements of other comments (replies) from a copy of this comment's element. */
    private static void removeReplies(Element copy, String number) {
        for (Element e : copy.select(NODE_SELECTOR)) {
            Matcher m = NODE_ID.matcher(e.id());
            if (e != copy && e.parent() != null && m.matches() && !m.group(1).equals(number)) {
                e.remove();
            }
        }
    }

    /** Removes the descendants matching {@code css} (never the element itself, which a selection includes). */
    static void removeInside(Element root, String css) {
        for (Element e : root.select(css)) {
            if (e != root && e.parent() != null) {
                e.remove();
            }
        }
    }
}
