package io.threadkeep.importer.hackernews;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ids and continuation keys out of Hacker News links, whether the page kept them relative
 * ({@code item?id=5}) or a saving tool made them absolute ({@code https://news.ycombinator.com/item?id=5}).
 */
final class HackerNewsLinks {

    /** The canonical story/comment URL prefix. */
    static final String ITEM_URL = "https://news.ycombinator.com/item?id=";

    private static final Pattern ITEM = Pattern.compile("(?:^|/)item\\?id=(\\d+)");
    private static final Pattern FNID = Pattern.compile("(?:^|/)x\\?fnid=([A-Za-z0-9_-]+)");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[?&]p=(\\d+)");
    private static final Pattern DIGITS = Pattern.compile("(\\d+)");

    private HackerNewsLinks() {
    }

    /** The id of an {@code item?id=N} link, or null. */
    static String itemId(String href) {
        if (href == null) {
            return null;
        }
        Matcher m = ITEM.matcher(href.trim());
        return m.find() ? m.group(1) : null;
    }

    /** The digits in an element id such as {@code up_123} or {@code score_123}, or null. */
    static String digitsIn(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The value of a query parameter, percent-decoded (HN encodes every byte of {@code whence}), or null. */
    static String queryParam(String href, String name) {
        if (href == null) {
            return null;
        }
        int q = href.indexOf('?');
        if (q < 0) {
            return null;
        }
        String query = href.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /**
     * The continuation key a link or location names: the bare fnid of {@code /x?fnid=K}, or
     * {@code item?id=N&p=P} for the numbered comment pages HN uses since it paginates items. Null for anything else
     * (including page 1, which is the story page itself).
     */
    static String continuationKey(String location) {
        if (location == null) {
            return null;
        }
        Matcher fnid = FNID.matcher(location);
        if (fnid.find()) {
            return fnid.group(1);
        }
        String id = itemId(location);
        Matcher page = PAGE_NUMBER.matcher(location);
        if (id != null && page.find()) {
            int p = Integer.parseInt(page.group(1));
            return p > 1 ? "item?id=" + id + "&p=" + p : null;
        }
        return null;
    }

    /** Where a "parent" link points: the fragment of {@code item?id=STORY#PARENT}, else its id. */
    static String parentTarget(String href) {
        if (href == null) {
            return null;
        }
        int hash = href.indexOf('#');
        if (hash >= 0 && hash + 1 < href.length() && href.substring(hash + 1).chars().allMatch(Character::isDigit)) {
            return href.substring(hash + 1);
        }
        return itemId(href);
    }
}
