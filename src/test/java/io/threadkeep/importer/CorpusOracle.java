package io.threadkeep.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What the real corpus pages hold, read independently of the parsers: mostly by regular expressions over the raw
 * markup, so that a parser bug is not repeated in the expectation. Each method knows one markup family.
 */
final class CorpusOracle {

    /** One comment as the oracle sees it; any field may be null when the oracle cannot tell. */
    record Expected(String id, String parentId, String author, String text) {
    }

    private CorpusOracle() {
    }

    /** Text reduced for comparison: tags dropped, entities decoded, whitespace runs collapsed. */
    static String normalize(String htmlOrText) {
        if (htmlOrText == null) {
            return null;
        }
        String noTags = htmlOrText.replaceAll("(?s)<[^>]*>", " ");
        String decoded = Parser.unescapeEntities(noTags, false);
        return decoded.replace('\u00A0', ' ').replaceAll("(?U)\\s+", " ").trim();
    }

    /**
     * A text (the oracle's, already normalised, or a parser's plain text) with every space removed: the oracle cannot
     * tell which tags separate words and which do not ({@code <i>x</i>.} has no space), so texts are compared on
     * their characters alone.
     */
    static String compactPlain(String text) {
        return text == null ? null : text.replace('\u00A0', ' ').replaceAll("(?U)\\s+", "");
    }

    // ---- Hacker News ------------------------------------------------------------------------------------------

    private static final Pattern HN_TABLE_ROW = Pattern.compile(
            "width=(\\d+)></td><td valign=top>.*?<span\\s+class=\"comhead\">(.*?)</span></div><br>\\s*"
                    + "<span class=\"comment\">(.*?)</span>(?:<p>)?<font size=1>", Pattern.DOTALL);
    private static final Pattern HN_ITEM_LINK = Pattern.compile("<a href=\"item\\?id=(\\d+)\">link</a>");
    private static final Pattern HN_USER_LINK = Pattern.compile("<a href=\"user\\?id=([^\"]+)\"");
    private static final Pattern HN_ATHING_ROW = Pattern.compile(
            "<tr class=\"athing comtr\" id=\"(\\d+)\">.*?indent=\"(\\d+)\".*?<span class=\"comhead\">(.*?)"
                    + "<div class=\"comment\">\\s*(?:<span class=\"commtext[^\"]*\">(.*?)</span>\\s*)?<div class=\"reply\">",
            Pattern.DOTALL);

    /** Table-era pages: each comment row's spacer width, comhead and body, parents from the widths. */
    static List<Expected> hackerNewsTable(String html) {
        List<Expected> out = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        Matcher m = HN_TABLE_ROW.matcher(html);
        while (m.find()) {
            int depth = Integer.parseInt(m.group(1)) / 40;
            Matcher id = HN_ITEM_LINK.matcher(m.group(2));
            if (!id.find()) {
                continue;
            }
            Matcher user = HN_USER_LINK.matcher(m.group(2));
            String body = m.group(3).replaceAll("(?s)<font size=1>.*$", "");
            out.add(withParent(stack, depth, id.group(1), user.find() ? user.group(1) : null, normalize(body)));
        }
        return out;
    }

    /** 2014+ pages: {@code tr.athing.comtr} rows with {@code indent} attributes. */
    static List<Expected> hackerNewsAthing(String html) {
        List<Expected> out = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        Matcher m = HN_ATHING_ROW.matcher(html);
        while (m.find()) {
            Matcher user = Pattern.compile("class=\"hnuser\">([^<]+)</a>").matcher(m.group(3));
            out.add(withParent(stack, Integer.parseInt(m.group(2)), m.group(1), user.find() ? user.group(1) : null,
                    normalize(m.group(4))));
        }
        return out;
    }

    private static Expected withParent(Deque<Object[]> stack, int depth, String id, String author, String text) {
        while (!stack.isEmpty() && (int) stack.peek()[0] >= depth) {
            stack.pop();
        }
        String parent = stack.isEmpty() ? null : (String) stack.peek()[1];
        stack.push(new Object[] {depth, id});
        return new Expected(id, parent, author, text);
    }

    // ---- Reddit -----------------------------------------------------------------------------------------------

    /**
     * Old design: things whose class has "comment"; the id from any {@code t1_} mark inside the thing's own
     * opening tag or report form, the parent from the {@code siteTable_t1_X} listing that encloses it.
     */
    static List<Expected> redditOld(String html) {
        Document doc = Jsoup.parse(html);
        List<Expected> out = new ArrayList<>();
        for (Element thing : doc.select("div[class~=(^|\\s)thing(\\s|$)][class~=(^|\\s)comment(\\s|$)]")) {
            Element report = thing.selectFirst("div[class*=report-t1_]");
            String id = report == null ? null : report.className().replaceAll(".*report-t1_([a-z0-9]+).*", "$1");
            if (id == null) {
                continue;
            }
            String parent = null;
            for (Element up = thing.parent(); up != null; up = up.parent()) {
                if (up.id().startsWith("siteTable_t1_")) {
                    parent = up.id().substring("siteTable_t1_".length());
                    break;
                }
            }
            String author = thing.hasAttr("data-author") ? thing.attr("data-author") : null;
            Element md = thing.selectFirst("div.usertext-body > div.md");
            String text = md == null ? null : normalize(md.html());
            if ("[removed]".equals(text) || "[deleted]".equals(text)) {
                text = null;
            }
            out.add(new Expected(id, parent, author, text));
        }
        return out;
    }

    /** New design: the page state's comment models (parsed here with Gson directly), bodies from rendered copies. */
    static List<Expected> redditNew(String html) {
        int mark = html.indexOf("window.___r = ");
        JsonReader reader = new JsonReader(new StringReader(html.substring(html.indexOf('{', mark))));
        reader.setStrictness(com.google.gson.Strictness.LENIENT);
        JsonObject state = JsonParser.parseReader(reader).getAsJsonObject();
        JsonObject models = state.getAsJsonObject("comments").getAsJsonObject("models");
        Document doc = Jsoup.parse(html);
        Map<String, Expected> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : models.entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            String id = c.get("id").getAsString().substring(3);
            String parent = c.get("parentId").isJsonNull() ? null : c.get("parentId").getAsString().substring(3);
            String author = c.get("author").getAsString();
            Element rendered = doc.selectFirst("div#t1_" + id + " [data-test-id=comment]");
            String text = rendered != null ? normalize(rendered.html()) : normalize(richText(c));
            if ("[deleted]".equals(text) || "[removed]".equals(text)) {
                text = null;
            }
            out.put(id, new Expected(id, parent, author.startsWith("[") ? null : author, text));
        }
        return new ArrayList<>(out.values());
    }

    private static String richText(JsonObject comment) {
        StringBuilder sb = new StringBuilder();
        Matcher m = Pattern.compile("\"t\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(comment.get("media").toString());
        while (m.find()) {
            sb.append(JsonParser.parseString("\"" + m.group(1) + "\"").getAsString()).append(' ');
        }
        return sb.toString();
    }

    // ---- Lobsters ---------------------------------------------------------------------------------------------

    private static final Pattern LOBSTERS_TOKEN = Pattern.compile(
            "<li class=\"comments_subtree\"[^>]*>|</li>|data-shortid=\"([a-z0-9]+)\"\\s+class=\"comment\\b");
    private static final Pattern LOBSTERS_BODY = Pattern.compile(
            "data-shortid=\"([a-z0-9]+)\"\\s+class=\"comment\\b.*?<a\\b[^>]*href=\"/~([^\"]+)\"[^>]*>[^<]+</a>.*?"
                    + "class=\"comment_text\">(.*?)</div>\\s*</div>\\s*</div>", Pattern.DOTALL);

    /** Comments by scanning list items: a comment belongs to the innermost open item, its parent to the next out. */
    static List<Expected> lobsters(String html) {
        Map<String, String[]> details = new LinkedHashMap<>();
        Matcher b = LOBSTERS_BODY.matcher(html);
        while (b.find()) {
            String text = normalize(b.group(3));
            details.put(b.group(1), new String[] {b.group(2), text.startsWith("[Comment removed") ? null : text});
        }
        List<Expected> out = new ArrayList<>();
        Deque<String[]> items = new ArrayDeque<>(); // each open li: {comment id or null}
        Matcher t = LOBSTERS_TOKEN.matcher(html);
        while (t.find()) {
            String token = t.group();
            if (token.startsWith("<li")) {
                items.push(new String[] {null});
            } else if (token.equals("</li>")) {
                if (!items.isEmpty()) {
                    items.pop();
                }
            } else if (!items.isEmpty()) {
                String id = t.group(1);
                items.peek()[0] = id;
                String parent = null;
                boolean first = true;
                for (String[] item : items) {
                    if (first) {
                        first = false;
                        continue;
                    }
                    if (item[0] != null) {
                        parent = item[0];
                        break;
                    }
                }
                String[] d = details.getOrDefault(id, new String[] {null, null});
                out.add(new Expected(id, parent, d[0], d[1]));
            }
        }
        return out;
    }
}
