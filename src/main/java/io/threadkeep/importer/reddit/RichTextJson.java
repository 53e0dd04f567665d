package io.threadkeep.importer.reddit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.jsoup.nodes.Entities;

/**
 * Renders Reddit's "rtjson" rich-text documents (the bodies in the 2018–2022 design's page state) as HTML, which
 * {@code SafeHtml} then reduces like any other body. Unknown element kinds keep their text.
 */
final class RichTextJson {

    // Style bits of a text run's "f" ranges.
    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    private static final int STRIKE = 8;
    private static final int SUPERSCRIPT = 32;
    private static final int CODE = 64;

    private RichTextJson() {
    }

    /** The document's HTML; an empty string when it has no content. */
    static String toHtml(JsonElement document) {
        StringBuilder out = new StringBuilder();
        if (document != null && document.isJsonObject() && document.getAsJsonObject().has("document")) {
            nodes(document.getAsJsonObject().get("document"), out);
        } else {
            nodes(document, out);
        }
        return out.toString();
    }

    private static void nodes(JsonElement list, StringBuilder out) {
        if (list == null || !list.isJsonArray()) {
            return;
        }
        for (JsonElement n : list.getAsJsonArray()) {
            if (n.isJsonObject()) {
                node(n.getAsJsonObject(), out);
            }
        }
    }

    private static void node(JsonObject n, StringBuilder out) {
        String kind = string(n, "e");
        switch (kind) {
            case "par" -> wrap("p", n, out);
            case "li" -> wrap("li", n, out);
            case "blockquote" -> wrap("blockquote", n, out);
            case "spoilertext" -> nodes(n.get("c"), out);
            case "list" -> wrap(n.has("o") && n.get("o").getAsBoolean() ? "ol" : "ul", n, out);
            case "h" -> {
                int level = n.has("l") ? Math.max(1, Math.min(6, n.get("l").getAsInt())) : 2;
                wrap("h" + level, n, out);
            }
            case "hr" -> out.append("<hr>");
            case "br" -> out.append("<br>");
            case "code" -> {
                out.append("<pre><code>");
                JsonElement lines = n.get("c");
                if (lines != null && lines.isJsonArray()) {
                    JsonArray array = lines.getAsJsonArray();
                    for (int i = 0; i < array.size(); i++) {
                        if (i > 0) {
                            out.append('\n');
                        }
                        JsonElement line = array.get(i);
                        if (line.isJsonObject()) {
                            out.append(Entities.escape(string(line.getAsJsonObject(), "t")));
                        }
                    }
                }
                out.append("</code></pre>");
            }
            case "raw" -> out.append(Entities.escape(string(n, "t")));
            case "text" -> styledText(n, out);
            case "link" -> {
                out.append("<a href=\"").append(Entities.escape(string(n, "u"))).append("\">");
                if (n.has("c")) {
                    nodes(n.get("c"), out);
                } else {
                    styledText(n, out);
                }
                out.append("</a>");
            }
            case "r/", "u/" -> {
                String name = string(n, "t");
                String prefix = n.has("l") && n.get("l").getAsBoolean() ? "/" + kind : kind;
                out.append("<a href=\"https://www.reddit.com/").append(kind).append(Entities.escape(name))
                        .append("\">").append(Entities.escape(prefix + name)).append("</a>");
            }
            case "table" -> table(n, out);
            case "img", "gif", "video", "emoji" -> {
                // Media are not kept; their caption, if any, is.
                if (n.has("c")) {
                    nodes(n.get("c"), out);
                }
            }
            default -> {
                if (n.has("c")) {
                    nodes(n.get("c"), out);
                } else if (n.has("t")) {
                    out.append(Entities.escape(string(n, "t")));
                }
            }
        }
    }

    private static void wrap(String tag, JsonObject n, StringBuilder out) {
        out.append('<').append(tag).append('>');
        nodes(n.get("c"), out);
        out.append("</").append(tag).append('>');
    }

    private static void table(JsonObject n, StringBuilder out) {
        out.append("<table>");
        JsonElement header = n.get("h");
        if (header != null && header.isJsonArray()) {
            out.append("<tr>");
            for (JsonElement cell : header.getAsJsonArray()) {
                out.append("<th>");
                if (cell.isJsonObject()) {
                    nodes(cell.getAsJsonObject().get("c"), out);
                }
                out.append("</th>");
            }
            out.append("</tr>");
        }
        JsonElement rows = n.get("c");
        if (rows != null && rows.isJsonArray()) {
            for (JsonElement row : rows.getAsJsonArray()) {
                out.append("<tr>");
                if (row.isJsonArray()) {
                    for (JsonElement cell : row.getAsJsonArray()) {
                        out.append("<td>");
                        if (cell.isJsonObject()) {
                            nodes(cell.getAsJsonObject().get("c"), out);
                        }
                        out.append("</td>");
                    }
                }
                out.append("</tr>");
            }
        }
        out.append("</table>");
    }

    /** A text run with its style ranges ("f": [[bits, start, length], ...]) as nested inline tags. */
    private static void styledText(JsonObject n, StringBuilder out) {
        String text = string(n, "t");
        JsonElement ranges = n.get("f");
        if (ranges == null || !ranges.isJsonArray() || ranges.getAsJsonArray().isEmpty()) {
            out.append(Entities.escape(text));
            return;
        }
        int[] styles = new int[text.length()];
        for (JsonElement r : ranges.getAsJsonArray()) {
            if (!r.isJsonArray() || r.getAsJsonArray().size() < 3) {
                continue;
            }
            JsonArray range = r.getAsJsonArray();
            int bits = range.get(0).getAsInt();
            int start = Math.max(0, range.get(1).getAsInt());
            int end = Math.min(text.length(), start + Math.max(0, range.get(2).getAsInt()));
            for (int i = start; i < end; i++) {
                styles[i] |= bits;
            }
        }
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && styles[j] == styles[i]) {
                j++;
            }
            String open = tags(styles[i], false);
            String close = tags(styles[i], true);
            out.append(open).append(Entities.escape(text.substring(i, j))).append(close);
            i = j;
        }
    }

    private static String tags(int bits, boolean closing) {
        String[] names = {"b", "i", "s", "sup", "code"};
        int[] flags = {BOLD, ITALIC, STRIKE, SUPERSCRIPT, CODE};
        StringBuilder s = new StringBuilder();
        if (!closing) {
            for (int k = 0; k < names.length; k++) {
                if ((bits & flags[k]) != 0) {
                    s.append('<').append(names[k]).append('>');
                }
            }
        } else {
            for (int k = names.length - 1; k >= 0; k--) {
                if ((bits & flags[k]) != 0) {
                    s.append("</").append(names[k]).append('>');
                }
            }
        }
        return s.toString();
    }

    private static String string(JsonObject n, String key) {
        JsonElement e = n.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
