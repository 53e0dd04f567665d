package io.threadkeep.bench.gen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Escaping and small pieces shared by the writers. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and double-quoted attributes. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Escapes and turns everything outside Latin-1 into numeric references, for pages served as ISO-8859-1. */
    static String escapeLatin1(String s) {
        String e = escape(s);
        StringBuilder out = new StringBuilder(e.length());
        e.codePoints().forEach(cp -> {
            if (cp > 0xFF) {
                out.append("&#").append(cp).append(';');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String urlParam(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String domain(String url) {
        String host = url.replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** "3 hours ago" style text, as the sites show it relative to when the page was saved. */
    static String ago(Instant then, Instant now) {
        long minutes = Math.max(1, Duration.between(then, now).toMinutes());
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + (hours == 1 ? " hour ago" : " hours ago");
        }
        long days = hours / 24;
        if (days < 365) {
            return days + (days == 1 ? " day ago" : " days ago");
        }
        long years = days / 365;
        return years + (years == 1 ? " year ago" : " years ago");
    }

    /** Direct replies per comment id, in page order. */
    static Map<String, List<String>> kids(List<GenComment> comments) {
        Map<String, List<String>> kids = new LinkedHashMap<>();
        for (GenComment c : comments) {
            kids.computeIfAbsent(c.id(), k -> new ArrayList<>());
            if (c.parentId() != null) {
                kids.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
            }
        }
        return kids;
    }

    /** When the page was saved: a while after the last comment. */
    static Instant capturedAt(GenThread thread) {
        Instant last = thread.story().posted();
        for (GenComment c : thread.comments()) {
            if (c.posted() != null && c.posted().isAfter(last)) {
                last = c.posted();
            }
        }
        return last.plusSeconds(3 * 3600 + thread.comments().size() % 5000);
    }
}
