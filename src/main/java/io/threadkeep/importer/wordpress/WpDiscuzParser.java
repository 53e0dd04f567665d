package io.threadkeep.importer.wordpress;

import io.threadkeep.importer.HumanDates;
import io.threadkeep.importer.MarkupNumbers;
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
 * The wpDiscuz comment plugin for WordPress, versions 5 ({@code wc-comm-ID_PARENT}, {@code .wc-comment-*}) and 7
 * ({@code wpd-comm-ID_PARENT}, {@code .wpd-comment-*}). The element id names the comment and its parent. Long
 * bodies may be cut on the page with a "… Mehr"/"Read more" link that loads the rest by script: those are kept as
 * ABBREVIATED, with the link left out of the text. Dates are often relative ("50 Minuten her", "vor 1 Stunde");
 * the date element's {@code title}, where there is one, has the absolute time. Votes are the score.
 */
public final class WpDiscuzParser implements SiteParser {

    private static final Pattern NODE_ID = Pattern.compile("^(?:wc|wpd)-comm-(\\d+)_(\\d+)$");
    private static final String NODE_SELECTOR = "[id~=^(?:wc|wpd)-comm-\\d+_\\d+$]";

    @Override
    public String name() {
        return "wpdiscuz";
    }

    @Override
    public Site site() {
        return Site.WORDPRESS;
    }

    static boolean hasWpDiscuz(Document doc) {
        return doc.selectFirst(NODE_SELECTOR) != null;
    }

    @Override
    public boolean accepts(Page page) {
        return hasWpDiscuz(page.document());
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        List<String> warnings = new ArrayList<>();
        Map<String, Element> nodes = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (Element e : doc.select(NODE_SELECTOR)) {
            Matcher m = NODE_ID.matcher(e.id());
            if (m.matches() && !nodes.containsKey(m.group(1))) {
                nodes.put(m.group(1), e);
                parents.put(m.group(1), m.group(2).equals("0") ? null : m.group(2));
            }
        }
        if (nodes.isEmpty()) {
            throw new NotAThreadException("a wpDiscuz comment section without comments");
        }
        String url = WordPressPost.canonicalUrl(doc, page);
        if (url == null) {
            throw new NotAThreadException("a wpDiscuz comment page that does not say which post it belongs to");
        }
        Element area = doc.selectFirst("#wpdcom, #wpcomm, #comments");
        Story story = WordPressPost.story(doc, page, url, area);
        ZoneId zone = WordPressPost.zone(doc);
        List<Comment> out = new ArrayList<>();
        Set<String> known = new HashSet<>(nodes.keySet());
        int abbreviated = 0;
        int undated = 0;
        for (Map.Entry<String, Element> e : nodes.entrySet()) {
            String parent = parents.get(e.getKey());
            if (parent != null && known.add(parent)) {
                out.add(Comment.placeholder(parent, null));
            }
            Comment c = comment(e.getValue(), e.getKey(), parent, page.capturedAt(), zone);
            if (c.completeness() == Completeness.ABBREVIATED) {
                abbreviated++;
            }
            if (c.posted() == null) {
                undated++;
            }
            out.add(c);
        }
        if (abbreviated > 0) {
            warnings.add(abbreviated + " comment bod" + (abbreviated == 1 ? "y" : "ies")
                    + " cut short on the page (\"read more\" loads the rest by script)");
        }
        if (undated > 0) {
            warnings.add(undated + " comment date" + (undated == 1 ? "" : "s") + " could not be resolved"
                    + (page.capturedAt() == null ? " (relative to an unknown save date)" : "") + "; kept as text");
        }
        return new ParsedThread(story, out, warnings, page.capturedAt(), null, List.of());
    }

    private static Element own(Element node, String id, String css) {
        for (Element e : node.select(css)) {
            Element owner = e.closest(NODE_SELECTOR);
            Matcher m = owner == null ? null : NODE_ID.matcher(owner.id());
            if (m != null && m.matches() && m.group(1).equals(id)) {
                return e;
            }
        }
        return null;
    }

    private static Comment comment(Element node, String id, String parent, Instant captured, ZoneId zone) {
        Element authorElement = own(node, id, ".wpd-comment-author, .wc-comment-author");
        String author = authorElement == null ? null : SafeHtml.squash(authorElement.text());
        if (author != null && author.isEmpty()) {
            author = null;
        }
        Instant posted = null;
        String postedText = null;
        Element date = own(node, id, ".wpd-comment-date, .wc-comment-date");
        if (date != null) {
            posted = HumanDates.absolute(date.attr("title"), zone);
            if (posted == null) {
                String text = SafeHtml.squash(date.text());
                posted = HumanDates.resolve(text, captured, zone);
                postedText = posted == null && !text.isEmpty() ? text : null;
            }
        }
        Integer score = null;
        Element votes = own(node, id, ".wpd-vote-result, .wc-vote-result");
        if (votes != null) {
            score = MarkupNumbers.firstInteger(votes.text());
        }
        Element text = own(node, id, ".wpd-comment-text, .wc-comment-text");
        SafeHtml.Body body = null;
        boolean cut = false;
        if (text != null) {
            Element copy = text.clone();
            cut = copy.selectFirst(".wpdiscuz-readmore, [id^=wpdiscuz-readmore]") != null;
            WordPressParser.removeInside(copy, "[id^=wpdiscuz-readmore], .wpdiscuz-readmore, .wpdiscuz-hellip");
            body = SafeHtml.clean(copy);
        }
        boolean hasBody = body != null && !body.isEmpty();
        Completeness completeness = !hasBody ? Completeness.METADATA_ONLY
                : cut ? Completeness.ABBREVIATED : Completeness.FULL;
        return new Comment(id, parent, author, null, posted, postedText, score, null, null,
                hasBody ? body.html() : null, hasBody ? body.text() : null, completeness, CommentState.NORMAL);
    }
}
