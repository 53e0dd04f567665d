package io.threadkeep.importer.slashdot;

import io.threadkeep.body.SafeLinks;
import io.threadkeep.importer.SafeHtml;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What a page says about its story, read from one of Slashdot's three story-header layouts: the firehose
 * {@code <article>} (late 2013 on), the CSS {@code div.article} (2006–2012) and the table layout (1997–2005). Fields
 * the page lacks stay null.
 */
final class StoryHeader {

    private static final Pattern DEPT = Pattern.compile("from\\s+the\\s+(.+?)\\s+dept\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTED_BY = Pattern.compile(
            "Posted\\s+by\\s+(.+?)(?:\\s+on\\s+|\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\b|\\s+from\\s+the\\s|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT_COUNT = Pattern.compile("(\\d[\\d,]*)\\s+comments?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern THRESHOLD_ALL = Pattern.compile("^\\s*-1\\s*:\\s*(\\d[\\d,]*)\\s+comments?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> INLINE = Set.of("b", "i", "font", "strong", "em", "span", "small", "big", "u");

    String title;
    String poster;
    SlashdotDates.Parts date;
    String department;
    final Set<String> topics = new LinkedHashSet<>();
    final Set<String> tags = new LinkedHashSet<>();
    SafeHtml.Body summary;
    Integer declaredCount;
    String linkUrl;

    private StoryHeader() {
    }

    /** The firehose {@code <article>} header; null when the page has none. */
    static StoryHeader firehose(Document doc) {
        Element article = doc.selectFirst("article[data-fhtype=story], article.fhitem-story");
        if (article == null) {
            return null;
        }
        StoryHeader h = new StoryHeader();
        Element titleBox = article.selectFirst(".story-title, h1.story, h2.story, [id^=title-]");
        if (titleBox != null) {
            for (Element a : titleBox.select("a")) {
                if (!a.hasClass("story-sourcelnk") && a.closest(".extlnk") == null) {
                    h.title = text(a);
                    break;
                }
            }
            if (h.title == null) {
                h.title = text(titleBox);
            }
        }
        Element byline = article.selectFirst(".story-byline");
        if (byline == null) {
            byline = article.selectFirst(".details");
        }
        if (byline != null) {
            h.poster = poster(byline);
            Element time = byline.selectFirst("time");
            h.date = SlashdotDates.find(time != null ? time.text() + " " + time.attr("datetime") : byline.text());
            if (h.date == null) {
                h.date = SlashdotDates.find(byline.text());
            }
            Element dept = article.selectFirst(".dept-text");
            h.department = dept != null ? text(dept) : department(byline.text());
        }
        for (Element img : article.select(".topic img")) {
            h.addTopic(img);
        }
        for (Element tag : article.select(".tag-bar a.tag, .tags a.tag, [id^=tagbar-] a")) {
            h.addTag(tag.text());
        }
        Element summary = article.selectFirst("[id^=text-], .body .p, div.body");
        if (summary != null) {
            h.summary = SlashdotMarkup.cleanBody(summary);
        }
        Element count = article.selectFirst(".comment-bubble a, .comment-bubble, [class*=commentcnt]");
        h.declaredCount = count != null ? SlashdotMarkup.count(count.text()) : null;
        Element source = article.selectFirst("a.story-sourcelnk[href]");
        if (source != null) {
            h.linkUrl = SafeLinks.safeHref(source);
        }
        h.fillFromDocument(doc);
        return h;
    }

    /** The CSS-era {@code div.article} header of 2006–2012; null when the page has none. */
    static StoryHeader classic(Document doc) {
        Element article = doc.selectFirst("div.article");
        if (article == null) {
            return null;
        }
        StoryHeader h = new StoryHeader();
        Element title = article.selectFirst(".generaltitle .title, .title h3, h3");
        h.title = title != null ? text(title) : null;
        Element details = article.selectFirst(".details");
        if (details != null) {
            h.poster = poster(details);
            h.date = SlashdotDates.find(details.text());
            h.department = department(details.text());
        }
        for (Element img : article.select(".topic img")) {
            h.addTopic(img);
        }
        List<Node> summary = new ArrayList<>();
        for (Element part : article.select(".intro, .full")) {
            summary.add(part);
        }
        if (!summary.isEmpty()) {
            SafeHtml.Body body = SlashdotMarkup.cleanNodes(article, summary);
            h.summary = body.isEmpty() ? null : body;
        }
        for (Element box : doc.select("[id^=tagbox-]")) {
            for (Element tag : box.select(".tagname a, a.tag")) {
                h.addTag(tag.text());
            }
        }
        h.fillFromDocument(doc);
        return h;
    }

    /** The table layout of 1997–2005: found through its "Posted by" line; null when the page has none. */
    static StoryHeader table(Document doc) {
        Element posted = null;
        for (Element e : doc.body().getElementsMatchingOwnText(Pattern.compile("Posted\\s+by", Pattern.CASE_INSENSITIVE))) {
            posted = e;
            break;
        }
        if (posted == null) {
            return null;
        }
        StoryHeader h = new StoryHeader();
        h.poster = poster(posted);
        h.date = SlashdotDates.find(posted.text());
        Element deptLine = null;
        for (Element e : doc.body().getElementsMatchingOwnText(Pattern.compile("dept\\.?", Pattern.CASE_INSENSITIVE))) {
            Matcher m = DEPT.matcher(e.text());
            if (m.find()) {
                deptLine = e;
                h.department = clean(m.group(1));
                break;
            }
        }
        Element topicScope = posted.closest("table");
        for (Element img : (topicScope != null ? topicScope : doc.body()).select("img[src*=topic]")) {
            h.addTopic(img);
        }
        Node anchor = outermostInline(deptLine != null ? deptLine : posted);
        List<Node> summary = new ArrayList<>();
        boolean started = false;
        for (Node n = anchor.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element e) {
                if (isSummaryEnd(e)) {
                    break;
                }
                if (!started && (e.normalName().equals("br") || e.normalName().equals("p") && e.text().isBlank())) {
                    continue;
                }
            } else if (n instanceof TextNode t && !started && t.isBlank()) {
                continue;
            }
            started = true;
            summary.add(n);
        }
        if (!summary.isEmpty() && anchor.parent() instanceof Element parent) {
            SafeHtml.Body body = SlashdotMarkup.cleanNodes(parent, summary);
            h.summary = body.isEmpty() ? null : body;
        }
        h.fillFromDocument(doc);
        return h;
    }

    private static boolean isSummaryEnd(Element e) {
        String tag = e.normalName();
        if (tag.equals("table") || tag.equals("form") || tag.equals("hr")) {
            return true;
        }
        if (e.selectFirst("a[name~=^\\d+$], a[href*=cid=], form, table") != null) {
            return true;
        }
        String text = e.text().trim();
        // "Read More...", the slashbox of related links, and the "< previous story | next story >" bar
        return text.startsWith("Read More") || text.contains("Related Links")
                || text.startsWith("<") && text.endsWith(">") && text.contains("|");
    }

    private static Node outermostInline(Element e) {
        Node node = e;
        while (node.parent() instanceof Element p && INLINE.contains(p.normalName()) && p.parent() != null) {
            node = p;
        }
        return node;
    }

    /** Title, comment count: from whatever the page has when the header did not say. */
    private void fillFromDocument(Document doc) {
        if (title == null || title.isEmpty()) {
            Element og = doc.selectFirst("meta[property=og:title][content]");
            title = pageTitle(og != null ? og.attr("content") : doc.title());
        }
        if (declaredCount == null) {
            for (Element option : doc.select("select[name=threshold] option, select#threshold option")) {
                Matcher m = THRESHOLD_ALL.matcher(option.text());
                if (m.find()) {
                    declaredCount = SlashdotMarkup.count(m.group(1));
                    break;
                }
            }
        }
        if (declaredCount == null) {
            for (Element box : doc.select(".commentBox, .totalcommentcnt")) {
                // D2's title count is how many comments are shown above the threshold, not the thread's size.
                Matcher m = COMMENT_COUNT.matcher(SlashdotMarkup.textWithout(box, ".titlecount, #titlecountnum"));
                if (box.hasClass("totalcommentcnt")) {
                    declaredCount = SlashdotMarkup.count(box.text());
                } else if (m.find()) {
                    declaredCount = SlashdotMarkup.count(m.group(1));
                }
                if (declaredCount != null) {
                    break;
                }
            }
        }
        if (declaredCount == null) {
            // The table layout's comment bar: "... | <B>742</B> comments | Search Discussion"
            for (Element b : doc.select("b")) {
                Node next = b.nextSibling();
                if (next instanceof TextNode t && t.text().trim().toLowerCase(java.util.Locale.ROOT).startsWith("comments")
                        && b.text().trim().matches("\\d[\\d,]*")) {
                    declaredCount = SlashdotMarkup.count(b.text());
                    break;
                }
            }
        }
    }

    static String pageTitle(String raw) {
        if (raw == null) {
            return null;
        }
        String t = SafeHtml.squash(raw);
        t = t.replaceFirst("(?i)^slashdot\\s*[|:-]\\s*", "").replaceFirst("(?i)\\s*[|-]\\s*slashdot$", "");
        return t.isEmpty() ? null : t;
    }

    private static String poster(Element byline) {
        String text = byline.text();
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("posted by");
        if (at < 0) {
            return null;
        }
        for (Element a : byline.select("a")) {
            if (a.closest("time, .dept-text") != null || a.text().isBlank()) {
                continue;
            }
            // Only a link that is the first thing after "Posted by" is the poster (not the submitter's link).
            int linkAt = text.indexOf(a.text(), at);
            if (linkAt >= 0 && text.substring(at + "posted by".length(), linkAt).isBlank()) {
                return clean(a.text());
            }
            break;
        }
        Matcher m = POSTED_BY.matcher(text.substring(at));
        return m.find() ? clean(m.group(1)) : null;
    }

    private static String department(String text) {
        Matcher m = DEPT.matcher(text);
        return m.find() ? clean(m.group(1)) : null;
    }

    private void addTopic(Element img) {
        String name = img.attr("alt").isBlank() ? img.attr("title") : img.attr("alt");
        name = clean(name);
        if (name != null) {
            topics.add(name);
        }
    }

    private void addTag(String tag) {
        String t = clean(tag);
        if (t != null) {
            tags.add(t);
        }
    }

    private static String text(Element e) {
        return clean(e.text());
    }

    private static String clean(String s) {
        String t = SafeHtml.squash(s);
        return t == null || t.isEmpty() ? null : t;
    }
}
