package io.threadkeep.importer.reddit;

import io.threadkeep.model.CommentState;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reddit ids and URLs as the three designs write them, reduced to one canonical form. */
final class RedditLinks {

    private static final Pattern PERMALINK = Pattern.compile(
            "(?:^|reddit\\.com|redd\\.it)?/r/([A-Za-z0-9_]+)/comments/([a-z0-9]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FULLNAME = Pattern.compile("\\bt([1-6])_([a-z0-9]+)\\b");

    private RedditLinks() {
    }

    /** A story's canonical URL: {@code https://www.reddit.com/r/SUB/comments/ID/}, whatever host the page used. */
    static String storyUrl(String subreddit, String storyId) {
        return "https://www.reddit.com/r/" + subreddit + "/comments/" + storyId.toLowerCase(Locale.ROOT) + "/";
    }

    /** {subreddit, story id} from a permalink on any reddit host (old., www., np., no slug), or null. */
    static String[] subredditAndStory(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = PERMALINK.matcher(url);
        return m.find() ? new String[] {m.group(1), m.group(2).toLowerCase(Locale.ROOT)} : null;
    }

    /** The id without its type prefix: "t1_abc" → "abc"; a bare id stays as it is; null stays null. */
    static String bareId(String fullname) {
        if (fullname == null) {
            return null;
        }
        String s = fullname.trim();
        Matcher m = FULLNAME.matcher(s);
        if (m.find()) {
            return m.group(2);
        }
        return s.isEmpty() ? null : s;
    }

    /** The first {@code tN_xxx} fullname of the given type inside {@code text}, without its prefix; or null. */
    static String findFullname(String text, int type) {
        if (text == null) {
            return null;
        }
        Matcher m = FULLNAME.matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == type) {
                return m.group(2);
            }
        }
        return null;
    }

    /** The page's permalink: canonical link, og:url, then the page's own URL. */
    static String[] pageSubredditAndStory(Document doc, String pageUrl) {
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String[] found = canonical == null ? null : subredditAndStory(canonical.attr("href"));
        if (found == null) {
            Element og = doc.selectFirst("meta[property=og:url][content]");
            found = og == null ? null : subredditAndStory(og.attr("content"));
        }
        return found != null ? found : subredditAndStory(pageUrl);
    }

    /** Reddit's author placeholders ("[deleted]") are not names. */
    static String author(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim();
        if (n.startsWith("u/")) {
            n = n.substring(2);
        }
        return n.isEmpty() || (n.startsWith("[") && n.endsWith("]")) ? null : n;
    }

    /** The state a body's literal marker shows; reddit writes these markers in English in every language. */
    static CommentState markerState(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.equals("[deleted]")) {
            return CommentState.DELETED;
        }
        if (t.equals("[removed]")) {
            return CommentState.REMOVED;
        }
        return null;
    }

    /** Unix seconds or milliseconds (the designs use both) to an instant; null for missing or zero. */
    static Instant epoch(double value) {
        if (value <= 0) {
            return null;
        }
        return value > 1e11 ? Instant.ofEpochMilli((long) value) : Instant.ofEpochSecond((long) value);
    }
}
