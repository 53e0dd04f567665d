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
 * phpBB topic pages of three markup families: phpBB 3 prosilver ({@code div.post#pN} with {@code p.author},
 * {@code div.content}, {@code div.signature}), phpBB 3.0 subsilver2 ({@code a[name=pN]} in a
 * {@code table.tablebg} with {@code b.postauthor} and {@code div.postbody}) and phpBB 2 subSilver
 * ({@code a[name=N]} in the post's row, {@code span.name}, {@code span.postdetails}, {@code span.postbody}).
 * Quotes name their post through the {@code cite}'s link to {@code #pN} (phpBB 3.2+); older quotes only name the
 * author.
 */
public final class PhpBbParser implements SiteParser {

    private static final String PROSILVER = "div.post[id~=^p\\d+$]";
    private static final Pattern QUOTED = Pattern.compile("(?:[?&]p=|#p)(\\d+)");
    private static final Pattern TOPIC = Pattern.compile("[?&](?:amp;)?t=(\\d+)");
    private static final Pattern SEO_TOPIC = Pattern.compile("-t(\\d+)(?:-\\d+)?\\.html$|/topic(\\d+)(?:-\\d+)?\\.html$");
    private static final Pattern SEO_PAGE = Pattern.compile("(?:-t\\d+|/topic\\d+)(-\\d+)\\.html$");
    private static final Pattern SIGNATURE_RULE = Pattern.compile("^\\s*_{5,}");

    private enum Era { PROSILVER, SUBSILVER2, PHPBB2 }

    /** Stored with every page it reads; never change it (a new name would look like a different parser). */
    @Override
    public String name() {
        return "phpbb";
    }

    @Override
    public Site site() {
        return Site.PHPBB;
    }

    @Override
    public boolean accepts(Page page) {
        return era(page.document()) != null;
    }

    private static Era era(Document doc) {
        if (doc.selectFirst(PROSILVER + " div.postbody") != null && doc.selectFirst(PROSILVER + " .content") != null) {
            return Era.PROSILVER;
        }
        if (doc.selectFirst("table.tablebg b.postauthor") != null && doc.selectFirst("div.postbody") != null) {
            return Era.SUBSILVER2;
        }
        if (doc.selectFirst("span.postbody") != null && doc.selectFirst("span.name a[name], span.name > a[name]")
                != null) {
            return Era.PHPBB2;
        }
        return null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        Era era = era(doc);
        List<String> warnings = new ArrayList<>();
        List<ForumPost> posts = switch (era) {
            case PROSILVER -> prosilver(doc, page);
            case SUBSILVER2 -> subsilver2(doc, page);
            default -> phpbb2(doc, page);
        };
        if (posts.isEmpty()) {
            throw new NotAThreadException("a phpBB page without posts");
        }
        String title = title(doc, era);
        String topicId = topicId(doc, page);
        String url = threadUrl(doc, page, topicId);
        if (url == null) {
            throw new NotAThreadException("a phpBB topic page whose address cannot be found");
        }
        int pageNumber = pageNumber(doc);
        String board = ForumMarkup.lastCrumb(doc, "#nav-breadcrumbs .crumb a, ul.navlinks li.icon-home a, "
                + "p.breadcrumbs a, td.nav a.nav, span.nav a.nav, .navbar a[href*=viewforum]", title);
        ForumHead head = new ForumHead(topicId, url, title, board, pageNumber, null, null, pageNumber == 1);
        return ForumThreads.build(Site.PHPBB, head, posts, page, warnings);
    }

    private static List<ForumPost> prosilver(Document doc, Page page) {
        List<ForumPost> posts = new ArrayList<>();
        for (Element e : doc.select(PROSILVER)) {
            Element postbody = e.selectFirst("div.postbody");
            Element content = postbody == null ? null : postbody.selectFirst("div.content");
            if (content == null) {
                continue;
            }
            Element authorLine = e.selectFirst("p.author");
            Element name = e.selectFirst("p.author .username, p.author .username-coloured, "
                    + "dl.postprofile .username, dl.postprofile .username-coloured, p.author strong, "
                    + "dl.postprofile dt strong");
            String author = name == null ? null : ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
            String authorId = userId(e.selectFirst("p.author a[href*=mode=viewprofile], "
                    + "dl.postprofile a[href*=mode=viewprofile]"));
            ForumDates.Posted posted = null;
            if (authorLine != null) {
                Element time = authorLine.selectFirst("time[datetime]");
                String shown = authorLine.text();
                int sep = shown.lastIndexOf('»');
                shown = sep >= 0 ? shown.substring(sep + 1) : shown;
                posted = ForumDates.either(time == null ? null : time.attr("datetime"), shown, page.capturedAt());
            }
            List<String> quoted = ForumMarkup.linkedIds(content, "blockquote cite a[href]", QUOTED);
            // The cite line's jump arrow and repeated date say nothing in a reader; the name stays as its own line.
            content.select("blockquote cite a[data-post-id], blockquote cite a[href*=#p], "
                    + "blockquote cite .responsive-hide").remove();
            content.select("blockquote cite").tagName("p");
            SafeHtml.Body body = ForumMarkup.body(content, "script, div.signature, div.notice, "
                    + "div.codebox p, dl.codebox dt", "div.quotecontent");
            posts.add(new ForumPost(e.id().substring(1), author, authorId, posted, null, null, body, quoted, null));
        }
        return posts;
    }

    private static List<ForumPost> subsilver2(Document doc, Page page) {
        List<ForumPost> posts = new ArrayList<>();
        for (Element anchor : doc.select("a[name~=^p\\d+$]")) {
            Element table = anchor.closest("table.tablebg");
            if (table == null) {
                continue;
            }
            Element name = table.selectFirst("b.postauthor");
            List<Element> bodies = table.select("div.postbody");
            if (name == null || bodies.isEmpty()) {
                continue;
            }
            String dateText = null;
            for (Element detail : table.select("td.gensmall div")) {
                String t = SafeHtml.squash(detail.text());
                int colon = t.indexOf(':');
                if (colon > 0 && ForumMarkup.dateLikeText(detail, null) == null && t.matches("(?s).*\\d{4}.*")
                        && !t.toLowerCase().contains("subject") && !t.toLowerCase().contains("betreff")) {
                    dateText = t.substring(colon + 1);
                } else if (dateText == null && ForumMarkup.dateLikeText(detail, null) != null) {
                    dateText = ForumMarkup.dateLikeText(detail, null);
                }
            }
            Element content = bodies.get(0);
            for (int i = 1; i < bodies.size(); i++) {
                if (SIGNATURE_RULE.matcher(bodies.get(i).text()).find()) {
                    bodies.get(i).remove();
                }
            }
            String author = ForumMarkup.emptyToNull(SafeHtml.squash(name.text()));
            SafeHtml.Body body = ForumMarkup.body(content, "script", "div.quotecontent");
            posts.add(new ForumPost(anchor.attr("name").substring(1), author, userId(table.selectFirst(
                    "a[href*=mode=viewprofile]")), ForumDates.text(dateText, page.capturedAt()), null, null, body,
                    List.of(), null));
        }
        return posts;
    }

    private static List<ForumPost> phpbb2(Document doc, Page page) {
        List<ForumPost> posts = new ArrayList<>();
        for (Element anchor : doc.select("span.name a[name~=^\\d+$]")) {
            Element row = anchor.closest("tr");
            if (row == null) {
                continue;
            }
            Element name = anchor.parent().selectFirst("b");
            // The byline cell's postdetails hold the join date; the post's own line has the time of day.
            Element details = row.select("span.postdetails").stream()
                    .filter(d -> d.text().matches("(?s).*\\d{1,2}:\\d\\d.*")).findFirst().orElse(null);
            String dateText = null;
            if (details != null) {
                String t = SafeHtml.squash(details.text());
                // "Posted: Mon Jan 05, 2015 10:15 am    Post subject: ..." (any language: label, date, label)
                Matcher m = Pattern.compile("^[^:]*:\\s*(.*?\\d{1,2}:\\d\\d(?:\\s*[ap]m)?)", Pattern.CASE_INSENSITIVE)
                        .matcher(t);
                dateText = m.find() ? m.group(1) : t;
            }
            List<Element> bodies = row.select("span.postbody");
            if (bodies.isEmpty()) {
                continue;
            }
            // The body is the cell: a quote is a table between two postbody spans.
            Element content = bodies.get(0).parent();
            content.select("span.gensmall").remove();
            // The body's own trailing signature: everything from the "_________________" line on.
            SafeHtml.Body body = ForumMarkup.body(content, "script", "td.quote");
            String text = body.text();
            Matcher sig = Pattern.compile("\\n?_{10,}[\\s\\S]*$").matcher(text);
            if (sig.find()) {
                body = new SafeHtml.Body(body.html().replaceAll("(?s)(<br>)*_{10,}.*$", ""),
                        text.substring(0, sig.start()).strip());
            }
            String author = name == null ? SafeHtml.squash(anchor.parent().text()) : SafeHtml.squash(name.text());
            posts.add(new ForumPost(anchor.attr("name"), ForumMarkup.emptyToNull(author),
                    userId(row.selectFirst("a[href*=mode=viewprofile]")), ForumDates.text(dateText,
                    page.capturedAt()), null, null, body, List.of(), null));
        }
        return posts;
    }

    private static String userId(Element profile) {
        if (profile == null) {
            return null;
        }
        Matcher m = Pattern.compile("[?&](?:amp;)?u=(\\d+)").matcher(profile.attr("href"));
        return m.find() ? m.group(1) : null;
    }

    private static String topicId(Document doc, Page page) {
        List<String> candidates = new ArrayList<>();
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        if (canonical != null) {
            candidates.add(canonical.attr("href"));
        }
        for (Element a : doc.select("h2.topic-title a[href], #page-body h2 a[href], h2 a[href*=viewtopic], "
                + "a.maintitle[href], a[href*=viewtopic.php][href*=t=]")) {
            candidates.add(a.attr("href"));
        }
        if (page.url() != null) {
            candidates.add(page.url());
        }
        for (String c : candidates) {
            Matcher m = TOPIC.matcher(c);
            if (m.find()) {
                return m.group(1);
            }
            Matcher seo = SEO_TOPIC.matcher(c.replaceAll("[?#].*$", ""));
            if (seo.find()) {
                return seo.group(1) != null ? seo.group(1) : seo.group(2);
            }
        }
        Element hidden = doc.selectFirst("input[name=t][value]");
        return hidden == null ? null : hidden.attr("value");
    }

    /** {@code viewtopic.php?t=N} on the forum's own path; an SEO URL without its page suffix. */
    private static String threadUrl(Document doc, Page page, String topicId) {
        String pageUrl = ForumMarkup.pageUrl(doc, page);
        if (pageUrl == null) {
            Element a = doc.selectFirst("h2.topic-title a[href], #page-body h2 a[href*=viewtopic], "
                    + "a.maintitle[href*=viewtopic], a[href*=viewtopic.php][href*=t=" + topicId + "]");
            pageUrl = a == null || a.absUrl("href").isEmpty() ? null : a.absUrl("href");
        }
        if (pageUrl == null) {
            return null;
        }
        if (pageUrl.contains("viewtopic.php") && topicId != null) {
            return ForumMarkup.threadUrl(pageUrl.substring(0, pageUrl.indexOf("viewtopic.php")), null)
                    + "viewtopic.php?t=" + topicId;
        }
        return ForumMarkup.threadUrl(pageUrl, SEO_PAGE);
    }

    private static int pageNumber(Document doc) {
        Element active = doc.selectFirst(".pagination li.active span, .pagination strong, td.nav b, "
                + "span.nav b");
        Integer n = active == null ? null : MarkupNumbers.firstInteger(active.text());
        return n == null || n < 1 ? 1 : n;
    }

    private static String title(Document doc, Era era) {
        String t = ForumMarkup.text(doc, era == Era.PROSILVER ? "h2.topic-title, #page-body > h2, h2"
                : era == Era.SUBSILVER2 ? "#pageheader h2 a, h2 a, h2" : "a.maintitle, span.maintitle");
        return t != null ? t : ForumMarkup.titleFromDocument(doc);
    }
}
