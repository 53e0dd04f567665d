package io.threadkeep.importer.container;

import io.threadkeep.importer.Page;
import io.threadkeep.importer.PageRewriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Undoes what the Wayback Machine does to a page it serves: removes its toolbar
 * ({@code <!-- BEGIN WAYBACK TOOLBAR INSERT -->} ... {@code END}) and its playback scripts, turns every
 * {@code web.archive.org/web/<timestamp>[im_|cs_|js_...]/<url>} link back into the original URL, and takes the
 * capture time from the timestamp and the original URL from the snapshot.
 */
public final class WaybackRewriter implements PageRewriter {

    private static final Pattern ARCHIVED = Pattern.compile(
            "^(?:(?:https?:)?//(?:web\\.)?archive\\.org)?/web/(\\d{4,14})(?:[a-z]{2}_|\\*)?/(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WOMBAT_CALL = Pattern.compile(
            "__wm\\.wombat\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"'](\\d{4,14})[\"']");
    private static final String[] URL_ATTRIBUTES = {"href", "src", "action", "data-url", "data-permalink"};

    @Override
    public Page rewrite(Page page) {
        Document doc = page.document();
        String originalUrl = null;
        String timestamp = null;
        Matcher fromPageUrl = page.url() == null ? null : ARCHIVED.matcher(page.url());
        if (fromPageUrl != null && fromPageUrl.find()) {
            timestamp = fromPageUrl.group(1);
            originalUrl = withScheme(fromPageUrl.group(2));
        }
        for (Element script : doc.select("script")) {
            Matcher wombat = WOMBAT_CALL.matcher(script.data());
            if (wombat.find()) {
                originalUrl = withScheme(wombat.group(1));
                timestamp = wombat.group(2);
                break;
            }
        }
        boolean toolbar = removeToolbar(doc);
        boolean scripts = removePlayback(doc);
        if (!toolbar && !scripts && timestamp == null) {
            // Not a snapshot: links into the archive are the page's own and stay as they are.
            return page;
        }
        String linkTimestamp = rewriteLinks(doc);
        if (timestamp == null) {
            timestamp = linkTimestamp;
        }
        if (originalUrl != null) {
            doc.setBaseUri(originalUrl);
        }
        Instant captured = parseTimestamp(timestamp);
        return new Page(doc, originalUrl != null ? originalUrl : page.url(),
                captured != null ? captured : page.capturedAt(), page.name());
    }

    private static boolean removeToolbar(Document doc) {
        List<Comment> begins = new ArrayList<>();
        List<Comment> ends = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment c) {
                String data = c.getData();
                if (data.contains("BEGIN WAYBACK TOOLBAR INSERT")) {
                    begins.add(c);
                } else if (data.contains("END WAYBACK TOOLBAR INSERT")) {
                    ends.add(c);
                }
            }
        }, doc);
        boolean removed = false;
        for (Comment begin : begins) {
            Node n = begin.nextSibling();
            while (n != null && !(n instanceof Comment c && ends.contains(c))) {
                Node next = n.nextSibling();
                n.remove();
                n = next;
            }
            if (n != null) {
                n.remove();
            }
            begin.remove();
            removed = true;
        }
        for (Comment end : ends) {
            if (end.parent() != null) {
                end.remove();
            }
        }
        // The toolbar's own elements, where a re-serialisation moved them away from the markers.
        for (Element e : doc.select("#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-capinfo")) {
            e.remove();
            removed = true;
        }
        return removed;
    }

    private static boolean removePlayback(Document doc) {
        boolean removed = false;
        for (Element script : doc.select("script")) {
            String src = script.attr("src");
            String data = script.data();
            if (src.contains("/_static/") || src.contains("wombat") || src.contains("archive.org/includes/")
                    || data.contains("__wm.") || data.contains("wombat") || data.contains("archive_analytics")) {
                script.remove();
                removed = true;
            }
        }
        for (Element link : doc.select("link[href*=/_static/]")) {
            link.remove();
            removed = true;
        }
        List<Comment> notes = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Comment c && (c.getData().contains("End Wayback Rewrite JS Include")
                    || c.getData().contains("FILE ARCHIVED ON") || c.getData().contains("playback timings"))) {
                notes.add(c);
            }
        }, doc);
        notes.forEach(Node::remove);
        return removed || !notes.isEmpty();
    }

    /** Rewrites every archived link to its original; returns the timestamp most links carry, or null. */
    private static String rewriteLinks(Document doc) {
        Map<String, Integer> timestamps = new HashMap<>();
        for (String attribute : URL_ATTRIBUTES) {
            for (Element e : doc.select("[" + attribute + "]")) {
                String value = e.attr(attribute).trim();
                Matcher m = ARCHIVED.matcher(value);
                if (m.find()) {
                    e.attr(attribute, withScheme(m.group(2)));
                    timestamps.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return timestamps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Wayback collapses "https://" to "https:/" in some paths and drops the scheme in others. */
    private static String withScheme(String url) {
        String u = url.trim();
        Matcher collapsed = Pattern.compile("^(https?):/([^/].*)$", Pattern.CASE_INSENSITIVE).matcher(u);
        if (collapsed.find()) {
            return collapsed.group(1) + "://" + collapsed.group(2);
        }
        if (u.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            return u;
        }
        return u.startsWith("//") ? "https:" + u : "http://" + u;
    }

    /** A 14-digit Wayback timestamp (yyyyMMddHHmmss, UTC); shorter ones are padded as Wayback does. */
    static Instant parseTimestamp(String ts) {
        if (ts == null || !ts.matches("\\d{4,14}")) {
            return null;
        }
        StringBuilder full = new StringBuilder(ts);
        String padding = "0101000000";
        while (full.length() < 14) {
            full.append(padding.charAt(full.length() - 4));
        }
        try {
            return LocalDateTime.parse(full, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
