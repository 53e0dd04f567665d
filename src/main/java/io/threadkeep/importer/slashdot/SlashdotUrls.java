package io.threadkeep.importer.slashdot;

import io.threadkeep.importer.SafeHtml;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Slashdot story ids ("sid", {@code YY/MM/DD/NNNNNNN}) and the one canonical URL every form of a story's address
 * maps to. The canonical form, {@code https://slashdot.org/story/YY/MM/DD/NNNNNNN}, drops the section host
 * ({@code yro.}, {@code linux.}), the scheme and the slug, because all of those changed over the years while the sid
 * did not.
 */
final class SlashdotUrls {

    private static final String SID = "(\\d{2})/(\\d{2})/(\\d{2})/(\\d{4,8})";
    /** Any slashdot.org host (www., section hosts, m.) but not a host merely ending in "slashdot.org". */
    private static final String HOST = "(?:^|(?<=[/.@]))slashdot\\.org(?::\\d+)?";
    private static final Pattern ABSOLUTE = Pattern.compile(HOST + "(?:"
            + "/story/" + SID
            + "|/(?:[\\w-]+/)*(?:article|comments)\\.pl\\?(?:[^#\\s\"']*?[&;])?sid=" + SID
            + "|/(?:[\\w-]+/)*" + SID + "\\.shtml)", Pattern.CASE_INSENSITIVE);
    /** The same forms without a host, for links on a page that is already known to be Slashdot's. */
    private static final Pattern RELATIVE = Pattern.compile("(?:^|/)(?:"
            + "story/" + SID
            + "|(?:article|comments)\\.pl\\?(?:[^#\\s\"']*?[&;])?sid=" + SID
            + "|(?:[\\w-]+/)*" + SID + "\\.shtml)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASHDOT_HOST = Pattern.compile("^(?:https?:)?//(?:[\\w-]+\\.)*slashdot\\.org(?::\\d+)?(?:[/?#]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_SID = Pattern.compile("^" + SID + "$");
    private static final Pattern DASHED_SID = Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})-(\\d{4,8})");
    private static final Pattern DISCUSSION_ID = Pattern.compile("comments\\.pl\\?(?:[^#\\s\"']*?[&;])?sid=(\\d+)(?![\\d/])");

    private SlashdotUrls() {
    }

    /** The canonical story URL for a sid. */
    static String canonical(String sid) {
        return "https://slashdot.org/story/" + sid;
    }

    /**
     * The sid in an absolute Slashdot URL of any form (story path, article.pl, comments.pl with a story sid, old
     * .shtml path), also inside a Wayback Machine address; null when the URL names no story.
     */
    static String sidFromUrl(String url) {
        return find(ABSOLUTE, url);
    }

    /** Like {@link #sidFromUrl} but also accepts host-less links ("/article.pl?sid=..."), for links on the page. */
    static String sidFromLink(String href) {
        String sid = find(ABSOLUTE, href);
        return sid != null ? sid : find(RELATIVE, href);
    }

    /** The story sid of a page: its declared address first, then the links and ids that name its own story. */
    static String findSid(Document doc, String pageUrl) {
        for (Element link : doc.select("link[rel=canonical][href], meta[property=og:url][content], meta[name=twitter:url][content]")) {
            String sid = sidFromUrl(link.hasAttr("href") ? link.attr("href") : link.attr("content"));
            if (sid != null) {
                return sid;
            }
        }
        if (pageUrl != null) {
            String sid = sidFromUrl(pageUrl);
            if (sid != null) {
                return sid;
            }
        }
        // The story's own title link and the discussion's "back to the article" links.
        // (Containers first, then their links: a descendant selector over a deeply nested page costs its depth
        // for every link.)
        for (Element box : doc.select(".story-title, h1.story, h2.story, [id^=title-], .commentBox, .escape-link, "
                + "h2.commentspl")) {
            for (Element a : box.select("a[href]")) {
                String sid = box.hasClass("commentBox") && !a.attr("href").contains("article.pl") ? null
                        : sidFromLink(a.attr("href"));
                if (sid != null) {
                    return sid;
                }
            }
        }
        for (Element input : doc.select("input[name=returnto][value]")) {
            String sid = sidFromLink(input.attr("value"));
            if (sid != null) {
                return sid;
            }
        }
        Element tagbox = doc.selectFirst("[id^=tagbox-]");
        if (tagbox != null) {
            Matcher m = DASHED_SID.matcher(tagbox.id());
            if (m.find() && valid(m)) {
                return m.group(1) + "/" + m.group(2) + "/" + m.group(3) + "/" + m.group(4);
            }
        }
        // Then a link to a story that carries the page's title (the discussion bar's "back to the story" link),
        // and last the sid most links point at (reply forms and "Parent" links of the oldest pages).
        String title = StoryHeader.pageTitle(doc.title());
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Element a : doc.select("a[href*=sid=], a[href*=/story/], a[href$=.shtml]")) {
            String href = a.attr("href");
            if (href.contains("sdsrc=") || href.contains("popbyskid") || isPreviousNextBar(a.parent())) {
                continue; // "previous/next/related story" links name other stories
            }
            String sid = sidFromLink(href);
            if (sid != null && title != null && title.equalsIgnoreCase(SafeHtml.squash(a.text()))) {
                return sid;
            }
            if (sid != null) {
                int n = counts.merge(sid, 1, Integer::sum);
                if (best == null || n > counts.get(best)) {
                    best = sid;
                }
            }
        }
        return best;
    }

    /** The table layout's "&lt; previous story | next story &gt;" bar. */
    private static boolean isPreviousNextBar(Element e) {
        if (e == null) {
            return false;
        }
        String t = e.text().trim();
        return t.startsWith("<") && t.endsWith(">") && t.contains("|");
    }

    /** The numeric discussion id of comments.pl links, for pages that name no story sid; null if none. */
    static String findDiscussionId(Document doc) {
        for (Element a : doc.select("a[href*=comments.pl]")) {
            Matcher m = DISCUSSION_ID.matcher(a.attr("href"));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The year, month and day encoded in a sid ({@code 08/09/24/...} is 2008-09-24). */
    static java.time.LocalDate sidDate(String sid) {
        if (sid == null) {
            return null;
        }
        Matcher m = BARE_SID.matcher(sid);
        if (!m.matches()) {
            return null;
        }
        int yy = Integer.parseInt(m.group(1));
        // Slashdot began in 1997; two-digit years from 90 on are the 1990s.
        int year = yy >= 90 ? 1900 + yy : 2000 + yy;
        try {
            return java.time.LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static boolean isSlashdotHost(String url) {
        return url != null && SLASHDOT_HOST.matcher(url).find();
    }

    private static String find(Pattern pattern, String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        String u = url;
        if (u.contains("%2F") || u.contains("%2f")) {
            try {
                u = URLDecoder.decode(u.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                u = u.replaceAll("(?i)%2F", "/");
            }
        }
        Matcher m = pattern.matcher(u);
        while (m.find()) {
            for (int g = 1; g + 3 <= m.groupCount(); g += 4) {
                if (m.group(g) != null) {
                    String yy = m.group(g);
                    String mm = m.group(g + 1);
                    String dd = m.group(g + 2);
                    if (validDate(mm, dd)) {
                        return yy + "/" + mm + "/" + dd + "/" + m.group(g + 3);
                    }
                }
            }
        }
        return null;
    }

    private static boolean valid(Matcher m) {
        return validDate(m.group(2), m.group(3));
    }

    private static boolean validDate(String mm, String dd) {
        int month = Integer.parseInt(mm);
        int day = Integer.parseInt(dd);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }
}
