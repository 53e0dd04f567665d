package io.threadkeep.importer.threadkeep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.threadkeep.importer.NotAThreadException;
import io.threadkeep.importer.Page;
import io.threadkeep.importer.SafeHtml;
import io.threadkeep.importer.SiteParser;
import io.threadkeep.model.Comment;
import io.threadkeep.model.CommentState;
import io.threadkeep.model.Completeness;
import io.threadkeep.model.ParsedThread;
import io.threadkeep.model.Site;
import io.threadkeep.model.Story;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Threadkeep's own HTML export, so that a page exported from one archive imports into another as the same thread:
 * the story keeps its original site and URL (it merges with a save of the original page), the comments their ids,
 * tree and metadata from the embedded {@code <script type="application/json" id="threadkeep-thread">}, and their
 * bodies from the page's {@code details.c[data-id] > div.body}, cleaned like any other page's. The file is as
 * untrusted as any saved page: nothing in it is taken on faith beyond what the cleaning keeps.
 */
public final class ThreadkeepExportParser implements SiteParser {

    private static final String GENERATOR_PREFIX = "Threadkeep export";
    private static final String DATA_ID = "threadkeep-thread";

    /** The site the export holds comes from its data; this names the family for messages only. */
    @Override
    public String name() {
        return "threadkeep-export";
    }

    @Override
    public Site site() {
        return Site.WEB;
    }

    @Override
    public boolean accepts(Page page) {
        Document doc = page.document();
        Element generator = doc.selectFirst("meta[name=generator]");
        return generator != null && generator.attr("content").startsWith(GENERATOR_PREFIX)
                && doc.getElementById(DATA_ID) != null;
    }

    @Override
    public ParsedThread parse(Page page) throws NotAThreadException {
        Document doc = page.document();
        Element script = doc.getElementById(DATA_ID);
        JsonObject root;
        try {
            root = JsonParser.parseString(script == null ? "" : script.data()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new NotAThreadException("a Threadkeep export whose thread data cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        JsonObject s = object(root, "story");
        if (s == null) {
            throw new NotAThreadException("a Threadkeep export without its story");
        }
        Site site = Site.fromId(string(s, "site")).orElseThrow(
                () -> new NotAThreadException("a Threadkeep export of an unknown site: " + string(s, "site")));
        String url = string(s, "url");
        if (url == null || url.isBlank()) {
            throw new NotAThreadException("a Threadkeep export without the story's URL");
        }
        SafeHtml.Body summary = null;
        Element summaryElement = doc.selectFirst("header.story > div.summary");
        if (summaryElement != null) {
            summary = SafeHtml.clean(summaryElement);
        }
        Story story = new Story(site, string(s, "siteStoryId"), url, string(s, "title"), string(s, "author"),
                instant(string(s, "posted")), string(s, "department"), strings(s, "topics"), strings(s, "tags"),
                summary == null || summary.isEmpty() ? null : summary.html(),
                summary == null || summary.isEmpty() ? null : summary.text(),
                integer(s, "declaredCommentCount"), string(s, "linkUrl"));

        Map<String, Element> bodies = new HashMap<>();
        for (Element details : doc.select("details.c[data-id]")) {
            for (Element child : details.children()) {
                if (child.normalName().equals("div") && child.hasClass("body")) {
                    bodies.putIfAbsent(details.attr("data-id"), child);
                    break;
                }
            }
        }
        List<Comment> comments = new ArrayList<>();
        JsonArray list = root.has("comments") && root.get("comments").isJsonArray()
                ? root.getAsJsonArray("comments") : new JsonArray();
        for (JsonElement e : list) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject c = e.getAsJsonObject();
            String id = string(c, "id");
            if (id == null || id.isBlank()) {
                continue;
            }
            Completeness completeness = enumValue(Completeness.class, string(c, "completeness"),
                    Completeness.METADATA_ONLY);
            Element bodyElement = bodies.get(id);
            SafeHtml.Body body = bodyElement == null ? null : SafeHtml.clean(bodyElement);
            String html = completeness.hasBody() && body != null ? body.html() : null;
            String text = completeness.hasBody() && body != null ? body.text() : null;
            Boolean accepted = bool(c, "accepted");
            comments.add(new Comment(id, string(c, "parentId"), string(c, "author"), string(c, "authorId"),
                    instant(string(c, "posted")), string(c, "postedText"), integer(c, "score"), string(c, "label"),
                    string(c, "subject"), html, text, completeness,
                    enumValue(CommentState.class, string(c, "state"), CommentState.NORMAL), integer(c, "postNumber"),
                    accepted != null && accepted));
        }
        return new ParsedThread(story, comments, List.of(), page.capturedAt(), null, List.of());
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static Integer integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            return e.getAsInt();
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean() ? null : e.getAsBoolean();
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(key);
        if (e != null && e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (item.isJsonPrimitive()) {
                    out.add(item.getAsString());
                }
            }
        }
        return out;
    }

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, E fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
