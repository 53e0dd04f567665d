package io.threadkeep.importer.forum;

import io.threadkeep.importer.MarkupNumbers;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What every forum engine's page needs read the same way: its URL, title, bodies and the numbers beside posts. */
final class ForumMarkup {

    /** Query parameters that only say how or by whom a thread was viewed, never which thread it is. */
    private static final Set<String> VIEW_PARAMETERS = Set.of(
            "s", "sid", "phpsessid", "page", "start", "sort", "order", "highlight", "hilit", "view", "sk", "sd",
            "st", "pp", "perpage", "utm_source", "utm_medium", "utm_campaign", "postcount", "goto", "nojs",
            "_escaped_fragment_", "u", "mode", "amp");

    private ForumMarkup() {
    }

    /** The page's own URL as the page states it: canonical link, og:url, then the container's URL. */
    static String pageUrl(Document doc, Page page) {
        for (String selector : List.of("link[rel=canonical][href]", "meta[property=og:url][content]")) {
            Element e = doc.selectFirst(selector);
            if (e != null) {
                String abs = e.hasAttr("href") ? e.absUrl("href") : e.absUrl("content");
                if (abs.isEmpty()) {
                    abs = e.hasAttr("href") ? e.attr("href") : e.attr("content");
                }
                if (abs.startsWith("http")) {
                    return abs.trim();
                }
            }
        }
        return page.url();
    }

    /**
     * A thread URL without fragment, session, sort and page parameters, and without the path's page suffix that
     * {@code pageSuffix} matches (its first matching group is removed).
     */
    static String threadUrl(String url, Pattern pageSuffix) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.trim();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        String query = null;
        int q = u.indexOf('?');
        if (q >= 0) {
            query = u.substring(q + 1);
            u = u.substring(0, q);
        }
        if (pageSuffix != null) {
            Matcher m = pageSuffix.matcher(u);
            if (m.find()) {
                // The suffix is the pattern's first group that took part in the match (alternatives may have one each).
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.start(g) >= 0) {
                        u = u.substring(0, m.start(g)) + u.substring(m.end(g));
                        break;
                    }
                }
            }
        }
        if (u.matches("(?i)http://.*")) {
            u = "https://" + u.substring("http://".length());
        }
        u = u.replaceFirst("^(https://[^/]+):443/", "$1/");
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("[&;]")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !VIEW_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.add(pair);
                }
            }
            if (!kept.isEmpty()) {
                u = u + "?" + String.join("&", kept);
            }
        }
        return u;
    }

    /** The URL's host, for messages; null when it has none. */
    static String host(String url) {
        try {
            return url == null ? null : new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The first element that the first matching selector finds: selectors are tried in order of preference (a
     * comma group would return whichever comes first in the document).
     */
    static Element first(Element scope, String... selectors) {
        for (String selector : selectors) {
            Element e = scope.selectFirst(selector);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The first element's squashed text, or null when there is none or it is blank. */
    static String text(Element scope, String selector) {
        Element e = scope.selectFirst(selector);
        if (e == null) {
            return null;
        }
        String t = SafeHtml.squash(e.text());
        return t.isEmpty() ? null : t;
    }

    /** The first meta tag's content, or null. */
    static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "][content], meta[name=" + property + "][content]");
        String t = e == null ? null : SafeHtml.squash(e.attr("content"));
        return t == null || t.isEmpty() ? null : t;
    }

    /** "#34", "Beitrag 34", "34": the post number; null when the text holds none. */
    static Integer number(String text) {
        return text == null ? null : MarkupNumbers.firstInteger(text.replace("#", " "));
    }

    /**
     * Cleans a post body in place and returns it as safe HTML: {@code remove} (signatures, "edited by" lines,
     * "click to expand" links, scripts) are taken out first, and {@code quotes} become quote blocks.
     */
    static SafeHtml.Body body(Element content, String remove, String quotes) {
        if (content == null) {
            return null;
        }
        if (remove != null && !remove.isEmpty()) {
            content.select(remove).remove();
        }
        if (quotes != null && !quotes.isEmpty()) {
            for (Element quote : content.select(quotes)) {
                quote.tagName("blockquote");
            }
        }
        return SafeHtml.clean(content);
    }

    /** The first id that {@code pattern}'s first group finds in the element's links (and the element's own). */
    static List<String> linkedIds(Element scope, String linkSelector, Pattern pattern) {
        List<String> ids = new ArrayList<>();
        for (Element a : scope.select(linkSelector)) {
            for (String attr : List.of("href", "data-source", "data-post", "data-ipsquote-contentcommentid",
                    "data-pid")) {
                if (a.hasAttr(attr)) {
                    Matcher m = pattern.matcher(a.attr(attr));
                    if (m.find() && !ids.contains(m.group(1))) {
                        ids.add(m.group(1));
                        break;
                    }
                }
            }
        }
        return ids;
    }

    private static final Pattern DATE_LIKE = Pattern.compile(
            "(?iU)\\d{1,2}[./-]\\s?\\d{1,2}[./-]\\s?\\d{2,4}|\\d{4}-\\d\\d-\\d\\d|\\b(?:heute|gestern|today|yesterday)\\b"
                    + "|\\bvor\\s+\\d+\\s+\\p{L}+|\\bago\\b");

    /**
     * The first short text outside {@code skip} that reads as a date: for templates that print the post's date in
     * no element of its own.
     */
    static String dateLikeText(Element scope, Element skip) {
        for (Element e : scope.getAllElements()) {
            if (skip != null && (e == skip || e.parents().contains(skip))) {
                continue;
            }
            String own = SafeHtml.squash(e.ownText());
            if (!own.isEmpty() && own.length() <= 60 && DATE_LIKE.matcher(own).find()) {
                String whole = SafeHtml.squash(e.text());
                return whole.length() <= 80 ? whole : own;
            }
        }
        return null;
    }

    /** The last breadcrumb that names a board: the last link of the trail that is not the thread itself. */
    static String lastCrumb(Document doc, String linksSelector, String title) {
        List<Element> links = doc.select(linksSelector);
        for (int i = links.size() - 1; i >= 0; i--) {
            String t = SafeHtml.squash(links.get(i).text());
            if (!t.isEmpty() && !t.equals(title) && !t.equals("/") && !t.equals("»") && !t.equals(">")) {
                return t;
            }
        }
        return null;
    }

    /** Removes "- Page 34", "- Seite 34", "| Page 2" and a site name after a separator from a page title. */
    static String titleFromDocument(Document doc) {
        String t = SafeHtml.squash(doc.title());
        t = t.replaceAll("(?iU)\\s*[-|–]\\s*(?:page|seite)\\s+\\d+.*$", "");
        return t.isEmpty() ? null : t;
    }

    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
